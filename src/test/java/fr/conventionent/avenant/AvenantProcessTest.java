package fr.conventionent.avenant;

import static fr.conventionent.avenant.AvenantProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.charter.SchoolCharter;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionVersions;
import fr.conventionent.convention.RecordedVersion;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.DocxText;
import jakarta.mail.internet.MimeMessage;

/**
 * Article 10: an avenant proposed by either party, approved first by the commune, checked by the
 * DACES, signed through the same circuit as the convention, then applied as a new version.
 */
class AvenantProcessTest extends ConventionLifeTest {

    @Autowired
    ConventionRecords records;

    private static final Ecole NEW_SCHOOL = new Ecole(Uai.withCheckLetter("0780999"), "École maternelle Les Lilas",
            "3, rue des Lilas, Versailles");
    private static final Contact NEW_REFERENT = new Contact("BERNARD Léa", "01 39 00 00 09", "lea.bernard@versailles.example");

    private ProcessInstance propose(String numero) {
        return runtimeService.startProcessInstanceByKey(KEY, Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
    }

    /** The draft as the form sends it back: the current annexes, edited. */
    private Map<String, Object> draft(Task task, String objet, String clauses, List<Ecole> ecoles, Contact referent) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OBJET, objet);
        variables.put(CLAUSES, clauses);
        variables.put(ConventionVariables.ECOLES, JsonVariables.write(ecoles != null ? ecoles : currentSchools(task)));
        variables.put(ConventionVariables.REFERENT_ENT, JsonVariables.write(referent != null ? referent
                : JsonVariables.readObject(taskService.getVariable(task.getId(), ConventionVariables.REFERENT_ENT), Contact.class)));
        variables.put(ABANDONNER, false);
        return variables;
    }

    private List<Ecole> currentSchools(Task task) {
        return JsonVariables.readList(taskService.getVariable(task.getId(), ConventionVariables.ECOLES), Ecole.class);
    }

    private void signThroughCircuit(String numero, String signature) {
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_SIGN_COPIES).getId(), Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            taskService.complete(task(numero, SignatureCircuitProcess.REVIEW_STEPS[i]).getId(), Circuits.approve());
        }
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR).getId(),
                Circuits.recteurSigns(signature));
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_UPLOAD_SIGNED_SCAN).getId(),
                Circuits.scanUploaded());
        executeDueJobs();
    }

    private void review(String numero, String taskKey, String decision, String motif) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ConventionVariables.DECISION, decision);
        variables.put(ConventionVariables.MOTIF, motif);
        taskService.complete(task(numero, taskKey).getId(), variables);
    }

    @Test
    void anAvenantProposedByTheCommuneIsSignedThenAppliedAsANewVersion() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-01-11", 9);

        actAsVersailles();
        ProcessInstance avenant = propose(numero);
        actAsNobody();
        Task draft = task(numero, TASK_DRAFT);
        assertThat(candidateGroupOf(draft)).isEqualTo("commune-78646");
        assertThat(taskService.getVariable(draft.getId(), AVENANT_NUMERO)).isEqualTo(1);
        List<Ecole> schools = new ArrayList<>(currentSchools(draft));
        List<Ecole> before = List.copyOf(schools);
        schools.add(NEW_SCHOOL);
        taskService.complete(draft.getId(), draft(draft, "Ouverture de l'ENT à l'école maternelle Les Lilas",
                "L'article 5 est complété : une session de formation est organisée pour l'école ajoutée.", schools,
                NEW_REFERENT));

        assertThat(avenant).isWaitingAt(TASK_REVIEW_OBJECTIVES).hasNotPassed(TASK_APPROVE_BY_COMMUNE);
        assertThat(JsonVariables.read(runtimeService.getVariable(avenant.getId(), APPROBATION_COMMUNE))
                .path("mode").asText()).isEqualTo("proposé par la commune");
        assertThat((String) runtimeService.getVariable(avenant.getId(), RESUME))
                .contains("Annexe 1 – école ajoutée : École maternelle Les Lilas (" + NEW_SCHOOL.uai() + ")",
                        "Annexe 2 – Référent ENT de la commune : DURAND Paul");
        assertThat(candidateGroupOf(task(numero, TASK_REVIEW_OBJECTIVES))).isEqualTo("daces");
        review(numero, TASK_REVIEW_OBJECTIVES, "valider", null);

        assertThat(avenant).isWaitingAt(CALL_SIGNATURE_CIRCUIT);
        FileValue toSign = taskService.getVariableTyped(task(numero, SignatureCircuitProcess.TASK_SIGN_COPIES).getId(),
                ConventionVariables.CONVENTION_DOCX);
        assertThat(toSign.getFilename()).isEqualTo("Avenant-1-" + numero + ".docx");
        signThroughCircuit(numero, "2027-01-11");

        assertThat(avenant).isEnded().hasPassed(TASK_APPLY, END_APPLIED);
        assertThat(conventionVariable(convention, ConventionVariables.VERSION)).isEqualTo(2);
        assertThat(records.current(numero).orElseThrow().ecoles()).hasSize(3).contains(NEW_SCHOOL);
        assertThat(records.current(numero).orElseThrow().referentEnt()).isEqualTo(NEW_REFERENT);
        assertThat(conventionVariable(convention, ConventionVariables.AVENANT_EN_COURS)).isEqualTo("");

        // every earlier version stays readable
        assertThat(records.versions(numero)).extracting(RecordedVersion::version).containsExactly(1, 2);
        assertThat(records.versions(numero).get(1).depuis()).isEqualTo(java.time.LocalDate.parse("2027-01-11"));
        assertThat(records.versions(numero).get(1).origine()).isEqualTo("Avenant n° 1");
        assertThat(records.version(numero, 1).orElseThrow().ecoles()).isEqualTo(before);
        FileValue v1 = runtimeService.getVariableTyped(convention.getId(), ConventionVersions.docxVariable(1));
        FileValue v2 = runtimeService.getVariableTyped(convention.getId(), ConventionVersions.docxVariable(2));
        FileValue current = runtimeService.getVariableTyped(convention.getId(), ConventionVariables.CONVENTION_DOCX);
        assertThat(v1.getFilename()).isEqualTo("Convention-ENT-" + numero + ".docx");
        assertThat(v2.getFilename()).isEqualTo("Convention-ENT-" + numero + "-v2.docx");
        assertThat(current.getFilename()).isEqualTo(v2.getFilename());
        assertThat(docxText(v1)).doesNotContain("Les Lilas");
        assertThat(docxText(v2)).contains("École maternelle Les Lilas", "version 2", "BERNARD Léa");

        // the numbered avenant lists exactly what changed
        FileValue avenantDocx = runtimeService.getVariableTyped(convention.getId(), docxVariable(1));
        String text = docxText(avenantDocx);
        assertThat(text).contains("AVENANT N° 1 À LA CONVENTION", "Objet de l'avenant",
                "Ouverture de l'ENT à l'école maternelle Les Lilas", "Clauses modifiées", "L'article 5 est complété",
                "Les écoles suivantes sont ajoutées à l'annexe 1", NEW_SCHOOL.uai(), "3 écoles bénéficient",
                "Référent ENT de la commune", "DURAND Paul", "BERNARD Léa");
        assertThat(text).doesNotContain("retirées", "Éditeur de l'ENT");
        assertThat((Object) runtimeService.getVariableTyped(convention.getId(), scanVariable(1))).isNotNull();

        // the signed avenant does not overwrite the signed convention in the archive
        Path archive = Path.of("target/test-data/archives", numero);
        assertThat(archive.resolve("Avenant-1-" + numero + "-signe.pdf")).exists();
        assertThat(archive.resolve("Convention-ENT-" + numero + "-signee.pdf")).exists();
        assertThat(mailsAbout("Votre avenant n° 1 à la convention " + numero + " est signé")).hasSize(1);
        MimeMessage applied = mailsAbout("Avenant n° 1 appliqué – convention " + numero + " (version 2)").get(0);
        assertThat(recipients(applied)).contains("mairie.versailles@demo.example", "lea.bernard@versailles.example",
                "daces@demo.example");

        // the convention's record: version 1 as signed, version 2 from the avenant, which every reader now follows
        assertThat(records.version(numero, 1).orElseThrow().ecoles()).isEqualTo(before);
        ConventionData v2Record = records.current(numero).orElseThrow();
        assertThat(v2Record.ecoles()).hasSize(3).contains(NEW_SCHOOL);
        assertThat(v2Record.referentEnt()).isEqualTo(NEW_REFERENT);

        // the school added is to adopt the users' charter
        assertThat(JsonVariables.readList(conventionVariable(convention, ConventionVariables.CHARTES), SchoolCharter.class))
                .extracting(SchoolCharter::uai).contains(NEW_SCHOOL.uai());
    }

    @Test
    void anAvenantProposedByTheAcademieWaitsForTheCommunesApproval() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        actAsDaces();
        ProcessInstance avenant = propose(numero);
        actAsNobody();
        Task draft = task(numero, TASK_DRAFT);
        assertThat(candidateGroupOf(draft)).isEqualTo("daces");
        taskService.complete(draft.getId(), draft(draft, "Calendrier des comités de pilotage",
                "Article 4 : le comité de pilotage se réunit en octobre et en mars.", null, null));

        assertThat(avenant).isWaitingAt(TASK_APPROVE_BY_COMMUNE);
        assertThat(candidateGroupOf(task(numero, TASK_APPROVE_BY_COMMUNE))).isEqualTo("commune-78646");
        assertThatThrownBy(() -> review(numero, TASK_APPROVE_BY_COMMUNE, "rejeter", " "))
                .hasMessageContaining("Indiquez le motif du refus");
        review(numero, TASK_APPROVE_BY_COMMUNE, "rejeter", "Le conseil municipal préfère le calendrier actuel.");

        assertThat(avenant).isEnded().hasPassed(TASK_CLOSE_REFUSED, END_REFUSED);
        executeDueJobs();
        assertThat(body(mailsAbout("Avenant non poursuivi – convention " + numero).get(0)))
                .contains("n'a pas été approuvé par la commune", "Le conseil municipal préfère le calendrier actuel.");
        assertThat(conventionVariable(convention, ConventionVariables.VERSION)).isEqualTo(1);
        assertThat(conventionVariable(convention, ConventionVariables.AVENANT_EN_COURS)).isEqualTo("");
        assertThat(propose(numero)).isWaitingAt(TASK_DRAFT);
    }

    @Test
    void anAvenantThatCallsTheGeneralObjectivesIntoQuestionIsRejected() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        actAsVersailles();
        ProcessInstance avenant = propose(numero);
        actAsNobody();
        Task draft = task(numero, TASK_DRAFT);
        taskService.complete(draft.getId(), draft(draft, "Suppression de l'accompagnement",
                "L'article 5 est supprimé.", null, null));

        review(numero, TASK_REVIEW_OBJECTIVES, "rejeter", "L'accompagnement des usages est un objectif général.");

        assertThat(avenant).isEnded().hasPassed(END_REJECTED);
        executeDueJobs();
        assertThat(body(mailsAbout("Avenant non poursuivi – convention " + numero).get(0)))
                .contains("remettrait en cause les objectifs généraux", "L'accompagnement des usages est un objectif");
        assertThat(conventionVariable(convention, ConventionVariables.VERSION)).isEqualTo(1);
    }

    @Test
    void anAvenantRejectedInTheCircuitGoesBackToItsAuthor() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        actAsVersailles();
        ProcessInstance avenant = propose(numero);
        actAsNobody();
        Task draft = task(numero, TASK_DRAFT);
        taskService.complete(draft.getId(), draft(draft, "Nouvel exploitant", "Article 2 précisé.", null, null));
        review(numero, TASK_REVIEW_OBJECTIVES, "valider", null);
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_SIGN_COPIES).getId(), Circuits.signedCopies());
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN).getId(),
                Circuits.reject("La clause modifiée ne cite pas l'article 2 en entier."));

        assertThat(avenant).isWaitingAt(TASK_DRAFT);
        Task again = task(numero, TASK_DRAFT);
        assertThat(taskService.getVariable(again.getId(), ConventionVariables.MOTIF_REJET))
                .isEqualTo("La clause modifiée ne cite pas l'article 2 en entier.");
        assertThat(conventionVariable(convention, ConventionVariables.VERSION)).isEqualTo(1);
    }

    @Test
    void badDraftsAreRefusedAndChangeNothing() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        propose(numero);
        Task draft = task(numero, TASK_DRAFT);

        assertThatThrownBy(() -> taskService.complete(draft.getId(), draft(draft, "Retrait des écoles", "", List.of(),
                null))).hasMessageContaining("Un avenant ne peut pas retirer toutes les écoles de l'annexe 1");
        assertThatThrownBy(() -> taskService.complete(draft.getId(), draft(draft, "Rien", "", null, null)))
                .hasMessageContaining("L'avenant ne modifie rien");
        List<Ecole> wrong = new ArrayList<>(currentSchools(draft));
        wrong.add(new Ecole("0780999A", "École fictive", "1, rue X"));
        assertThatThrownBy(() -> taskService.complete(draft.getId(), draft(draft, "Ajout", "", wrong, null)))
                .hasMessageContaining("la lettre de contrôle de l'UAI « 0780999A » est fausse");
        assertThatThrownBy(() -> taskService.complete(draft.getId(), draft(draft, "", "Article 4 modifié.", null, null)))
                .hasMessageContaining("Indiquez l'objet de l'avenant");

        assertThat(task(numero, TASK_DRAFT).getId()).isEqualTo(draft.getId());
        assertThat(records.current(numero).orElseThrow().ecoles()).hasSize(2);
        assertThat(taskService.getVariable(draft.getId(), MODIFICATIONS)).isNull();
    }

    @Test
    void oneAvenantAtATimeOnAConventionInForceOfTheUsersCommune() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        actAs("mairie.nanterre", "commune-92050");
        assertThatThrownBy(() -> propose(numero)).hasMessageContaining("n'est pas celle de votre commune");
        actAsNobody();
        propose(numero);

        actAsDaces();
        assertThatThrownBy(() -> propose(numero))
                .hasMessageContaining("Un avenant à la convention " + numero + " est déjà en cours");
        actAsNobody();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
    }

    /** The decision of docs/cycle-de-vie.md: a notified dénonciation cancels the avenant in progress. */
    @Test
    void aDenonciationNotifiedDuringTheCircuitCancelsTheAvenant() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-02-01", 9);
        actAsVersailles();
        ProcessInstance avenant = propose(numero);
        actAsNobody();
        Task draft = task(numero, TASK_DRAFT);
        List<Ecole> schools = new ArrayList<>(currentSchools(draft));
        schools.add(NEW_SCHOOL);
        taskService.complete(draft.getId(), draft(draft, "Nouvelle école", "", schools, null));
        review(numero, TASK_REVIEW_OBJECTIVES, "valider", null);
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_SIGN_COPIES).getId(), Circuits.signedCopies());
        assertThat(task(numero, SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN)).isNotNull();

        actAsDaces();
        runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        assertThat(avenant).isNotEnded(); // opening a dénonciation is not yet notifying it
        signLetterIfWaiting(numero);
        taskService.complete(task(numero, DenonciationProcess.TASK_NOTIFY).getId(), Map.of(
                DenonciationProcess.DECISION_DENONCIATION, DenonciationProcess.DECISION_NOTIFIER,
                DenonciationProcess.DATE_NOTIFICATION, "2027-02-01"));

        assertThat(avenant).isEnded();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SignatureCircuitProcess.KEY)
                .processInstanceBusinessKey(numero).count()).isZero();
        assertThat(task(numero, SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN)).isNull();
        executeDueJobs();
        MimeMessage cancelled = mailsAbout("Avenant annulé – convention " + numero).get(0);
        assertThat(recipients(cancelled)).contains("mairie.versailles@demo.example", "daces@demo.example");
        assertThat(body(cancelled)).contains("L'avenant n° 1", "«\u00a0Nouvelle école\u00a0»",
                "la convention a été dénoncée le 1er février 2027");
        assertThat(conventionVariable(convention, ConventionVariables.AVENANT_EN_COURS)).isEqualTo("");
        assertThat(conventionVariable(convention, ConventionVariables.VERSION)).isEqualTo(1);
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_PREAVIS);
        assertThatThrownBy(() -> propose(numero)).hasMessageContaining("a déjà été dénoncée");
    }

    private static String docxText(FileValue docx) throws Exception {
        try (InputStream in = docx.getValue()) {
            return DocxText.of(in.readAllBytes());
        }
    }
}
