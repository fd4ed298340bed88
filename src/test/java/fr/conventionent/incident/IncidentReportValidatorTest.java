package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Uai;

class IncidentReportValidatorTest {

    private static final Date NOW = paris("2026-03-02T11:00");
    private static final String UAI_78 = Uai.withCheckLetter("0781234");
    private static final List<String> MAIRIE_VERSAILLES = List.of("commune-78646");

    private final IncidentReportValidator validator = new IncidentReportValidator(new CommuneDirectory(
            new ConventionProperties(false, false, null,
                    new ConventionProperties.Referentiel(new ClassPathResource("referentiel/communes.csv"),
                            new ClassPathResource("referentiel/ecoles.csv")),
                    null, null, null, null)));

    private static Date paris(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(FrenchFormats.PARIS).toInstant());
    }

    private static Map<String, Object> report() {
        Map<String, Object> raw = new HashMap<>();
        raw.put(TYPE_INCIDENT, "fuite-donnees");
        raw.put(DATE_DETECTION, "2026-03-02T09:15");
        raw.put(COMMUNE_INSEE, "78646");
        raw.put(ECOLES_UAI, " " + UAI_78.toLowerCase() + " ; " + UAI_78 + "\n");
        raw.put(DONNEES_PERSONNELLES, true);
        raw.put(DESCRIPTION, "  Liste des élèves visible par tous les parents.  ");
        return raw;
    }

    private IncidentReport check(Map<String, Object> raw) {
        return validator.check(raw, "mairie.versailles", MAIRIE_VERSAILLES, NOW);
    }

    @Test
    void aGoodReportIsNormalised() {
        IncidentReport report = check(report());

        assertThat(report.type()).isEqualTo("fuite-donnees");
        assertThat(report.detection()).isEqualTo(paris("2026-03-02T09:15"));
        assertThat(report.commune().nom()).isEqualTo("Versailles");
        assertThat(report.commune().circonscription()).isEqualTo("versailles");
        assertThat(report.ecolesUai()).containsExactly(UAI_78);
        assertThat(report.donneesPersonnelles()).isTrue();
        assertThat(report.description()).isEqualTo("Liste des élèves visible par tous les parents.");
    }

    @Test
    void detectionDatesAreReadAsFormsAndTheRestApiSendThem() {
        Date expected = paris("2026-03-02T09:15");
        for (Object value : List.of("2026-03-02T09:15", "2026-03-02T09:15:00", "2026-03-02T09:15:00.000+0100",
                "2026-03-02T08:15:00Z", "2026-03-02T09:15:00+01:00", "02/03/2026 09:15", "02/03/2026 à 09h15",
                expected)) {
            Map<String, Object> raw = report();
            raw.put(DATE_DETECTION, value);
            assertThat(check(raw).detection()).as(value.toString()).isEqualTo(expected);
        }
    }

    @Test
    void detectionInTheFutureIsRefused() {
        Map<String, Object> raw = report();
        raw.put(DATE_DETECTION, "2026-03-02T11:30");

        assertThatThrownBy(() -> check(raw)).isInstanceOf(InvalidSubmissionException.class)
                .hasMessage("Saisie refusée : La date de détection (2 mars 2026 à 11 h 30) ne peut pas être dans le futur.");

        raw.put(DATE_DETECTION, "2026-03-02T11:04");
        assertThat(check(raw).detection()).as("a browser clock a little ahead").isEqualTo(paris("2026-03-02T11:04"));
    }

    @Test
    void aCommuneReportsForItselfOnlyAndTheAcademieForAnyCommune() {
        Map<String, Object> raw = report();

        assertThatThrownBy(() -> validator.check(raw, "mairie.nanterre", List.of("commune-92050"), NOW))
                .hasMessageContaining("Vous ne pouvez pas signaler un incident pour la commune de Versailles (78646)")
                .hasMessageContaining("(92050)");
        for (String academie : List.of("rssi", "daces", "ien-circo-nanterre", "ien-tice-92", "dasen-91", "camunda-admin")) {
            assertThat(validator.check(raw, "quelqu.un", List.of(academie), NOW).commune().insee()).isEqualTo("78646");
        }
        assertThat(validator.check(raw, null, List.of(), NOW).commune().insee()).as("the application itself")
                .isEqualTo("78646");
    }

    @Test
    void everyProblemIsReportedAtOnceInFrench() {
        Map<String, Object> raw = new HashMap<>();
        raw.put(TYPE_INCIDENT, "panne-de-courant");
        raw.put(DATE_DETECTION, "hier soir");
        raw.put(COMMUNE_INSEE, "7864");
        raw.put(DESCRIPTION, "   ");
        raw.put(PIECES_JOINTES[0], Variables.fileValue("enorme.zip")
                .file(new byte[(int) IncidentReportValidator.MAX_PIECE_JOINTE_OCTETS + 1]).create());

        assertThatThrownBy(() -> check(raw)).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("Choisissez le type d'incident dans la liste.")
                .hasMessageContaining("La date de détection « hier soir » n'est pas une date et une heure valides")
                .hasMessageContaining("Le code INSEE « 7864 » n'est pas valide")
                .hasMessageContaining("Décrivez l'incident")
                .hasMessageContaining("La pièce jointe « enorme.zip » dépasse 10 Mo");
    }

    @Test
    void missingDetectionAndUnknownCommuneAreRefused() {
        Map<String, Object> raw = report();
        raw.remove(DATE_DETECTION);
        raw.put(COMMUNE_INSEE, "75056");

        assertThatThrownBy(() -> validator.check(raw, null, List.of(), NOW))
                .hasMessageContaining("Indiquez la date et l'heure de détection de l'incident.")
                .hasMessageContaining("La commune de code INSEE 75056 ne fait pas partie des communes de l'académie.");
    }

    @Test
    void schoolsMustBeValidUaisOfTheCommunesDepartement() {
        Map<String, Object> raw = report();
        String uai92 = Uai.withCheckLetter("0921234");
        raw.put(ECOLES_UAI, "0781234X, 078123, " + uai92);

        assertThatThrownBy(() -> check(raw))
                .hasMessageContaining("La lettre de contrôle de l'UAI « 0781234X » est fausse (attendu " + UAI_78 + ").")
                .hasMessageContaining("L'UAI « 078123 » doit comporter 7 chiffres suivis d'une lettre")
                .hasMessageContaining("L'UAI « " + uai92 + " » n'est pas une école du département de la commune");
    }

    @Test
    void schoolsMayComeAsAJsonListAndAreOptional() {
        Map<String, Object> raw = report();
        raw.put(ECOLES_UAI, "[\"" + UAI_78 + "\"]");
        assertThat(check(raw).ecolesUai()).containsExactly(UAI_78);

        raw.put(ECOLES_UAI, List.of(Map.of("uai", UAI_78)));
        assertThat(check(raw).ecolesUai()).containsExactly(UAI_78);

        raw.remove(ECOLES_UAI);
        raw.remove(DONNEES_PERSONNELLES);
        IncidentReport report = check(raw);
        assertThat(report.ecolesUai()).isEmpty();
        assertThat(report.donneesPersonnelles()).isFalse();
    }

    @Test
    void anEmptyFileInputIsNoEvidence() {
        assertThat(IncidentReportValidator.isEmptyUpload(null)).isTrue();
        assertThat(IncidentReportValidator.isEmptyUpload(Variables.fileValue("").file(new byte[0]).create())).isTrue();
        assertThat(IncidentReportValidator.isEmptyUpload(Variables.fileValue("capture.png")
                .file(new byte[] {1, 2}).create())).isFalse();
    }
}
