package fr.conventionent.representatives;

import static fr.conventionent.support.EngineRest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.DocxText;
import fr.conventionent.support.EngineRest;
import jakarta.mail.internet.MimeMessage;

/**
 * « Mettre à jour les représentants »: after the municipal elections the commune declares its new maire (or a new
 * référent ENT) without any avenant. The DACES is told; the next letter names the new maire, the mails go to the
 * new référent, and the documents already produced stay as they were.
 */
class RepresentativesProcessTest extends ConventionLifeTest {

    private static final String FORMER_MAIRE = "Mme Catherine Martin";
    private static final String NEW_MAIRE = "M. Jean-Luc Nouveau";

    @Autowired
    TestRestTemplate restTemplate;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConventionRecords records;

    @Test
    void theNextLetterNamesTheNewMaireAndEarlierDocumentsAreUnchanged() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        byte[] signedDocx = conventionDocx(convention);
        assertThat(DocxText.of(signedDocx)).contains(FORMER_MAIRE);
        moveClockTo("2027-03-20", 10);

        ResponseEntity<String> declared = declare("mairie.versailles", numero, "2027-03-15", NEW_MAIRE, null);
        assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.OK);
        executeDueJobs();

        MimeMessage told = mailsAbout("Convention " + numero + "\u00a0: nouveaux représentants de la commune de Versailles")
                .get(0);
        assertThat(recipients(told)).containsExactly("daces@demo.example");
        assertThat(body(told)).contains("à compter du 15 mars 2027", "- maire\u00a0: " + NEW_MAIRE);

        actAsDaces();
        ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        String letter = DocxText.of(bytes((FileValue) runtimeService.getVariableTyped(denonciation.getId(),
                DenonciationProcess.LETTRE)));
        assertThat(letter).contains(NEW_MAIRE).doesNotContain(FORMER_MAIRE);
        assertThat(conventionDocx(convention)).as("la convention signée reste telle qu'elle a été signée")
                .isEqualTo(signedDocx);
        assertThat(DocxText.of(conventionDocx(convention))).contains(FORMER_MAIRE).doesNotContain(NEW_MAIRE);
    }

    @Test
    void aMaireDeclaredFromALaterDayIsNamedFromThatDayOnly() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-03-20", 10);
        assertThat(declare("mairie.versailles", numero, "2027-04-01", NEW_MAIRE, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        actAsDaces();
        ProcessInstance before = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        assertThat(DocxText.of(bytes((FileValue) runtimeService.getVariableTyped(before.getId(),
                DenonciationProcess.LETTRE)))).contains(FORMER_MAIRE).doesNotContain(NEW_MAIRE);
    }

    @Test
    void theNewReferentGetsTheMailsInsteadOfTheFormerOne() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-03-20", 10);
        assertThat(declare("mairie.versailles", numero, "2027-03-16", null,
                new String[] {"MOREAU Léa", "01 39 00 00 09", "lea.moreau@versailles.example"}).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        actAsVersailles();
        ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        Task notify = task(numero, DenonciationProcess.TASK_NOTIFY);
        taskService.complete(notify.getId(), Map.of(DenonciationProcess.DECISION_DENONCIATION,
                DenonciationProcess.DECISION_NOTIFIER, DenonciationProcess.DATE_NOTIFICATION, "2027-03-20"));
        executeDueJobs();

        MimeMessage notified = mailsAbout("Convention " + numero + " dénoncée").get(0);
        assertThat(recipients(notified)).contains("lea.moreau@versailles.example")
                .doesNotContain("referent.ent@versailles.example");
        assertThat(runtimeService.getVariable(denonciation.getId(), ConventionVariables.CONVENTION_NUMERO))
                .isEqualTo(numero);
    }

    @Test
    void whatTheCommuneTypesAfterADeclarationPrevailsAndALaterDeclarationPrevailsOverIt() throws Exception {
        moveClockTo("2026-09-01", 9);
        ProcessInstance convention = startConvention("78646");
        String numero = numero(convention);
        assertThat(declare("mairie.versailles", numero, "2026-09-01", "M. Déclaré Avant", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));
        assertThat(records.current(numero).orElseThrow().maireNom()).isEqualTo(FORMER_MAIRE);
        assertThat(DocxText.of(conventionDocx(convention))).contains(FORMER_MAIRE).doesNotContain("Déclaré Avant");

        moveClockTo("2026-09-02", 9);
        assertThat(declare("mairie.versailles", numero, "2026-09-02", NEW_MAIRE, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(records.current(numero).orElseThrow().maireNom()).isEqualTo(NEW_MAIRE);
    }

    @Test
    void aDeclarationIsCheckedAndNothingIsRecordedWhenRefused() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-03-20", 10);

        assertRefused(declare("mairie.nanterre", numero, "2027-03-15", NEW_MAIRE, null),
                "n'est pas celle de votre commune");
        assertRefused(declare("mairie.versailles", numero, "2027-03-15", null, null),
                "Indiquez le nouveau maire, le nouveau référent ENT, ou les deux.");
        assertRefused(declare("mairie.versailles", numero, "2027-03-15", null,
                new String[] {"MOREAU Léa", "12 34", "lea.moreau@versailles.example"}), "« 12 34 »");
        assertRefused(declare("mairie.versailles", numero, "2025-01-15", NEW_MAIRE, null),
                "remonte à plus d'un an");
        assertRefused(declare("mairie.versailles", "CONV-78646-2020-99", "2027-03-15", NEW_MAIRE, null),
                "Aucune convention en cours ne porte le numéro « CONV-78646-2020-99 »");
        assertThat(jdbc.queryForObject("select count(*) from convention_representant where numero = ?",
                Integer.class, numero)).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RepresentativesProcess.KEY)
                .count()).isZero();
    }

    private ResponseEntity<String> declare(String user, String numero, String since, String maire, String[] referent) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(ConventionVariables.CONVENTION_NUMERO, value(numero));
        form.put(RepresentativesProcess.DATE_EFFET, value(since));
        if (maire != null) {
            form.put(RepresentativesProcess.NOUVEAU_MAIRE, value(maire));
        }
        if (referent != null) {
            form.put(RepresentativesProcess.REFERENT_NOM, value(referent[0]));
            form.put(RepresentativesProcess.REFERENT_TELEPHONE, value(referent[1]));
            form.put(RepresentativesProcess.REFERENT_EMAIL, value(referent[2]));
        }
        return new EngineRest(restTemplate, user).post("/process-definition/key/" + RepresentativesProcess.KEY
                + "/submit-form", Map.of("variables", form));
    }

    private static void assertRefused(ResponseEntity<String> answer, String reason) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("Saisie refusée : ", reason);
    }

    private byte[] conventionDocx(ProcessInstance convention) throws Exception {
        return bytes((FileValue) runtimeService.getVariableTyped(convention.getId(),
                ConventionVariables.CONVENTION_DOCX));
    }

    private static byte[] bytes(FileValue file) throws Exception {
        try (InputStream in = file.getValue()) {
            return in.readAllBytes();
        }
    }
}
