package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.kernel.JsonVariables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server-side check of the DSI's set-up: what is accepted, normalised, or refused and why (in French). */
class AafDeliverySettingsTest {

    private static Map<String, Object> valid() {
        Map<String, Object> v = new HashMap<>();
        v.put(PREFIXE_FICHIERS, " ENT2DVA-ENT16 ");
        v.put(JOURS_COMPLET, JsonVariables.write(List.of("jeudi")));
        v.put(JOURS_DELTA, JsonVariables.write(List.of("vendredi", "lundi")));
        v.put(HEURE_LIVRAISON, "06:30");
        v.put(LIVRER_ZIP, true);
        v.put(NOM_ARCHIVE_ZIP, "ENT16_{type}_{date}.zip");
        v.put(JOINDRE_BORDEREAU, false);
        v.put(CODE_DESTINATAIRE, "ignoré");
        v.put(HOTE_SFTP, "sftp.exploitant.example");
        v.put(PORT_SFTP, 2222L);
        v.put(UTILISATEUR_SFTP, "aaf_ent16");
        v.put(REPERTOIRE_DISTANT, "/depot/aaf/");
        v.put(EMPREINTE_HOTE_SFTP, "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
        return v;
    }

    private static AafDeliverySettings.Validation validate(Map<String, Object> variables) {
        return AafDeliverySettings.validate(variables::get);
    }

    private static List<String> errorsWith(String name, Object value) {
        Map<String, Object> v = valid();
        v.put(name, value);
        return validate(v).errors();
    }

    @Test
    void aCompletBesidesThursdayNeedsAConfirmationAndAReasonWhichIsKeptWithTheSchedule() {
        Map<String, Object> v = valid();
        v.put(JOURS_COMPLET, JsonVariables.write(List.of("lundi", "jeudi")));
        v.put(JOURS_DELTA, JsonVariables.write(List.of("mardi")));
        assertThat(validate(v).errors()).containsExactly("L'annexe 2 prévoit les complets chaque jeudi : pour un"
                + " Complet le lundi, jeudi, cochez « Je confirme un Complet un autre jour que le jeudi » et indiquez"
                + " la raison convenue avec l'exploitant.");

        v.put(COMPLET_HORS_JEUDI_CONFIRME, true);
        v.put(RAISON_COMPLET_HORS_JEUDI, "  ");
        assertThat(validate(v).errors()).containsExactly("Indiquez la raison d'un Complet le lundi, jeudi plutôt que"
                + " le jeudi.");

        v.put(RAISON_COMPLET_HORS_JEUDI, " Reprise de l'annuaire de l'ENT le lundi. ");
        AafDeliverySettings.Validation accepted = validate(v);
        assertThat(accepted.errors()).isEmpty();
        assertThat(accepted.variables()).containsEntry(COMPLET_HORS_JEUDI_CONFIRME, true)
                .containsEntry(RAISON_COMPLET_HORS_JEUDI, "Reprise de l'annuaire de l'ENT le lundi.")
                .containsEntry(CALENDRIER_TEXTE, "Complet le lundi et jeudi, Delta le mardi, à 06:30 (heure de Paris) ;"
                        + " Complet hors du jeudi, confirmé par la DSI : Reprise de l'annuaire de l'ENT le lundi.");
    }

    @Test
    void onThursdayAloneAConfirmationLeftCheckedIsNotKept() {
        Map<String, Object> v = valid();
        v.put(COMPLET_HORS_JEUDI_CONFIRME, true);
        v.put(RAISON_COMPLET_HORS_JEUDI, "ancienne raison");
        AafDeliverySettings.Validation validation = validate(v);
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.variables()).containsEntry(COMPLET_HORS_JEUDI_CONFIRME, null)
                .containsEntry(RAISON_COMPLET_HORS_JEUDI, null).containsEntry(CHARGEMENT_INITIAL, false);
    }

    @Test
    void aValidSetUpIsNormalisedAndNamesItsArchivePerExtraction() {
        AafDeliverySettings.Validation validation = validate(valid());

        assertThat(validation.errors()).isEmpty();
        AafDeliverySettings settings = validation.settings();
        assertThat(settings.prefix()).isEqualTo("ENT2DVA-ENT16");
        assertThat(settings.port()).isEqualTo(2222);
        assertThat(settings.recipientCode()).isNull();
        assertThat(settings.archiveName(new AafExtraction("ENT2DVA-ENT16", AafFileType.DELTA, LocalDate.of(2026, 3, 3))))
                .isEqualTo("ENT16_Delta_20260303.zip");
        assertThat(validation.variables())
                .containsEntry(PREFIXE_FICHIERS, "ENT2DVA-ENT16")
                .containsEntry(JOURS_DELTA, List.of("lundi", "vendredi"))
                .containsEntry(PORT_SFTP, 2222)
                .containsEntry(CODE_DESTINATAIRE, null)
                .containsEntry(CALENDRIER_TEXTE, "Complet le jeudi, Delta le lundi et vendredi, à 06:30 (heure de Paris)");
    }

