package fr.conventionent.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.PdfText;
import fr.conventionent.support.WordDocument;

/** The convention comes from its Word template: every field filled, real Word styles and numbering, and a PDF. */
class ConventionTemplateTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-2026-01";

    @Autowired
    ConventionDocument conventionDocument;
    @Autowired
    PdfDocuments pdf;
    @Autowired
    ConventionProperties properties;
    @Autowired
    CommuneDirectory communes;
    @Autowired
    SchoolDirectory schoolDirectory;

    static ConventionData versailles(int schools) {
        return ConventionDataMapper.normalize(ConventionDataMapper.read(
                SampleConventions.completion("78646", "Versailles", schools)));
    }

    @Test
    void theConventionTemplateIsFilledWithTheCommunesData() throws Exception {
        ConventionData data = versailles(3);
        WordDocument docx = WordDocument.of(conventionDocument.generate(data, NUMERO, 2));

        assertThat(docx.text()).doesNotContain("${")
                .contains("La commune de Versailles (code INSEE 78646)", "représentée par " + data.maireNom(),
                        "Convention n° " + NUMERO + " – version 2", "Le Maire de Versailles",
                        "Éditeur de l'ENT : " + data.editeurEnt(), data.referentEnt().email(),
                        "3 écoles bénéficient du dispositif.")
                .as("sans DPO nommé par la commune, pas de rubrique vide").doesNotContain("Délégué à la protection");
        List<String> annexe1 = docx.tableRows("Nom de l'école");
        assertThat(annexe1).as("l'en-tête, puis une ligne par école").hasSize(1 + 3);
        for (int i = 0; i < 3; i++) {
            Ecole ecole = data.ecoles().get(i);
            assertThat(annexe1.get(i + 1)).isEqualTo("Versailles | " + ecole.uai() + " | " + ecole.nom() + " | "
                    + ecole.adresse());
        }
        assertThat(docx.tableRows("Adresse de messagerie")).hasSize(1 + data.correspondantsTechniques().size());
    }

    @Test
    void article7NamesTheIenOfEachCirconscriptionOfTheSchools() throws Exception {
        String versailles = WordDocument.of(conventionDocument.generate(versailles(2), NUMERO, 1)).text();
        assertThat(versailles).contains("à l'IEN (inspecteur de l'éducation nationale) de la circonscription"
                + " (Circonscription de Versailles)");

        ConventionData argenteuil = ConventionDataMapper.normalize(ConventionDataMapper.read(
                SampleConventions.completion("95018", "Argenteuil", 3)));
        assertThat(WordDocument.of(conventionDocument.generate(argenteuil, "CONV-95018-2026-01", 1)).text())
                .contains("de la circonscription (Circonscription d'Argenteuil Nord ou Circonscription"
                        + " d'Argenteuil Sud, selon l'école concernée)");
    }

    @Test
    void theConventionUsesWordStylesAndNumbering() throws Exception {
        WordDocument docx = WordDocument.of(conventionDocument.generate(versailles(1), NUMERO, 1));

        assertThat(docx.paragraphsStyled("Title")).singleElement().asString().startsWith("CONVENTION RELATIVE");
        assertThat(docx.paragraphsStyled("Heading1")).contains("PRÉAMBULE", "Article 1 – Objet de la convention",
                "Article 7 – La chaîne d'alerte", "Article 13 – Litiges", "Annexe 1", "Annexe 2");
        assertThat(docx.paragraphsStyled("Heading2")).contains("3.1 – Écoles", "Modalités pratiques");
        assertThat(docx.numberedParagraphs("bullet")).contains("est associée au pilotage du déploiement de l'ENT ;",
                "assure l'assistance aux écoles concernant ce dispositif.");
        assertThat(docx.numberedParagraphs("decimal")).contains("Services connectés.",
                "L'IA-DASEN valide et transmet à la DACES.");
        assertThat(docx.text()).as("les numéros viennent de la numérotation Word, pas du texte")
                .doesNotContain("1. une Direction du numérique", "•");
    }

    @Test
    void theConventionAlsoExistsAsPdf() throws Exception {
        byte[] docx = conventionDocument.generate(versailles(40), NUMERO, 1);
        PdfText text = PdfText.of(pdf.toPdf(docx));

        assertThat(text.flat()).contains("La commune de Versailles", "Article 1 – Objet de la convention",
                "Article 13 – Litiges", "Annexe 1", "40 écoles bénéficient du dispositif.");
        assertThat(text.pages()).isBetween(5, 20);
    }

    @Test
    void aTemplateInTheOverrideFolderWinsEvenWithAFieldSplitByWord(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve(WordTemplates.CONVENTION), templateWithSplitField());
        ConventionDocument overridden = new ConventionDocument(properties, communes, schoolDirectory,
                new WordTemplates(folder.toString()));

        String text = WordDocument.of(overridden.generate(versailles(2), NUMERO, 1)).text();

        assertThat(text).contains("Convention revue par la DACES pour Versailles").doesNotContain("Article 1");
        Files.delete(folder.resolve(WordTemplates.CONVENTION));
        assertThat(WordDocument.of(overridden.generate(versailles(2), NUMERO, 1)).text())
                .as("sans fichier dans le dossier, le modèle livré").contains("Article 1 – Objet de la convention");
    }

    @Test
    void aMisspeltFieldIsReportedInFrench(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve(WordTemplates.CONVENTION), WordTemplateGenerator.build(List.of(
                "= Convention de ${comuneNom}")));
        ConventionDocument overridden = new ConventionDocument(properties, communes, schoolDirectory,
                new WordTemplates(folder.toString()));

        assertThatThrownBy(() -> overridden.generate(versailles(1), NUMERO, 1))
                .hasMessageContaining("contient un champ inconnu : ${comuneNom}");
    }

    /** A paragraph as Word leaves it after an edit: "${commu" and "neNom}" in two runs, the second in bold. */
    private static byte[] templateWithSplitField() throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new java.io.ByteArrayInputStream(
                WordTemplateGenerator.build(new ArrayList<>(List.of("= Titre")))));
        P p = Context.getWmlObjectFactory().createP();
        p.getContent().add(run("Convention revue par la DACES pour ${commu", false));
        p.getContent().add(run("neNom}", true));
        pkg.getMainDocumentPart().getContent().add(p);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        pkg.save(out);
        return out.toByteArray();
    }

    private static R run(String value, boolean bold) {
        R r = Context.getWmlObjectFactory().createR();
        if (bold) {
            RPr rpr = Context.getWmlObjectFactory().createRPr();
            rpr.setB(new BooleanDefaultTrue());
            r.setRPr(rpr);
        }
        Text text = Context.getWmlObjectFactory().createText();
        text.setValue(value);
        r.getContent().add(text);
        return r;
    }
}
