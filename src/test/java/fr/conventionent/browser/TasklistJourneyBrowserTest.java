package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.MinimalPdf;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.signature.ReviewChecklist;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;
import jakarta.mail.internet.MimeMessage;

/**
 * A convention taken through the real Tasklist in Debian's chromium by each actor: the commune
 * starts and completes it, the IEN rejects it, the commune corrects it, and the circuit runs to
 * the scanned signed copy. Refused inputs show their French message. Screenshots of every step
 * are saved under target/screenshots/parcours-convention/. The Recteur's office records a delegation in the register
 * page, and the delegate, who is not of the recteur group, finds the Recteur's step in Tasklist and signs « pour le
 * Recteur et par délégation », as the registry and the circuit's bordereau then say. A commune whose schools belong
 * to two circonscriptions (Argenteuil) has its convention transmitted by both IENs, and its incident report picks
 * the school concerned.
 */
class TasklistJourneyBrowserTest extends EngineTest {

    @org.springframework.beans.factory.annotation.Autowired
    fr.conventionent.convention.ConventionRecords records;

    private static final String MOTIF = "Le nom du maire est incomplet : indiquez son prénom.";
    /** Signs for the Recteur by delegation: not of the recteur group; his name comes from the directory. */
    private static final String DELEGATE = "dane";
    private static final String DELEGATE_FONCTION = "délégué académique au numérique éducatif";
    private static final String BY_DELEGATION = "Pour le Recteur et par délégation, Conseiller DANE, "
            + DELEGATE_FONCTION;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void requireChromium() {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
    }

