package fr.conventionent.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.convention.LetterDocument;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionChanges;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.Uai;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.PdfText;
import fr.conventionent.support.WordDocument;

/** The avenant, the letters and the model charter come from their Word templates, and each exists as PDF. */
class LifeDocumentTemplatesTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-2026-01";
    private static final Ecole LILAS = new Ecole(Uai.withCheckLetter("0780999"), "École maternelle Les Lilas",
            "3, rue des Lilas");

    @Autowired
    AvenantDocument avenants;
    @Autowired
    LetterDocument letters;
    @Autowired
    UsersCharterDocument charter;
    @Autowired
    PdfDocuments pdf;

    static AvenantDocument.Avenant avenant(String clauses) {
        ConventionData before = ConventionTemplateTest.versailles(3);
        List<Ecole> ecoles = new ArrayList<>(before.ecoles().subList(1, 3));
        ecoles.add(LILAS);
        ConventionData after = new ConventionData(before.communeInsee(), before.communeNom(), before.communeAdresse(),
                before.maireNom(), ecoles, new Contact("BERNARD Léa", "01 39 00 00 09", "lea.bernard@versailles.example"),
                before.correspondantsTechniques(), before.editeurEnt(), "Nouvel exploitant SAS");
        return new AvenantDocument.Avenant(NUMERO, 1, LocalDate.of(2026, 9, 15), 2, before, after,
                "Changement d'exploitant", clauses, ConventionChanges.between(before, after));
    }

    @Test
    void theAvenantKeepsOnlyTheSectionsThatChangeAndWordNumbersItsArticles() throws Exception {
        AvenantDocument.Avenant avenant = avenant("L'article 2 est complété par un alinéa sur la réversibilité.\n"
                + "L'article 4 est inchangé.");
        WordDocument docx = WordDocument.of(avenants.generate(avenant));

        assertThat(docx.text()).doesNotContain("${").contains("AVENANT N° 1 À LA CONVENTION",
                "La commune de Versailles (code INSEE 78646)", "L'article 4 est inchangé.",
                "Après le présent avenant, 3 écoles bénéficient du dispositif.")
                .doesNotContain("Les informations des écoles suivantes sont modifiées");
        assertThat(docx.tableRows("Nom de l'école")).as("une école ajoutée").hasSize(2)
                .last().asString().contains(LILAS.uai(), "Les Lilas");
        assertThat(docx.paragraphsStyled("Heading1")).containsExactly("Objet de l'avenant", "Clauses modifiées",
                "Annexe 1 : écoles qui bénéficient du dispositif", "Annexe 2 : coordonnées", "Autres stipulations");
        assertThat(docx.numberedParagraphs("decimal")).as("« Article n – » vient de la numérotation Word")
                .contains("Objet de l'avenant", "Autres stipulations");

        String text = PdfText.of(pdf.toPdf(avenants.generate(avenant))).flat();
        assertThat(text).contains("Article 1 – Objet de l'avenant", "Article 2 – Clauses modifiées",
                "Article 5 – Autres stipulations", "Versailles", "Nouvel exploitant SAS");
    }

    @Test
    void anAvenantWithoutClausesHasNoGapInItsArticleNumbers() throws Exception {
        String text = PdfText.of(pdf.toPdf(avenants.generate(avenant("")))).flat();

        assertThat(text).contains("Article 1 – Objet de l'avenant", "Article 2 – Annexe 1",
                "Article 4 – Autres stipulations").doesNotContain("Clauses modifiées");
    }

    @Test
    void theLetterRepeatsItsBodyParagraphsAndExistsAsPdf() throws Exception {
        byte[] docx = letters.generate(new LetterDocument.Letter(Party.COMMUNE, "Versailles",
                "4, avenue de Paris, 78000 Versailles", "M. François de Mazières", NUMERO, LocalDate.of(2026, 9, 15),
                LocalDate.of(2027, 6, 8), "Dénonciation de la convention",
                List.of("Premier paragraphe de la lettre.", "Second paragraphe de la lettre.")));

        assertThat(WordDocument.of(docx).text()).doesNotContain("${").containsSubsequence("Commune de Versailles",
                "À Versailles, le 8 juin 2027", "Objet : Dénonciation de la convention", "n° " + NUMERO
                        + ", signée le 15 septembre 2026.", "Monsieur le Recteur,", "Premier paragraphe de la lettre.",
                "Second paragraphe de la lettre.", "Je vous prie d'agréer, Monsieur le Recteur,",
                "Maire de Versailles");
        assertThat(PdfText.of(pdf.toPdf(docx)).flat()).contains("Commune de Versailles",
                "Objet : Dénonciation de la convention", "Second paragraphe de la lettre.");
    }

    @Test
    void theModelCharterUsesHeadingsAndWordBullets() throws Exception {
        byte[] docx = charter.generate("Versailles");
        WordDocument document = WordDocument.of(docx);

        assertThat(document.text()).doesNotContain("${").contains("la commune de Versailles");
        assertThat(document.paragraphsStyled("Heading1")).contains("1. Objet", "8. Adoption");
        assertThat(document.numberedParagraphs("bullet")).contains(
                "Garder secret son mot de passe et ne jamais utiliser le compte d'une autre personne.");
        assertThat(PdfText.of(pdf.toPdf(docx)).flat()).contains("CHARTE DES UTILISATEURS", "la commune de Versailles",
                "4. Les engagements de l'utilisateur");
    }
}
