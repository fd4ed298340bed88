package fr.conventionent.config;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** Typed view of the {@code convention.*} settings of application.yaml. */
@ConfigurationProperties(prefix = "convention")
public record ConventionProperties(
        boolean demoData,
        boolean demoConventions,
        Academie academie,
        Referentiel referentiel,
        Courriel courriel,
        Documents documents,
        Delais delais,
        Deploiement deploiement) {

    /** Resource patterns deployed to the engine, each under its folder and file name. */
    public record Deploiement(java.util.List<String> ressources) {
    }

    public record Academie(String nom, String ville, String representant, String adresseSiege,
                           String adresseAlerte) {
    }

    /** The communes (and the circonscription of each), the schools of communes shared between circonscriptions. */
    public record Referentiel(Resource communes, Resource ecoles) {
    }

    public record Courriel(String expediteur, String dossier, String adresseApplication) {
    }

    public record Documents(String repertoirePartage, String archives, long tailleMaxScanOctets) {
    }

    /** Time allowed per step, keyed by the step names used in the BPMN ({@code transmettre-ien}…). */
    public record Delais(Map<String, String> etapes, int relances) {

        public String of(String step) {
            String value = etapes.get(step);
            if (value == null) {
                throw new IllegalArgumentException("Aucun délai configuré pour l'étape " + step);
            }
            return value;
        }
    }

    /** Accepts P5D as well as PT12H: days for the business steps, hours for tests. */
    public static Duration parseDelay(String iso) {
        if (iso.contains("T")) {
            return Duration.parse(iso);
        }
        return Duration.ofDays(Period.parse(iso).getDays());
    }
}
