package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.conventionent.avenant.AvenantProcess;
import fr.conventionent.charter.SchoolCharter;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;
import fr.conventionent.identity.delegation.Signatory;
import fr.conventionent.resiliation.ResiliationProcess;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;

/**
 * The forms of a convention's life in the real Tasklist (headless chromium): the commune records a
 * charter adoption, proposes an avenant that adds a school, the DACES checks it, then the commune
 * denounces its convention, which cancels the avenant; the Recteur signs the académie's mise en demeure.
 * Screenshots in target/screenshots/vie-convention/ and signature-lettre/.
 */
class ConventionLifeBrowserTest extends ConventionLifeTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void requireChromium() {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
    }

    /** What the browser did is committed a moment after its last click: retries for a few seconds. */
    private static void eventually(Runnable assertion) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (attempt == 40) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    @Test
    void aCommuneFollowsItsConventionInTasklist() throws Exception {
        String today = LocalDate.now(PARIS).toString();
        ProcessInstance convention = signedConvention(today);
        String numero = numero(convention);
        Ecole added = new Ecole(Uai.withCheckLetter("0780999"), "École maternelle Les Lilas", "3, rue des Lilas");

        try (TasklistBrowser browser = new TasklistBrowser(port, "vie-convention")) {
            browser.login("mairie.versailles");
            browser.openTask("Enregistrer l’adoption de la charte");
            browser.waitForText("Télécharger le modèle de charte (DOCX)");
            browser.setValue("input[name=dateAdoption0]", today);
            browser.screenshot("adoption-charte");
            browser.complete();
            // the task comes back for the school still waiting: wait for the adoption to be recorded
            eventually(() -> assertThat(JsonVariables.readList(conventionVariable(convention,
                    ConventionVariables.CHARTES), SchoolCharter.class)).extracting(SchoolCharter::dateAdoption)
                    .containsExactly(today, null));

            browser.login("mairie.versailles");
            browser.startProcess("Avenant à une convention (article 10)", "Field_ConventionNumero", numero);
            browser.openTask("Rédiger l’avenant");
            browser.waitForText("Avenant n° 1 à la convention " + numero);
            browser.fillNamed("objetAvenant", "Ouverture de l'ENT à l'école maternelle Les Lilas");
            browser.click("button.ajouter-ecole");
            browser.fillNamed("ecoleUai2", added.uai());
            browser.fillNamed("ecoleNom2", added.nom());
            browser.fillNamed("ecoleAdresse2", added.adresse());
            browser.screenshot("redaction-avenant");
            browser.complete();
            browser.waitForTaskGone("Rédiger l’avenant");
            eventually(() -> assertThat(task(numero, AvenantProcess.TASK_REVIEW_OBJECTIVES)).isNotNull());
            String avenant = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvenantProcess.KEY)
                    .singleResult().getId();
            assertThat(JsonVariables.readList(runtimeService.getVariable(avenant, ConventionVariables.ECOLES),
                    Ecole.class)).hasSize(3).contains(added);

            browser.login("daces");
            browser.openTask("Vérifier le respect des objectifs généraux");
            browser.waitForText("Annexe 1 – école ajoutée : École maternelle Les Lilas");
            browser.choose("Les objectifs généraux sont préservés");
            browser.screenshot("objectifs-generaux");
            browser.complete();
            browser.waitForTaskGone("Vérifier le respect des objectifs généraux");

            browser.login("mairie.versailles");
            browser.startProcess("Dénonciation d’une convention (article 11)", "Field_ConventionNumero",
                    "CONV-92050-2026-01");
            assertThat(browser.waitForNotificationContaining("Saisie refusée"))
                    .contains("Aucune convention en cours ne porte le numéro « CONV-92050-2026-01 »");
            browser.screenshot("denonciation-refusee");
            browser.login("mairie.versailles");
            browser.startProcess("Dénonciation d’une convention (article 11)", "Field_ConventionNumero", numero);
            browser.openTask("Notifier la dénonciation");
            browser.waitForText("Lettre de dénonciation (DOCX)");
            browser.select("select[name=decisionDenonciation]", "notifier");
            browser.setValue("input[name=dateNotification]", today);
            browser.screenshot("notification-denonciation");
            browser.complete();
            browser.waitForTaskGone("Notifier la dénonciation");
        }
        eventually(() -> assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_PREAVIS));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AvenantProcess.KEY).count())
                .as("l'avenant en cours est annulé par la dénonciation").isZero();
    }

    @Test
    void theCommuneConvenesItsSteeringCommitteeInTasklist() throws Exception {
        ProcessInstance convention = signedConvention(LocalDate.now(PARIS).toString());
        String numero = numero(convention);
        fire(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE));
        String meeting = localDay(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()).plusDays(10).toString();

        try (TasklistBrowser browser = new TasklistBrowser(port, "comite-pilotage")) {
            browser.login("mairie.versailles");
            browser.openTask("Convoquer le comité de pilotage");
            browser.waitForText("Comité de pilotage n° 1 – convention " + numero);
            browser.setValue("input[name=dateComite]", meeting);
            browser.fillNamed("lieuComite", "Hôtel de ville, salle du conseil");
            browser.fillNamed("ordreDuJour", "1. Point d'étape du déploiement");
            browser.fillNamed("participantNom0", "Marie Dupont");
            browser.fillNamed("participantEmail0", "marie.dupont@versailles.example");
            browser.fillNamed("participantNom1", "Paul Martin");
            browser.fillNamed("participantEmail1", "paul.martin@ac-versailles.example");
            browser.screenshot("convocation");
            browser.complete();
            browser.waitForTaskGone("Convoquer le comité de pilotage");
        }
        eventually(() -> assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(fr.conventionent.pilotage.SteeringCommitteeProcess.KEY).singleResult())
                .isNotNull());
        String comite = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(fr.conventionent.pilotage.SteeringCommitteeProcess.KEY).singleResult().getId();
        eventually(() -> assertThat(runtimeService.getVariable(comite,
                fr.conventionent.pilotage.SteeringCommitteeProcess.DATE_COMITE)).isEqualTo(day(meeting)));
        assertThat(JsonVariables.read(runtimeService.getVariable(comite,
                fr.conventionent.pilotage.SteeringCommitteeProcess.PARTICIPANTS)).toString())
                .contains("\"partie\":\"commune\"", "\"partie\":\"academie\"", "paul.martin@ac-versailles.example");
    }

    @Test
    void theRecteurSignsTheAcademiesMiseEnDemeureInTasklist() throws Exception {
        String numero = numero(signedConvention(LocalDate.now(PARIS).toString()));
        actAsDaces();
        ProcessInstance resiliation = runtimeService.startProcessInstanceByKey(ResiliationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        taskService.complete(task(numero, ResiliationProcess.TASK_STATE_BREACH).getId(), Map.of(
                ResiliationProcess.NATURE_MANQUEMENT, ResiliationProcess.NATURE_FAUTE_GRAVE,
                ResiliationProcess.DESCRIPTION, "Aucun référent ENT depuis six mois.",
                ResiliationProcess.PAS_FORCE_MAJEURE, true));
        actAsNobody();

        try (TasklistBrowser browser = new TasklistBrowser(port, "signature-lettre")) {
            browser.login("recteur");
            browser.openTask("Signer la lettre");
            browser.waitForText("Signer la mise en demeure pour le Recteur");
            browser.waitForText("Je signe la lettre pour le Recteur");
            assertThat(browser.pageText()).contains("Convention " + numero, "Mise en demeure (PDF)",
                    "« Pour le Recteur et par délégation »");
            By terminer = By.xpath("//button[normalize-space(.)='Terminer']");
            assertThat(browser.driver().findElements(terminer)).as("« Terminer » inactif tant que la case n'est pas cochée")
                    .filteredOn(WebElement::isDisplayed).noneMatch(WebElement::isEnabled);
            browser.check("input[name=lettreSignee]");
            browser.screenshot("mise-en-demeure-signee");
            browser.complete();
            browser.waitForTaskGone("Signer la lettre");
        }
        eventually(() -> assertThat(runtimeService.getVariable(resiliation.getId(), Signatory.QUALITE))
                .isEqualTo("Le Recteur"));
        assertThat(task(numero, ResiliationProcess.TASK_SEND_FORMAL_NOTICE)).as("la mise en demeure part").isNotNull();
    }
}
