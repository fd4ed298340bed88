package fr.conventionent.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.convention.LetterDocument;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionChanges;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.Uai;
import fr.conventionent.support.EngineTest;

/**
 * The documents of a convention's life (letters, avenant, model charter, closure sheet) are real
 * DOCX files: LibreOffice opens and converts each one (see {@link DocumentsOpenInLibreOfficeTest}).
 */
class LifeDocumentsOpenInLibreOfficeTest extends EngineTest {

    @Autowired
    LetterDocument letters;
    @Autowired
    AvenantDocument avenants;
    @Autowired
    UsersCharterDocument charter;

    @Test
    void theDocumentsOfAConventionsLifeOpenInLibreOffice() throws Exception {
        ConventionData before = ConventionDataMapper.normalize(ConventionDataMapper.read(
                SampleConventions.completion("78646", "Versailles", 3)));
        List<Ecole> ecoles = new ArrayList<>(before.ecoles().subList(1, 3));
        ecoles.add(new Ecole(Uai.withCheckLetter("0780999"), "École maternelle Les Lilas", "3, rue des Lilas"));
        ConventionData after = new ConventionData(before.communeInsee(), before.communeNom(), before.communeAdresse(),
                before.maireNom(), ecoles, new Contact("BERNARD Léa", "01 39 00 00 09", "lea.bernard@versailles.example"),
                before.correspondantsTechniques(), before.editeurEnt(), "Nouvel exploitant SAS");
        ConventionChanges changes = ConventionChanges.between(before, after);

        DocumentsOpenInLibreOfficeTest.assertConvertsToPdf("avenant-1.docx", avenants.generate(new AvenantDocument.Avenant(
                "CONV-78646-2026-01", 1, LocalDate.of(2026, 9, 15), 2, before, after, "Changement d'exploitant",
                "L'article 2 est complété par un alinéa sur la réversibilité des données.", changes)));
        DocumentsOpenInLibreOfficeTest.assertConvertsToPdf("lettre-denonciation.docx", letters.generate(
                new LetterDocument.Letter(Party.COMMUNE, "Versailles", "4, avenue de Paris, 78000 Versailles",
                        "M. François de Mazières", "CONV-78646-2026-01", LocalDate.of(2026, 9, 15),
                        LocalDate.of(2027, 6, 8), "Dénonciation de la convention",
                        List.of("Par la présente, la commune de Versailles vous notifie sa décision de dénoncer"
                                + " cette convention."))));
        DocumentsOpenInLibreOfficeTest.assertConvertsToPdf("charte-utilisateurs.docx", charter.generate("Versailles"));
        DocumentsOpenInLibreOfficeTest.assertConvertsToPdf("fiche-cloture.docx",
                new RecordDocument("FICHE DE CLÔTURE DE LA CONVENTION ENT", "Convention n° CONV-78646-2026-01")
                        .lines("Fin de la convention", List.of("La convention a pris fin le 8 septembre 2027."))
                        .table("Reconductions tacites", List.of("N°", "À compter du", "Jusqu'au (inclus)"),
                                List.of(List.of("1", "2030-09-15", "2031-09-14")), "Aucune reconduction.")
                        .table("Avenants", List.of("N°", "Objet", "Signé le"), List.of(), "Aucun avenant.")
                        .toBytes());
    }
}
