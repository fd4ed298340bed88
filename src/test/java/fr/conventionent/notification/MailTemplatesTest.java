package fr.conventionent.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every packaged mail template renders with sample data, with the footer and French typography. */
class MailTemplatesTest {

    private static final String FOOTER = "Ce message est envoyé automatiquement\u202f; merci de ne pas y répondre.";
    /** A plain (breaking) space before a high punctuation mark, or inside guillemets. */
    private static final Pattern BAD_TYPOGRAPHY = Pattern.compile("[ \\t][:;?!](?=\\s|$)|« |\\s»(?<=[ \\t]»)");

    private final MailTemplates templates = new MailTemplates("");

    @Test
    void everyTemplateHasSamplesHere() throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(packagedFolder())) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".txt"))
                    .map(f -> f.substring(0, f.length() - 4)).filter(n -> !n.equals(MailTemplates.FOOTER))
                    .forEach(names::add);
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(26);
        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void everyTemplateRendersWithItsFooterAndFrenchTypography() {
        samples().forEach((name, variants) -> {
            for (Map<String, Object> variables : variants) {
                MailContent mail = templates.render(name, variables);
                String where = name + " " + variables;

                assertThat(mail.subject()).as(where).isNotBlank().doesNotContain("\n")
                        .doesNotContain("[(", "[#", "${").matches(s -> !s.startsWith(" ") && !s.endsWith(" "));
                assertThat(mail.text()).as(where).startsWith(name.equals("representants-declares") ? "La commune"
                                : "Bonjour,").endsWith("\n\n" + FOOTER + "\n")
                        .doesNotContain("[(", "[#", "[/]", "${", "null");
                assertThat(mail.html()).as(where).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">",
                        "</html>", FOOTER).doesNotContain("[(", "[#", "${", "th:", "null");
                assertTypography(where + " (objet)", mail.subject());
                assertTypography(where + " (texte)", mail.text());
                assertTypography(where + " (HTML)", mail.html().replaceAll("<[^>]*>", ""));
            }
        });
    }

    @Test
    void htmlAlternativeSaysWhatTheTextSays() {
        MailContent mail = templates.render("tache", samples().get("tache").get(0));

        assertThat(mail.subject()).isEqualTo("[Convention ENT] À faire\u00a0: Transmettre la convention à l'IEN"
                + " – 78646-2026-001 (Versailles)");
        assertThat(mail.text()).contains("  Tâche\u00a0: Transmettre la convention à l'IEN\n",
                "  Échéance\u00a0: 15 mars 2027\n",
                "rejetée à l'étape «\u00a0Vérifier\u00a0» pour le motif suivant");
        assertThat(mail.html()).contains("<title>[Convention ENT] À faire\u00a0: Transmettre la convention à"
                        + " l&#39;IEN", "Tâche\u00a0: Transmettre la convention à l&#39;IEN<br>",
                "<a href=\"http://127.0.0.1:8080/camunda/app/tasklist/default/#/?task=42\">");
    }

    @Test
    void variablesAreEscapedInHtml() {
        Map<String, Object> variables = new HashMap<>(samples().get("resiliation-abandonnee").get(0));
        variables.put("numero", "<b>78646</b>");

        MailContent mail = templates.render("resiliation-abandonnee", variables);

        assertThat(mail.html()).contains("&lt;b&gt;78646&lt;/b&gt;").doesNotContain("<b>78646");
        assertThat(mail.text()).contains("<b>78646</b>");
    }

    @Test
    void aVariableTheCallerForgotFailsInsteadOfLeavingAHole() {
        Map<String, Object> variables = new HashMap<>(samples().get("convention-reconduite").get(0));
        variables.remove("dernierJour");

        assertThatThrownBy(() -> templates.render("convention-reconduite", variables))
                .hasMessageContaining("convention-reconduite.txt").hasMessageContaining("dernierJour");
    }

    @Test
    void aTemplateInTheOperatorsFolderWinsOverThePackagedOne(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("convention-reconduite.txt"), "Reconduction de [(${numero})]\n\n"
                + "Bonjour,\n\nVotre convention continue jusqu'au [(${dernierJour})].\n");
        Files.writeString(folder.resolve("pied.txt"), "Académie de Versailles – DACES\n");
        MailTemplates overridden = new MailTemplates(folder.toString());

        MailContent mail = overridden.render("convention-reconduite", samples().get("convention-reconduite").get(0));

        assertThat(mail.subject()).isEqualTo("Reconduction de 78646-2026-001");
        assertThat(mail.text()).isEqualTo("Bonjour,\n\nVotre convention continue jusqu'au 31 août 2031.\n\n"
                + "Académie de Versailles – DACES\n");
        assertThat(mail.html()).contains("Votre convention continue jusqu&#39;au 31 août 2031.");
        // a mail the folder does not override is the packaged one
        assertThat(overridden.render("resiliation-abandonnee", samples().get("resiliation-abandonnee").get(0))
                .text()).contains("a été abandonnée avant l'envoi de la mise en demeure");
    }

    @Test
    void anOperatorsEditAppliesToTheNextMailWithoutRestart(@TempDir Path folder) throws IOException {
        MailTemplates overridden = new MailTemplates(folder.toString());
        Map<String, Object> variables = samples().get("denonciation-abandonnee").get(0);
        assertThat(overridden.render("denonciation-abandonnee", variables).subject())
                .contains("Dénonciation abandonnée");

        Files.writeString(folder.resolve("denonciation-abandonnee.html"), "<!DOCTYPE html>\n<html lang=\"fr\"><body>"
                + "<p>Dénonciation <em th:text=\"${numero}\">n°</em> abandonnée.</p></body></html>\n");

        assertThat(overridden.render("denonciation-abandonnee", variables).html())
                .contains("<p>Dénonciation <em>78646-2026-001</em> abandonnée.</p>");
    }

    @Test
    void aBrokenOperatorTemplateFallsBackToThePackagedOne(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("resiliation-abandonnee.txt"),
                "Objet [(${numero})]\n\nBonjour [(${inconnue})]\n");
        MailTemplates overridden = new MailTemplates(folder.toString());

        MailContent mail = overridden.render("resiliation-abandonnee", samples().get("resiliation-abandonnee").get(0));

        assertThat(mail.subject()).isEqualTo("[Convention ENT] Résiliation abandonnée – convention 78646-2026-001");
    }

    private static void assertTypography(String where, String text) {
        Matcher bad = BAD_TYPOGRAPHY.matcher(text);
        List<String> found = new ArrayList<>();
        while (bad.find()) {
            found.add("…" + text.substring(Math.max(0, bad.start() - 30), Math.min(text.length(), bad.end() + 5)));
        }
        assertThat(found).as("espace sécable avant :;?! ou dans « » – " + where).isEmpty();
    }

    private static Path packagedFolder() throws URISyntaxException {
        return Path.of(MailTemplates.class.getClassLoader().getResource("mails/pied.txt").toURI()).getParent();
    }

    /** Sample variables of each template; several maps where the template has branches. */
    static Map<String, List<Map<String, Object>>> samples() {
        Map<String, List<Map<String, Object>>> s = new LinkedHashMap<>();
        String numero = "78646-2026-001";
        s.put("tache", List.of(
                vars("relance", false, "tache", "Transmettre la convention à l'IEN", "reference", numero,
                        "commune", "Versailles", "numero", numero, "echeance", "15 mars 2027",
                        "motifRejet", "Adresse de l'école incomplète", "etapeRejet", "Vérifier",
                        "lien", "http://127.0.0.1:8080/camunda/app/tasklist/default/#/?task=42"),
                vars("relance", true, "tache", "Vérifier la convention", "reference", "78646-procedure",
                        "commune", "Versailles", "numero", null, "echeance", null, "motifRejet", null,
                        "etapeRejet", null, "lien", "http://127.0.0.1:8080/camunda/app/tasklist/default/#/?task=43")));
        s.put("denonciation-possible", List.of(vars("numero", numero, "commune", "Versailles",
                "reconduction", "1er septembre 2030", "dernierJour", "31 août 2031", "dateLimite", "31 mai 2030",
                "lienTaches", "http://127.0.0.1:8080/camunda/app/tasklist/")));
        s.put("convention-reconduite", List.of(vars("numero", numero, "commune", "Versailles",
                "dateEffet", "1er septembre 2030", "dernierJour", "31 août 2031", "rang", 1)));
        s.put("convention-terminee", List.of(vars("numero", numero, "dernierJour", "29 juin 2029", "circonstances",
                "La convention ENT n° " + numero + " entre l'académie et la commune de Versailles, dénoncée le"
                        + " 30 mars 2029, est restée en vigueur jusqu'au 29 juin 2029 inclus, terme du préavis de 3 mois (article 11).")));
        s.put("avenant-annule", List.of(
                vars("numero", numero, "avenantNumero", 2, "objet", "Ajout d'une école",
                        "motif", "la convention a été dénoncée le 3 mars 2027"),
                vars("numero", numero, "avenantNumero", null, "objet", null,
                        "motif", "la convention a pris fin (en vigueur jusqu'au 2 juin 2027 inclus)")));
        s.put("charte-a-adopter", List.of(vars("numero", numero,
                "lienModele", "http://127.0.0.1:8080/charte/modele.docx", "ecoles", List.of(
                        vars("nom", "École Les Tilleuls", "uai", "0781234A", "adoptee", null),
                        vars("nom", "École Jean Jaurès", "uai", "0785678B", "adoptee", "2 février 2027")))));
        Map<String, Object> facts = vars("incident", "INC-78646-2027-001", "type", "Intrusion ou compte compromis",
                "commune", "Versailles", "insee", "78646", "ecoles", "0781234A, 0785678B",
                "detection", "3 mars 2027 à 9 h 30", "donneesPersonnelles", true);
        s.put("incident-alerte", List.of(
                with(facts, "declarant", "mairie.versailles", "declarantEmail", "mairie@versailles.example",
                        "signalement", "3 mars 2027 à 10 h 00", "pieces", "capture.png (conservées dans le dossier"
                                + " de l'incident)",
                        "description", "Connexion suspecte depuis l'étranger.\n  Compte bloqué.",
                        "echeanceCnil", "6 mars 2027 à 9 h 30"),
                with(with(facts, "donneesPersonnelles", false), "declarant", "l'application", "declarantEmail", null,
                        "signalement", null, "pieces", "aucune", "description", "Site défiguré.",
                        "echeanceCnil", "6 mars 2027 à 9 h 30")));
        Map<String, Object> byAcademie = with(facts, "decideur", "l'académie", "decideurMajuscule", "L'académie",
                "parCommune", false, "competence", "champ de l'académie",
                "notifiant", "le délégué à la protection des données de l'académie notifie");
        Map<String, Object> byCommune = with(facts, "decideur", "la commune", "decideurMajuscule", "La commune",
                "parCommune", true, "competence", "champ de la commune", "notifiant", "la commune notifie");
        s.put("incident-mesures", List.of(
                with(byAcademie, "gravite", "Élevée", "perimetre", "Tout l'ENT de la commune", "violation", true,
                        "mesures", "Réinitialisation des mots de passe.", "consignes", "Prévenir les familles."),
                with(byAcademie, "gravite", "Faible", "perimetre", "Plusieurs communes", "violation", false,
                        "mesures", "Aucune.", "consignes", null),
                with(byCommune, "gravite", "Moyenne", "perimetre", "Une école", "violation", true,
                        "mesures", "Contrat de maintenance revu avec le prestataire.",
                        "consignes", "Le prestataire a changé ses accès.")));
        s.put("incident-relance-cnil", List.of(
                with(facts, "heures", 48, "depasse", false, "echeanceCnil", "6 mars 2027 à 9 h 30",
                        "notifiant", "le délégué à la protection des données de l'académie"),
                with(facts, "heures", 72, "depasse", true, "echeanceCnil", "6 mars 2027 à 9 h 30",
                        "notifiant", "les agents de la commune")));
        s.put("incident-commentaire", List.of(with(facts, "auteur", "Le RSSI de l'académie",
                "commentaire", "Merci de nous transmettre le rapport du prestataire.")));
        s.put("incident-cnil-commune", List.of(
                with(facts, "echeanceCnil", "6 mars 2027 à 9 h 30",
                        "motif", "du champ de compétence de la commune (article 6 de la convention)"),
                with(facts, "echeanceCnil", "6 mars 2027 à 9 h 30",
                        "motif", "du champ partagé entre l'académie et la commune, et le délégué à la protection des"
                                + " données de l'académie a désigné la commune pour la notifier")));
        s.put("avenant-applique", List.of(vars("numero", numero, "avenantNumero", 1, "objet", "Ajout d'une école",
                "dateSignature", "4 avril 2027", "version", 2,
                "resume", "Écoles ajoutées\u00a0: École Les Tilleuls.")));
        s.put("avenant-non-poursuivi", List.of(
                vars("numero", numero, "avenantNumero", 1, "objet", "Ajout d'une école", "issue", "refuse",
                        "motif", "Pas de budget cette année"),
                vars("numero", numero, "avenantNumero", 1, "objet", null, "issue", "rejete", "motif", null),
                vars("numero", numero, "avenantNumero", 1, "objet", "Ajout", "issue", "abandonne", "motif", null)));
        s.put("formalites-cnil", List.of(
                vars("numero", numero, "partie", "la commune de Versailles", "date", "2 mai 2027",
                        "reference", "CNIL-2027-42", "deuxParties", false),
                vars("numero", numero, "partie", "l'académie", "date", "2 mai 2027", "reference", null,
                        "deuxParties", true)));
        s.put("comite-invitation", List.of(vars("numero", numero, "numeroComite", 3, "commune", "Versailles",
                "date", "12 octobre 2027", "lieu", "Mairie de Versailles, salle 2", "ordreDuJour",
                "1. Bilan des usages\n2. Formation des enseignants", "participants", List.of(
                        vars("nom", "Jeanne Martin", "fonction", "adjointe au maire", "partie", "commune"),
                        vars("nom", "Paul Durand", "fonction", null, "partie", "académie")))));
        s.put("comite-compte-rendu", List.of(vars("numero", numero, "numeroComite", 3, "date", "12 octobre 2027",
                "commune", "Versailles")));
        s.put("convention-denoncee", List.of(vars("numero", numero, "partie", "La commune de Versailles",
                "notification", "30 mars 2029", "dernierJour", "29 juin 2029")));
        s.put("denonciation-abandonnee", List.of(vars("numero", numero)));
        Map<String, Object> signed = vars("numero", numero, "commune", "Versailles", "insee", "78646",
                "dateSignature", "4 avril 2026");
        s.put("convention-signee-dsi-dpo", List.of(with(signed, "avenantNumero", null),
                with(signed, "avenantNumero", 2)));
        s.put("convention-signee-commune", List.of(with(signed, "avenantNumero", null),
                with(signed, "avenantNumero", 2)));
        Map<String, Object> posted = with(signed, "dateEnvoi", "9 avril 2026");
        s.put("exemplaire-commune-envoye", List.of(with(with(posted, "avenantNumero", null), "numeroRecommande", null),
                with(with(posted, "avenantNumero", 2), "numeroRecommande", "1A 234 567 8901 2")));
        Map<String, Object> aaf = vars("numero", numero, "commune", "Versailles");
        s.put("aaf-cle-publique", List.of(
                with(aaf, "utilisateur", "aaf", "clePublique", "ssh-ed25519 AAAAC3Nza academie", "empreinte",
                        "SHA256:abc", "serveur", "sftp.operateur.example", "port", 22, "repertoire", "/depot",
                        "empreinteHote", "SHA256:def", "prefixe", "ENT2027", "calendrier",
                        "Complet le jeudi, Delta le lundi, mardi, mercredi et vendredi, à 06:30 (heure de Paris)",
                        "archive", "ENT2027_<aaaammjj>.zip", "codeDestinataire", "ENT-VERS", "premiere", "Complet",
                        "premiereDate", "jeudi 7 janvier 2027", "heure", "06:30"),
                with(aaf, "utilisateur", "aaf", "clePublique", "ssh-ed25519 AAAAC3Nza academie", "empreinte",
                        "SHA256:abc", "serveur", "sftp.operateur.example", "port", 2222, "repertoire", "/depot",
                        "empreinteHote", "SHA256:def", "prefixe", "ENT2027", "calendrier", "Complet le jeudi, à 06:30",
                        "archive", null, "codeDestinataire", null, "premiere", "Delta",
                        "premiereDate", "8 janvier 2027", "heure", "06:30")));
        s.put("aaf-livraison-refusee", List.of(
                with(aaf, "type", "Delta", "date", "8 janvier 2027", "heure", "06:30", "extraction",
                        "ENT2027_Delta_20270108", "fichiers", 3, "raisons", List.of("fichier vide", "XML mal formé"),
                        "ignores", List.of("ENT2027_Delta_20270101_Eleve_0001.xml"), "uaiHorsAnnexe", List.of(),
                        "prefixe", "ENT2027", "dateExtraction", "20270108"),
                with(aaf, "type", "Complet", "date", "7 janvier 2027", "heure", "06:30", "extraction",
                        "ENT2027_Complet_20270107", "fichiers", 1, "raisons", List.of("école hors de l'annexe 1"),
                        "ignores", List.of(), "uaiHorsAnnexe", List.of("0951234A", "0959999Z"), "prefixe", "ENT2027",
                        "dateExtraction", "20270107")));
        s.put("aaf-complet-manquant", List.of(
                with(aaf, "extraction", "ENT2027_Complet_20270107", "date", "7 janvier 2027", "heure", "06:30",
                        "ignores", List.of("ENT2027_Complet_20261231_Eleve_0001.xml")),
                with(aaf, "extraction", "ENT2027_Complet_20270107", "date", "7 janvier 2027", "heure", "06:30",
                        "ignores", List.of())));
        s.put("aaf-fin-livraisons", List.of(with(aaf, "empreinte", "SHA256:abc")));
        s.put("mise-en-demeure", List.of(vars("numero", numero, "partie", "L'académie", "dateEnvoi", "2 mai 2027",
                "manquement", "une faute grave", "dateResiliation", "2 août 2027")));
        s.put("mise-en-demeure-levee", List.of(
                vars("numero", numero, "dateEnvoi", "2 mai 2027", "dateRegularisation", "1er juin 2027",
                        "commentaire", "Le référent a été désigné."),
                vars("numero", numero, "dateEnvoi", "2 mai 2027", "dateRegularisation", "1er juin 2027",
                        "commentaire", null)));
        Map<String, Object> resiliee = vars("numero", numero, "commune", "Versailles", "dateEnvoi", "2 mai 2027",
                "manquement", "une faute grave", "dateResiliation", "2 août 2027");
        s.put("convention-resiliee", List.of(
                with(resiliee, "anneeScolaire", "2027-2028", "dernierJour", "3 juillet 2028"),
                with(resiliee, "anneeScolaire", null, "dernierJour", null)));
        s.put("resiliation-abandonnee", List.of(vars("numero", numero)));
        s.put("lettre-non-reclamee", List.of(vars("numero", numero, "partie", "L'académie", "lettre",
                "une mise en demeure", "datePresentation", "25 janvier 2027", "effet",
                "sans régularisation, la convention sera résiliée de plein droit le 25 avril 2027")));
        s.put("representants-declares", List.of(
                vars("numero", numero, "commune", "Versailles", "depuis", "1er avril 2026", "maire", "Marie Curie",
                        "referent", vars("nom", "Jean Dupont", "telephone", "01 23 45 67 89",
                                "email", "jean.dupont@versailles.example")),
                vars("numero", numero, "commune", "Versailles", "depuis", "1er avril 2026", "maire", null,
                        "referent", vars("nom", "Jean Dupont", "telephone", "01 23 45 67 89",
                                "email", "jean.dupont@versailles.example"))));
        return s;
    }

    private static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.putAll(vars(keysAndValues));
        return map;
    }
}
