package fr.conventionent.support;

import static fr.conventionent.support.EngineRest.json;
import static fr.conventionent.support.EngineRest.value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionDates;

/**
 * Conventions in force created through the REST API of a node, the way Cockpit's "start before" does: a
 * {@code convention} instance started at its renewal timer with the data of a signed convention. Signed 4 years and
 * 10 days ago, their renewal is already due: the node's job executor fires it at once (no clock moved, no sleep).
 */
public final class InForceConventions {

    /** The day a due convention was signed: its first anniversary (4 years) was 10 days ago. */
    public static final LocalDate SIGNED_DUE = LocalDate.now(ConventionDates.ZONE).minusYears(4).minusDays(10);
    /** A convention signed yesterday: renewal in 4 years. */
    public static final LocalDate SIGNED_RECENTLY = LocalDate.now(ConventionDates.ZONE).minusDays(1);

    private InForceConventions() {
    }

    /** Convention numbers that no other test takes: CONV-<INSEE>-<signature year>-<n>. */
    public static String numero(String insee, int n) {
        return "CONV-" + insee + "-" + SIGNED_DUE.getYear() + "-" + String.format("%05d", n);
    }

    /** Starts one convention in force, its renewal timer waiting for the anniversary of {@code signed}. */
    public static String start(NodeRest admin, String insee, String numero, LocalDate signed) {
        return admin.post("/process-definition/key/" + ConventionProcess.KEY + "/start", body(insee, numero, signed))
                .json().get("id").asText();
    }

    static Map<String, Object> body(String insee, String numero, LocalDate signed) {
        String commune = "Commune " + insee;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("communeInsee", value(insee));
        variables.put("communeNom", value(commune));
        variables.put("communeLibelle", value(commune));
        variables.put("communeAdresse", value("Hôtel de ville, " + commune));
        variables.put("maireNom", value("Mme Catherine Martin"));
        variables.put("conventionNumero", value(numero));
        variables.put("ecoles", json(SampleConventions.schools(insee, commune, 1)));
        // one référent per convention: each renewal mail has its own recipient, so duplicates show
        variables.put("referentEnt", json(new Contact("DURAND Paul", "01 39 00 00 01", referentOf(numero))));
        variables.put("correspondantsTechniques", json(List.of(
                new Contact("LEROY Anne", "01 40 00 00 02", "anne.leroy@exploitant.example"))));
        variables.put("editeurEnt", value("Éditeur ENT Primaire"));
        variables.put("exploitantEnt", value("Exploitant Numérique SAS"));
        variables.put("statut", value(ConventionProcess.STATUT_EN_VIGUEUR));
        variables.put("version", Map.of("value", 1, "type", "Integer"));
        variables.put("dateSignature", Map.of("value", restDate(signed), "type", "Date"));
        variables.put("dernierJourPeriodeInitiale", Map.of("value", restDate(signed.plusYears(4).minusDays(1)),
                "type", "Date"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("businessKey", numero);
        body.put("variables", variables);
        body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", ConventionProcess.TIMER_RENEWAL)));
        return body;
    }

    public static String referentOf(String numero) {
        return "referent." + numero.toLowerCase() + "@commune.example";
    }

    /** Subject of the renewal mail of a convention (ConventionTerm.renew). */
    public static String renewalSubjectStart(String numero) {
        return "[Convention ENT] Convention " + numero + " reconduite jusqu'au ";
    }

    private static String restDate(LocalDate day) {
        return day.atStartOfDay(ConventionDates.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    }

    /**
     * The demo communes plus {@code count} synthetic ones (INSEE {@code <prefix>NNN}, circonscription de Versailles),
     * written as a CSV for {@code convention.referentiel.communes}.
     */
    public static Path communesCsv(Path file, String prefix, int count) {
        try (var demo = InForceConventions.class.getResourceAsStream("/referentiel/communes.csv")) {
            StringBuilder csv = new StringBuilder(new String(demo.readAllBytes(), StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                String insee = synthetic(prefix, i);
                csv.append(insee).append(";Commune ").append(insee).append(";versailles;Circonscription de Versailles\n");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, csv);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String synthetic(String prefix, int i) {
        return prefix + String.format("%0" + (5 - prefix.length()) + "d", i);
    }
}