    @AfterEach
    void forgetDelegations() {
        jdbc.update("delete from delegation_signature");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a dozen logins: past the 5 minutes of a hung test on a loaded machine
    void aConventionGoesThroughTheWholeCircuitInTasklist() throws Exception {
        try (TasklistBrowser browser = new TasklistBrowser(port, "parcours-convention")) {
            browser.login("mairie.versailles");
            browser.screenshot("connexion-mairie");
            assertThat(browser.pageText()).as("pas de bandeau « migrer vers Camunda 8 » pour les agents")
                    .doesNotContain("Camunda 8");

            browser.startProcess("Nouvelle convention ENT", "Field_CommuneInsee", "92050");
            assertThat(browser.waitForNotificationContaining("Saisie refusée"))
                    .contains("Vous ne pouvez pas ouvrir une convention pour la commune 92050");
            browser.screenshot("refus-autre-commune");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY).count()).isZero();

            browser.login("mairie.versailles");
            browser.startProcess("Nouvelle convention ENT", "Field_CommuneInsee", "78646");
            browser.openTask("Compléter la convention");
            fillConvention(browser, "0781234A");
            browser.screenshot("convention-saisie");
            browser.complete();
            assertThat(browser.waitForNotificationContaining("Saisie refusée"))
                    .contains("la lettre de contrôle de l'UAI « 0781234A » est fausse (attendu 0781234T)");
            browser.screenshot("refus-uai");
            browser.fillNamed("ecoleUai0", "0781234T");
            browser.complete();
            browser.waitForTaskGone("Compléter la convention");

            signCopies(browser);

            browser.login("ien.versailles");
            browser.openTask("Transmettre la convention (IEN");
            browser.waitForText("Télécharger la convention à examiner (PDF)");
            browser.waitForText("Empreinte SHA-256");
            browser.choose("Rejeter");
            browser.fill("Field_Motif", MOTIF);
            browser.screenshot("rejet-ien");
            browser.complete();
            browser.waitForTaskGone("Transmettre la convention (IEN");

            browser.login("mairie.versailles");
            browser.openTask("Compléter la convention");
            browser.waitForText(MOTIF);
            browser.screenshot("motif-du-rejet");
            browser.fillNamed("maireNom", "M. François de Mazières");
            browser.complete();
            browser.waitForTaskGone("Compléter la convention");
            signCopies(browser);

            review(browser, "ien.versailles", "Transmettre la convention (IEN", "Transmettre à l'IEN chargé",
                    SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN);
            review(browser, "tice.78", "Vérifier la convention", "Vérifié : transmettre",
                    SignatureCircuitProcess.TASK_VERIFY_BY_TICE);
            review(browser, "dasen.78", "Valider la convention", "Valider et transmettre",
                    SignatureCircuitProcess.TASK_VALIDATE_BY_DASEN);
            LocalDate today = FrenchFormats.toLocalDate(ClockUtil.getCurrentTime());
            delegateConventionsTo(browser, today);
            review(browser, "daces", "Transmettre la convention pour signature", "Transmettre au Recteur",
                    SignatureCircuitProcess.TASK_TRANSMIT_FOR_SIGNATURE);

            // the delegate finds the Recteur's step among the tasks offered to him, and signs it
            browser.login(DELEGATE);
            browser.openTask("Signer la convention (Recteur)");
            browser.choose("Signer les 2 exemplaires");
            browser.fill("Field_DateSignature", today.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            browser.screenshot("signature-par-delegation");
            browser.complete();
            browser.waitForTaskGone("Signer la convention (Recteur)");

            browser.login("daces");
            browser.openTask("Numériser et déposer la convention signée");
            Path scan = Files.createTempFile("convention-signee", ".pdf");
            Files.write(scan, MinimalPdf.withText("Convention signee Versailles"));
            browser.upload("input[type=file]", scan);
            browser.screenshot("depot-scan");
            browser.complete();
            browser.waitForTaskGone("Numériser et déposer la convention signée");
            browser.screenshot("circuit-termine");

            // the signed circuit asks the DACES to post the commune's copy
            executeDueJobs();
            browser.openTask("Envoyer l'exemplaire de la commune");
            browser.waitForText("l'un est retourné à la commune");
            browser.fill("Field_DateEnvoiExemplaire", today.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            browser.fill("Field_NumeroRecommande", "1A 234 567 8901 2");
            browser.screenshot("envoi-exemplaire-commune");
            browser.complete();
            browser.waitForTaskGone("Envoyer l'exemplaire de la commune");

            // the registry's timeline says in what capacity the convention was signed
            String numero = runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                    .singleResult().getBusinessKey();
            browser.open("/registre/#" + numero);
            browser.waitForText(BY_DELEGATION);
            browser.screenshot("registre-signee-par-delegation");
        }
        executeDueJobs();
        assertThat(java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).anyMatch(subject -> subject.startsWith("[Convention ENT] Votre exemplaire de la convention"));
        var convention = runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                .singleResult();
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
        assertThat(records.current(convention.getBusinessKey()).orElseThrow().maireNom())
                .isEqualTo("M. François de Mazières");
        assertThat(bordereauxOf(convention.getBusinessKey())).as("le bordereau de circuit signé")
                .anyMatch(text -> text.contains(BY_DELEGATION));
    }

    /** The Recteur's office, in the page « Délégations et absences », lets the delegate sign conventions this month. */
    private static void delegateConventionsTo(TasklistBrowser browser, LocalDate today) throws Exception {
        browser.login("recteur");
        browser.open("/registre/delegations.html");
        browser.type("#delegation-utilisateur", DELEGATE);
        browser.type("#delegation-fonction", DELEGATE_FONCTION);
        browser.setValue("#delegation-debut", today.toString());
        browser.setValue("#delegation-fin", today.plusMonths(1).toString());
        browser.click("#delegation-conventions");
        browser.click("#formulaire-delegation button[type=submit]");
        browser.waitForText(DELEGATE_FONCTION);
        browser.screenshot("delegation-enregistree");
    }

    /** The text of each circuit bordereau of the convention. */
    private List<String> bordereauxOf(String numero) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        var history = processEngine.getHistoryService();
        String[] circuits = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(numero)
                .processDefinitionKey(SignatureCircuitProcess.KEY).list().stream().map(c -> c.getId())
                .toArray(String[]::new);
        for (var variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(circuits)
                .variableName(SignatureCircuitProcess.BORDEREAU_CIRCUIT).list()) {
            if (variable.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.FileValue file) {
                try (var in = file.getValue()) {
                    texts.add(fr.conventionent.support.DocxText.of(in.readAllBytes()));
                }
            }
        }
        return texts;
    }

