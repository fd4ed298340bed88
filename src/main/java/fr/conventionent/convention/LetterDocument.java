package fr.conventionent.convention;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.document.WordTemplates;
import fr.conventionent.identity.delegation.Signatory;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;

/**
 * The letters one party sends the other about a convention (dénonciation, mise en demeure), as
 * DOCX from the Word template lettre.docx: sender and recipient, place and date, registered-letter mention, object, reference,
 * body, closing formula and signature (« Le Recteur », or « Pour le Recteur et par délégation » once a delegate has
 * signed it).
 */
@Component
public class LetterDocument {

    public static final String MIME_TYPE = ConventionDocument.MIME_TYPE;

    private final ConventionProperties.Academie academie;
    private final ConventionRepresentatives representatives;
    private final ConventionRecords records;
    private final WordTemplates templates;

    public LetterDocument(ConventionProperties properties, ConventionRepresentatives representatives,
                          ConventionRecords records, WordTemplates templates) {
        this.academie = properties.academie();
        this.representatives = representatives;
        this.records = records;
        this.templates = templates;
    }

    /**
     * Who writes to whom, about which convention.
     *
     * @param delegate who signs for the Recteur by delegation, or null when the Recteur signs (or the commune writes)
     */
    public record Letter(Party from, String communeNom, String communeAdresse, String maireNom, String numero,
                         LocalDate signature, LocalDate date, String object, List<String> body, Signatory delegate) {

        public Letter(Party from, String communeNom, String communeAdresse, String maireNom, String numero,
                      LocalDate signature, LocalDate date, String object, List<String> body) {
            this(from, communeNom, communeAdresse, maireNom, numero, signature, date, object, body, null);
        }
    }

    /**
     * The letter about the convention of this execution (commune, maire in office today, number, signature
     * date), dated today, as a DOCX file variable.
     */
    public FileValue letterAbout(DelegateExecution execution, Party from, String object, List<String> body,
                                 String fileName) {
        String numero = execution.getProcessBusinessKey();
        // the convention as it stands, with the maire in office today; the procedure's copy for one not recorded yet
        ConventionData convention = records.current(numero).orElseGet(() -> representatives.applyTo(numero,
                ConventionDataMapper.read(execution), SubmittedDates.today()));
        byte[] docx = generate(new Letter(from, convention.communeNom(), convention.communeAdresse(),
                convention.maireNom(), numero,
                SubmittedDates.storedDay(execution.getVariable(ConventionVariables.DATE_SIGNATURE_CONVENTION)),
                SubmittedDates.today(), object, body, Signatory.delegateOf(execution)));
        return Variables.fileValue(fileName).file(docx).mimeType(MIME_TYPE).create();
    }

    public byte[] generate(Letter letter) {
        String commune = "Commune de " + letter.communeNom() + "\n" + letter.communeAdresse() + "\n" + letter.maireNom()
                + ", Maire";
        String rectorat = "Académie – " + capitalize(academie.nom()) + "\n" + academie.adresseSiege() + "\n"
                + academie.representant();
        boolean fromCommune = letter.from() == Party.COMMUNE;
        Map<String, String> values = new HashMap<>();
        values.put("expediteur", fromCommune ? commune : rectorat);
        values.put("destinataire", fromCommune ? rectorat : commune);
        values.put("lieu", fromCommune ? letter.communeNom() : academie.ville());
        values.put("date", FrenchFormats.longDate(letter.date()));
        values.put("objet", letter.object());
        values.put("numero", letter.numero());
        values.put("signeeLe", letter.signature() == null ? "" : ", signée le " + FrenchFormats.longDate(letter.signature()));
        values.put("formuleAppel", fromCommune ? "Monsieur le Recteur," : "Madame, Monsieur le Maire,");
        values.put("formulePolitesse", (fromCommune ? "Je vous prie d'agréer, Monsieur le Recteur,"
                : "Je vous prie d'agréer, Madame, Monsieur le Maire,") + " l'expression de ma haute considération.");
        values.put("signataire", fromCommune ? letter.maireNom() + "\nMaire de " + letter.communeNom()
                : letter.delegate() != null ? "Pour le Recteur et par délégation,\n" + letter.delegate().nom() + ",\n"
                + letter.delegate().fonction()
                : "Le Recteur de l'" + academie.nom() + ",\nChancelier des Universités");
        values.replaceAll((field, value) -> value == null ? "" : value);
        return templates.open(WordTemplates.LETTRE)
                .paragraphs("paragraphe", letter.body())
                .fill(values)
                .toDocx();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
