package fr.conventionent.convention;

import static fr.conventionent.convention.ConventionProcess.*;
import static fr.conventionent.kernel.ConventionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;

import fr.conventionent.charter.UsersCharterProcess;
import fr.conventionent.cnil.CnilFormalitiesProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.DocxText;
import jakarta.mail.internet.MimeMessage;

/**
 * The convention: preparation, circuit, then its life in force (article 11): 4 years from the
 * signature, then tacit renewal every year, each renewal recorded and announced, and a reminder one
 * month before the last day to denounce. Long tests move the engine clock across ten years; every
 * expected date was worked out by hand.
 */
class ConventionProcessTest extends ConventionLifeTest {

    @org.springframework.beans.factory.annotation.Autowired
    ConventionRecords records;

    @Test
    void newConventionIsNumberedRoutedAndWaitsForTheCommune() {
        ProcessInstance convention = startConvention("78646");

        assertThat(convention).isWaitingAt(TASK_COMPLETE).variables()
                .containsEntry(ConventionVariables.DEPARTEMENT, "78")
                .containsEntry(ConventionVariables.CIRCONSCRIPTION, "versailles")
                .containsEntry(ConventionVariables.STATUT, STATUT_EN_PREPARATION);
        assertThat(convention.getBusinessKey()).matches("CONV-78646-\\d{4}-\\d{2}");
        assertThat(candidateGroupOf(openTask(convention))).isEqualTo("commune-78646");
        assertThat(openTask(convention).getDescription()).isEqualTo(
                "Convention " + convention.getBusinessKey() + " – commune de Versailles");
    }

    @Test
    void completedConventionIsGeneratedAsDocxAndEntersTheCircuit() throws Exception {
        ProcessInstance convention = startConvention("78646");

        Map<String, Object> completion = new HashMap<>(SampleConventions.completion("78646", "Versailles", 3));
        completion.put(DPO_COMMUNE, JsonVariables.write(new Contact("BERNARD Lucie", null, "dpo@versailles.example")));
        taskService.complete(openTask(convention).getId(), completion);

        assertThat(convention).isWaitingAt(CALL_SIGNATURE_CIRCUIT).variables()
                .containsEntry(ConventionVariables.STATUT, STATUT_DANS_LE_CIRCUIT);
        String text = docxText(convention);
        assertThat(text).contains("La commune de Versailles", "Article 13 – Litiges", "DURAND Paul",
                SampleConventions.schools("78646", "Versailles", 3).get(2).uai());
        assertThat(text).as("annexe 2 : le DPO de la commune, après son référent ENT").containsSubsequence(
                "Référent ENT de la commune", "Délégué à la protection des données de la commune",
                "NOM et prénom : BERNARD Lucie", "Adresse de messagerie : dpo@versailles.example",
                "Correspondants techniques de l'exploitant");
        Task signCopies = openTask(convention);
        assertThat(signCopies.getTaskDefinitionKey()).isEqualTo(SignatureCircuitProcess.TASK_SIGN_COPIES);
    }