    @Test
    void bothIensOfASharedCommuneTransmitAndAnIncidentAlertsTheIenOfTheSchoolPicked() throws Exception {
        // Argenteuil's convention with its three schools, signed by the mairie (the first journey walks those steps)
        ProcessInstance convention = startConvention("95018");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("95018", "Argenteuil", 3));
        taskService.complete(openTask(convention).getId(), Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true));
        String numero = convention.getBusinessKey();
        try (TasklistBrowser browser = new TasklistBrowser(port, "commune-partagee")) {
            review(browser, "ien.argenteuil-nord", "Transmettre la convention (IEN", "Transmettre à l'IEN chargé",
                    SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN);
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(numero).list())
                    .as("le circuit attend l'IEN du sud").extracting(this::candidateGroupOf)
                    .containsExactly("ien-circo-argenteuil-sud");
            review(browser, "ien.argenteuil-sud", "Transmettre la convention (IEN", "Transmettre à l'IEN chargé",
                    SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN);
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(numero).singleResult())
                    .extracting(this::candidateGroupOf).isEqualTo("ien-tice-95");

            browser.login("mairie.argenteuil");
            browser.clickLink("Démarrer un processus");
            browser.clickLink("Incident de sécurité");
            browser.select("[name='typeIncident']", "intrusion");
            browser.select("[name='competence']", "academie");
            browser.setValue("[name='dateDetection']", LocalDateTime.now(FrenchFormats.PARIS).minusHours(2)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            browser.fillNamed("communeInsee", "95018");
            browser.waitForText("Toutes les écoles de la convention " + numero);
            browser.waitForText("École maternelle Les Tilleuls (0950139K) – Circonscription d'Argenteuil Sud");
            browser.click("input.ecole-choix[value='0950139K']");
            browser.type("textarea#description", "Un compte enseignant de l'école Les Tilleuls a été usurpé.");
            browser.screenshot("incident-ecole-choisie");
            browser.click(".modal-footer button.btn-primary");
            browser.waitForElementGone(".modal-dialog");
        }
        executeDueJobs();
        MimeMessage alert = java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(message -> subjectOf(message).contains("Incident de sécurité INC-95018-")).findFirst()
                .orElseThrow();
        Object picked = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableName("ecolesUai").singleResult().getValue();
        assertThat(fr.conventionent.kernel.JsonVariables.readList(picked, String.class))
                .as("l'école cochée").containsExactly("0950139K");
        assertThat(java.util.Arrays.stream(alert.getAllRecipients()).map(Object::toString))
                .contains("ien.argenteuil-sud@demo.example").doesNotContain("ien.argenteuil-nord@demo.example");
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noWebappShowsTheCommunityEndOfLifeBanner() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/camunda/app/" + app + "/styles/user-styles.css")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as(app).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
        }
    }

    private static void fillConvention(TasklistBrowser browser, String uai) {
        browser.fillNamed("communeNom", "Versailles");
        browser.fillNamed("communeAdresse", "4, avenue de Paris, 78000 Versailles");
        browser.fillNamed("maireNom", "M. de Mazières");
        browser.fillNamed("ecoleUai0", uai);
        browser.fillNamed("ecoleNom0", "École élémentaire Jules Ferry");
        browser.fillNamed("ecoleAdresse0", "12, rue Jules Ferry, Versailles");
        browser.fillNamed("editeurEnt", "Éditeur ENT Primaire");
        browser.fillNamed("exploitantEnt", "Exploitant Numérique SAS");
        browser.fillNamed("referentNom", "DURAND Paul");
        browser.fillNamed("referentTelephone", "01 30 97 28 00");
        browser.fillNamed("referentEmail", "referent.ent@versailles.example");
        browser.fillNamed("correspondantNom0", "LEROY Anne");
        browser.fillNamed("correspondantTelephone0", "01 40 00 00 02");
        browser.fillNamed("correspondantEmail0", "anne.leroy@exploitant.example");
    }

    private static void signCopies(TasklistBrowser browser) throws Exception {
        browser.openTask("Signer la convention en 2 exemplaires");
        browser.waitForText("Télécharger la convention (PDF)");
        browser.waitForText("empreinte SHA-256");
        browser.check("input[id$='Field_ExemplairesSignes']");
        browser.screenshot("exemplaires-signes");
        browser.complete();
        browser.waitForTaskGone("Signer la convention en 2 exemplaires");
    }

    /** A reviewer passes the convention on: their own decision, then every point of their checklist. */
    private static void review(TasklistBrowser browser, String user, String taskName, String decision, String step)
            throws Exception {
        browser.login(user);
        browser.openTask(taskName);
        browser.waitForText("annexe 2 §1");
        browser.choose(decision);
        for (ReviewChecklist.Item item : ReviewChecklist.of(step)) {
            browser.check("input[id$='Field_" + Character.toUpperCase(item.key().charAt(0)) + item.key().substring(1)
                    + "']");
        }
        browser.screenshot("validation-" + user);
        browser.complete();
        browser.waitForTaskGone(taskName);
    }
}
