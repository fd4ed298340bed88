package fr.conventionent.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.conventionent.support.DocxText;

public class CircuitEvidenceDocumentTest {

    private static CircuitEvidenceDocument.Entry entry(String etape, String groupe, String acteur, String date,
                                                       String decision, String motif) {
        return new CircuitEvidenceDocument.Entry(etape, groupe, acteur, OffsetDateTime.parse(date), decision, motif);
    }

    static List<CircuitEvidenceDocument.Entry> rejectionThenSecondRound() {
        return List.of(
                entry(SignatureCircuitProcess.NAME_SIGN_COPIES, "commune-78646", "mairie.versailles",
                        "2026-11-02T09:05:00+01:00", "effectuée", null),
                entry("Transmettre la convention (IEN de circonscription)", "ien-circo-versailles", "ien.versailles",
                        "2026-11-03T10:00:00+01:00", "valider", null),
                entry("Vérifier la convention (IEN TICE)", "ien-tice-78", "tice.78",
                        "2026-11-04T16:30:00+01:00", "rejeter", "UAI de l'école Jules Ferry erronée"),
                entry(SignatureCircuitProcess.NAME_SIGN_COPIES, "commune-78646", "mairie.versailles",
                        "2026-11-10T08:15:00+01:00", "effectuée", null),
                entry("Transmettre la convention (IEN de circonscription)", "ien-circo-versailles", "ien.versailles",
                        "2026-11-12T11:00:00+01:00", "valider", null),
                entry("Vérifier la convention (IEN TICE)", "ien-tice-78", "tice.78",
                        "2026-11-13T14:00:00+01:00", "valider", null),
                entry("Valider la convention (IA-DASEN)", "dasen-78", "dasen.78",
                        "2026-11-16T09:00:00+01:00", "valider", null),
                entry("Transmettre pour signature (DACES)", "daces", "daces",
                        "2026-11-17T09:30:00+01:00", "valider", null),
                entry("Signer la convention (Recteur)", "recteur", "recteur",
                        "2026-11-20T17:45:00+01:00", "valider", null),
                entry("Numériser et déposer la convention signée", "daces", "daces",
                        "2026-11-28T14:05:00+01:00", "effectuée", null));
    }

    /** A two-round circuit of an avenant, also converted by DocumentsOpenInLibreOfficeTest. */
    public static byte[] sample() {
        Map<String, String> names = Map.of("tice.78", "Claire Dubois", "recteur", "Jean Recteur");
        return CircuitEvidenceDocument.generate("CONV-78646-2026-42", 2, "Versailles",
                Date.from(OffsetDateTime.parse("2026-11-20T00:00:00+01:00").toInstant()), rejectionThenSecondRound(),
                names::get, Date.from(OffsetDateTime.parse("2026-11-28T14:07:00+01:00").toInstant()));
    }

    @Test
    void listsEveryStepRoundByRoundWithActorDecisionAndReason() throws Exception {
        String text = DocxText.of(sample());

        assertThat(text).contains("Bordereau de circuit", "Convention ENT n° CONV-78646-2026-42", "Avenant n° 2",
                "Commune : Versailles", "Date de signature : 20 novembre 2026", "parcouru en 2 tours", "Tour");
        assertThat(text).containsSubsequence(
                "1", SignatureCircuitProcess.NAME_SIGN_COPIES, "commune-78646", "mairie.versailles",
                "2 novembre 2026 à 9 h 05", "Effectuée",
                "Transmettre la convention (IEN de circonscription)", "ien.versailles", "Validée",
                "1", "Vérifier la convention (IEN TICE)", "ien-tice-78", "tice.78", "Claire Dubois",
                "4 novembre 2026 à 16 h 30", "Rejetée", "UAI de l'école Jules Ferry erronée",
                "2", SignatureCircuitProcess.NAME_SIGN_COPIES, "10 novembre 2026 à 8 h 15",
                "2", "Vérifier la convention (IEN TICE)", "Validée",
                "Valider la convention (IA-DASEN)", "dasen.78",
                "Transmettre pour signature (DACES)",
                "Signer la convention (Recteur)", "recteur", "Jean Recteur", "20 novembre 2026 à 17 h 45",
                "Numériser et déposer la convention signée", "28 novembre 2026 à 14 h 05", "Effectuée",
                "Document établi automatiquement le 28 novembre 2026 à 14 h 07 par Convention ENT");
        assertThat(text.split("Rejetée", -1)).hasSize(2);
        assertThat(text.split("Validée", -1)).hasSize(7);
    }

    @Test
    void aSingleRoundHasNoRoundColumnAndTheFileNameNamesTheAvenant() throws Exception {
        String text = DocxText.of(CircuitEvidenceDocument.generate("CONV-78646-2026-42", null, "Versailles",
                new Date(), rejectionThenSecondRound().subList(3, 10), login -> null, new Date()));

        assertThat(text).contains("parcouru en un seul tour").doesNotContain("Tour").doesNotContain("Avenant");
        assertThat(CircuitEvidenceDocument.fileName("CONV-78646-2026-42", null))
                .isEqualTo("Bordereau-circuit-CONV-78646-2026-42.docx");
        assertThat(CircuitEvidenceDocument.fileName("CONV-78646-2026-42", 3))
                .isEqualTo("Bordereau-circuit-CONV-78646-2026-42-avenant-3.docx");
    }
}