    @Test
    void valuesArriveAsTasklistAndTheRestApiSendThem() {
        Map<String, Object> v = valid();
        v.put(JOURS_COMPLET, "[\"jeudi\"]");
        v.put(JOURS_DELTA, "lundi, mardi");
        v.put(PORT_SFTP, "22");
        v.put(LIVRER_ZIP, "true");
        v.put(JOINDRE_BORDEREAU, Boolean.TRUE);
        v.put(CODE_DESTINATAIRE, "0781234T");

        AafDeliverySettings settings = validate(v).settings();

        assertThat(settings.schedule().deltaDays()).hasSize(2);
        assertThat(settings.port()).isEqualTo(22);
        assertThat(settings.zip()).isTrue();
        assertThat(settings.recipientCode()).isEqualTo("0781234T");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prefixeFichiers   | ''                    | Indiquez le préfixe",
            "prefixeFichiers   | _ENT                  | n'est pas valide",
            "prefixeFichiers   | ENT.16                | n'est pas valide",
            "prefixeFichiers   | ÉCOLE                 | n'est pas valide",
            "heureLivraison    | 25:00                 | doit s'écrire HH:MM",
            "heureLivraison    | ''                    | Indiquez l'heure",
            "nomArchiveZip     | ''                    | Indiquez le nom de l'archive",
            "nomArchiveZip     | aaf.tar.gz            | n'est pas valide",
            "nomArchiveZip     | depot/aaf.zip         | n'est pas valide",
            "nomArchiveZip     | .zip                  | n'est pas valide",
            "nomArchiveZip     | aaf_{jour}.zip        | n'est pas valide",
            "hoteSftp          | ''                    | Indiquez le serveur SFTP",
            "hoteSftp          | -sftp.example         | n'est pas un nom d'hôte",
            "hoteSftp          | sftp_exploitant.fr    | n'est pas un nom d'hôte",
            "portSftp          | 0                     | de 1 à 65535",
            "portSftp          | 65536                 | de 1 à 65535",
            "portSftp          | 22.5                  | de 1 à 65535",
            "portSftp          | vingt-deux            | de 1 à 65535",
            "utilisateurSftp   | ''                    | Indiquez l'utilisateur",
            "utilisateurSftp   | ent aaf               | n'est pas valide",
            "repertoireDistant | ''                    | Indiquez le répertoire",
            "repertoireDistant | ../depot              | n'est pas valide",
            "repertoireDistant | /depot//aaf           | n'est pas valide",
            "repertoireDistant | /dépôt                | n'est pas valide",
            "empreinteHoteSftp | ''                    | Indiquez l'empreinte",
            "empreinteHoteSftp | SHA256:trop-court     | pas au format attendu",
            "empreinteHoteSftp | MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48 | pas au format attendu",
    })
    void eachFieldIsCheckedWithAFrenchReason(String name, String value, String reason) {
        assertThat(errorsWith(name, value.isEmpty() ? null : value)).singleElement().asString().contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sftp.exploitant.example", "127.0.0.1", "SFTP-01", "2001:db8::1", "localhost"})
    void hostsAcceptedAreNamesAndAddresses(String host) {
        assertThat(errorsWith(HOTE_SFTP, host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", ".", "depot", "/depot/aaf", "depot/aaf/", "/home/ent16/in.coming"})
    void remoteFoldersAcceptedAreAbsoluteOrRelativeWithoutParent(String dir) {
        assertThat(errorsWith(REPERTOIRE_DISTANT, dir)).isEmpty();
    }

    @Test
    void theScheduleMustHaveACompletDayAndNoDayTwice() {
        assertThat(errorsWith(JOURS_COMPLET, JsonVariables.write(List.of()))).singleElement().asString()
                .contains("au moins un jour de Complet");
        assertThat(errorsWith(JOURS_DELTA, JsonVariables.write(List.of("jeudi", "lundi")))).singleElement().asString()
                .isEqualTo("Un jour ne peut pas recevoir à la fois un Complet et un Delta : jeudi.");
        assertThat(errorsWith(JOURS_DELTA, JsonVariables.write(List.of("samedi")))).singleElement().asString()
                .contains("Jour de livraison inconnu : samedi");
    }

    @Test
    void aBordereauNeedsItsRecipientCodeAndNoZipNeedsNoName() {
        Map<String, Object> v = valid();
        v.put(JOINDRE_BORDEREAU, true);
        v.put(CODE_DESTINATAIRE, null);
        v.put(LIVRER_ZIP, false);
        v.put(NOM_ARCHIVE_ZIP, "n'importe quoi");

        AafDeliverySettings.Validation validation = validate(v);

        assertThat(validation.errors()).containsExactly("Indiquez le code destinataire à écrire dans le bordereau.");
        assertThat(validation.variables()).containsEntry(NOM_ARCHIVE_ZIP, null);
    }

    @Test
    void everyProblemIsGivenAtOnce() {
        // prefix, time, Complet day, host, port, user, folder, fingerprint (no zip, no bordereau: nothing more)
        assertThat(validate(new HashMap<>()).errors()).hasSize(8);
    }
}