    @Test
    void invalidCompletionIsRefusedInFrenchAndStoresNothing() {
        ProcessInstance convention = startConvention("78646");
        Map<String, Object> bad = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        bad.put(ConventionVariables.ECOLES, JsonVariables.write(List.of(
                new Ecole("0781234X", "École A", "1 rue A"), new Ecole("0910001G", "", "2 rue B"))));
        bad.put(ConventionVariables.REFERENT_ENT, JsonVariables.write(new Contact("", "12 34", "pas-un-courriel")));
        String taskId = openTask(convention).getId();

        assertThatThrownBy(() -> taskService.complete(taskId, bad))
                .hasMessageContaining("Saisie refusée")
                .hasMessageContaining("la lettre de contrôle de l'UAI « 0781234X » est fausse")
                .hasMessageContaining("n'est pas une école du département de la commune")
                .hasMessageContaining("n'est pas un numéro français valide")
                .hasMessageContaining("« pas-un-courriel »");

        assertThat(convention).isWaitingAt(TASK_COMPLETE);
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.COMMUNE_NOM)).isNull();
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.ECOLES)).isNull();
    }

    @Test
    void rejectedConventionReturnsToCommuneWithReasonThenGoesRoundTheWholeCircuitAgain() throws Exception {
        ProcessInstance convention = startConvention("78646");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        taskService.complete(openTask(convention).getId(), Circuits.approve());
        taskService.complete(openTask(convention).getId(), Circuits.reject("Il manque l'école maternelle du Parc."));

        Task correction = openTask(convention);
        assertThat(correction.getTaskDefinitionKey()).isEqualTo(TASK_COMPLETE);
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.MOTIF_REJET))
                .isEqualTo("Il manque l'école maternelle du Parc.");

        Map<String, Object> corrected = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        List<Ecole> schools = new java.util.ArrayList<>(SampleConventions.schools("78646", "Versailles", 2));
        schools.add(new Ecole(Uai.withCheckLetter("0789999"), "École maternelle du Parc", "3 allée du Parc"));
        corrected.put(ConventionVariables.ECOLES, JsonVariables.write(schools));
        taskService.complete(correction.getId(), corrected);

        assertThat(docxText(convention)).contains("École maternelle du Parc", Uai.withCheckLetter("0789999"));
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.MOTIF_REJET)).isNull();
        Task again = openTask(convention);
        assertThat(again.getTaskDefinitionKey()).isEqualTo(SignatureCircuitProcess.TASK_SIGN_COPIES);
        taskService.complete(again.getId(), Circuits.signedCopies());
        assertThat(candidateGroupOf(openTask(convention))).isEqualTo("ien-circo-versailles");
    }

    @Test
    void signedConventionIsInForceAndWaitsForItsTermFourYearsAfterSignature() {
        moveClockTo(date(2026, 3, 2));
        ProcessInstance convention = startConvention("91228");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("91228", "Évry", 1));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            taskService.complete(openTask(convention).getId(), Circuits.approve());
        }
        moveClockTo(date(2026, 3, 20));
        taskService.complete(openTask(convention).getId(), Circuits.recteurSigns("2026-03-16"));
        taskService.complete(openTask(convention).getId(), Circuits.scanUploaded());
        executeDueJobs();

        assertThat(convention).isWaitingAt(TIMER_DENUNCIATION_REMINDER, TIMER_STEERING_COMMITTEE).variables()
                .containsEntry(ConventionVariables.STATUT, STATUT_EN_VIGUEUR)
                .containsEntry(ConventionVariables.DATE_SIGNATURE, date(2026, 3, 16))
                .containsEntry(ConventionVariables.DERNIER_JOUR_PERIODE_INITIALE, date(2030, 3, 15));
        // the reminder (one month before the last day to denounce, 16 December 2029) comes first
        Job reminder = timer(convention.getId(), TIMER_DENUNCIATION_REMINDER);
        assertThat(reminder.getDuedate()).isEqualTo(date(2029, 11, 16));
        fire(reminder);
        Job term = timer(convention.getId(), TIMER_RENEWAL);
        assertThat(term.getDuedate()).isEqualTo(date(2030, 3, 16));
    }

    @Test
    void aCommuneUserCannotOpenAConventionForAnotherCommune() {
        identityService.setAuthentication("mairie.nanterre", List.of("commune-92050"));

        assertThatThrownBy(() -> startConvention("78646"))
                .hasMessageContaining("Vous ne pouvez pas ouvrir une convention pour la commune 78646");
        assertThatThrownBy(() -> startConvention("99999"))
                .hasMessageContaining("ne fait pas partie des communes de l'académie");
        identityService.clearAuthentication();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aSecondConventionForTheSameCommuneIsRefused() {
        startConvention("95127");

        assertThatThrownBy(() -> startConvention("95127")).hasMessageContaining("Une convention est déjà en cours");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
    }

    @Test
    void theInseeCodeCannotBeChangedWhenCompleting() {
        ProcessInstance convention = startConvention("78646");

        assertThatThrownBy(() -> taskService.complete(openTask(convention).getId(),
                SampleConventions.completion("92050", "Nanterre", 1)))
                .hasMessageContaining("ne peut pas être modifié");
    }

    @Test
    void signedConventionComesIntoForceWithItsFollowUp() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        assertThat(convention).isWaitingAt(TIMER_DENUNCIATION_REMINDER, TIMER_STEERING_COMMITTEE)
                .hasPassed(TASK_RECORD_IN_FORCE, TASK_REQUEST_USERS_CHARTER);
        assertThat(conventionVariable(convention, DERNIER_JOUR_PERIODE)).isEqualTo(day("2030-09-14"));
        assertThat(conventionVariable(convention, DATE_LIMITE_DENONCIATION)).isEqualTo(day("2030-06-15"));
        assertThat(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER).getDuedate()).isEqualTo(day("2030-05-15"));
        assertThat(timer(convention.getId(), TIMER_STEERING_COMMITTEE).getDuedate()).isEqualTo(day("2027-03-15"));
        assertThat(task(numero, CnilFormalitiesProcess.TASK_CONFIRM_COMMUNE)).isNotNull();
        assertThat(task(numero, CnilFormalitiesProcess.TASK_CONFIRM_ACADEMIE)).isNotNull();
        assertThat(task(numero, UsersCharterProcess.TASK_RECORD_ADOPTION)).isNotNull();

        assertThat(records.versions(numero)).containsExactly(new RecordedVersion(1, "signée",
                java.time.LocalDate.parse("2026-09-15"), ConventionVersions.INITIAL));
        assertThat(runtimeService.getVariables(convention.getId())).as("what it says lives in its record only")
                .doesNotContainKeys(ConventionDataMapper.VARIABLES.toArray(String[]::new))
                .containsKey(ConventionRecords.SNAPSHOT);
        FileValue v1 = runtimeService.getVariableTyped(convention.getId(), ConventionVersions.docxVariable(1));
        assertThat(v1.getFilename()).isEqualTo("Convention-ENT-" + numero + ".docx");
    }

    @Test
    void renewalsFollowTheAnniversariesForTenYears() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        List<String> renewals = new ArrayList<>();
        for (int year = 2030; year <= 2036; year++) {
            Date reminder = fire(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER));
            assertThat(reminder).as("rappel avant la reconduction de " + year).isEqualTo(day(year + "-05-15"));
            MimeMessage reminderMail = last(mailsAbout("dénonciation possible jusqu'au 15 juin " + year));
            assertThat(recipients(reminderMail)).contains("mairie.versailles@demo.example",
                    "referent.ent@versailles.example", "daces@demo.example");
            assertThat(body(reminderMail)).contains("reconduite tacitement le 15 septembre " + year,
                    "jusqu'au 14 septembre " + (year + 1) + " inclus", "au plus tard le 15 juin " + year);

            Date renewal = fire(timer(convention.getId(), TIMER_RENEWAL));
            renewals.add(localDay(renewal).toString());
            MimeMessage renewalMail = last(mailsAbout("Convention " + numero + " reconduite jusqu'au 14 septembre "
                    + (year + 1)));
            assertThat(recipients(renewalMail)).containsExactlyInAnyOrder("referent.ent@versailles.example",
                    "daces@demo.example");
            assertThat(conventionVariable(convention, DERNIER_JOUR_PERIODE)).isEqualTo(day((year + 1) + "-09-14"));
        }
        assertThat(renewals).containsExactly("2030-09-15", "2031-09-15", "2032-09-15", "2033-09-15", "2034-09-15",
                "2035-09-15", "2036-09-15");
        List<Object> recorded = JsonVariables.readList(conventionVariable(convention, RECONDUCTIONS), Object.class);
        assertThat(recorded).hasSize(7);
        assertThat(JsonVariables.read(conventionVariable(convention, RECONDUCTIONS)).get(0).toString())
                .isEqualTo("{\"numero\":1,\"dateEffet\":\"2030-09-15\",\"jusquAu\":\"2031-09-14\"}");
        assertThat(conventionVariable(convention, STATUT)).isEqualTo(STATUT_EN_VIGUEUR);
    }

    @Test
    void conventionSignedOn29FebruaryIsRenewedOn28FebruaryOutsideLeapYears() {
        ProcessInstance convention = signedConvention("2024-02-29");
        String numero = numero(convention);
        List<String> reminders = new ArrayList<>();
        List<String> renewals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            reminders.add(localDay(fire(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER))).toString());
            renewals.add(localDay(fire(timer(convention.getId(), TIMER_RENEWAL))).toString());
        }
        assertThat(renewals).containsExactly("2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29",
                "2033-02-28", "2034-02-28");
        // last day to denounce: 30 November (a notice of 3 months ends on 28 or 29 February at the latest)
        assertThat(reminders).containsExactly("2027-10-30", "2028-10-30", "2029-10-30", "2030-10-30", "2031-10-30",
                "2032-10-30", "2033-10-30");
        // each period ends the day before the next anniversary: 28 February when it falls on the 29th
        assertThat(mailsAbout("Convention " + numero + " reconduite jusqu'au 27 février 2029")).hasSize(1);
        assertThat(mailsAbout("Convention " + numero + " reconduite jusqu'au 28 février 2032")).hasSize(1);
        assertThat(mailsAbout("Convention " + numero + " reconduite jusqu'au 27 février 2033")).hasSize(1);
        assertThat(mailsAbout("dénonciation possible jusqu'au 30 novembre 2027")).hasSize(1);
    }

    private static MimeMessage last(List<MimeMessage> messages) {
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private String docxText(ProcessInstance convention) throws Exception {
        FileValue docx = runtimeService.getVariableTyped(convention.getId(), ConventionVariables.CONVENTION_DOCX);
        assertThat(docx.getMimeType()).isEqualTo(fr.conventionent.document.ConventionDocument.MIME_TYPE);
        return DocxText.of(docx.getValue().readAllBytes());
    }

    static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(FrenchFormats.PARIS).toInstant());
    }
}
