package fr.conventionent.aaf.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code convention.aaf.*}: the folders of the AAF deliveries and the defaults of their set-up.
 *
 * @param depot             inbox where the académie drops each day's extraction (all targets, told apart by prefix)
 * @param archives          what was sent, one folder per convention then per delivery
 * @param cles              private keys of the targets, one folder per convention ({@code <numéro>/id_ed25519}, 600);
 *                          never a process variable
 * @param phraseDePasseCles optional passphrase encrypting the private key files (from the environment)
 * @param historique        how many run reports {@code historiqueLivraisons} keeps
 */
@ConfigurationProperties(prefix = "convention.aaf")
public record AafProperties(
        @DefaultValue("./data/aaf/depot") String depot,
        @DefaultValue("./data/aaf/archives") String archives,
        @DefaultValue("./data/aaf/cles") String cles,
        String phraseDePasseCles,
        @DefaultValue("50") int historique,
        @DefaultValue Planning planning,
        @DefaultValue Sftp sftp) {

    /** Defaults offered in the set-up task (the DSI may change them there). */
    public record Planning(@DefaultValue("jeudi") List<String> joursComplet,
                           @DefaultValue({"lundi", "mardi", "mercredi", "vendredi"}) List<String> joursDelta,
                           @DefaultValue("06:00") String heure) {
    }

    /** Time limits of an SFTP session with the operator. */
    public record Sftp(@DefaultValue("15s") Duration delaiConnexion,
                       @DefaultValue("30s") Duration delaiAuthentification,
                       @DefaultValue("2m") Duration delaiInactivite) {
    }

    public Path depotPath() {
        return Path.of(depot);
    }

    public Path archivesPath() {
        return Path.of(archives);
    }

    public Path clesPath() {
        return Path.of(cles);
    }

    /** The passphrase, or null when the key files are not encrypted. */
    public String passphrase() {
        return phraseDePasseCles == null || phraseDePasseCles.isEmpty() ? null : phraseDePasseCles;
    }
}
