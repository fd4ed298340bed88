package fr.conventionent.identity.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.identity.IdentitySetup;
import fr.conventionent.resiliation.ResiliationProcess;
import fr.conventionent.signature.CircuitEvidenceDocument;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.DocxText;
import fr.conventionent.support.EngineRest;
import fr.conventionent.support.WebSession;

/**
 * Signing for the Recteur: the cabinet's register says who may sign what, when; the académie's letters wait for a
 * signature; the convention's Recteur step keeps in what capacity it was signed. Absences pass tasks to a substitute.
 */
class RecteurDelegationTest extends ConventionLifeTest {

    private static final String SECRETAIRE_GENERALE = "sg.academie";
    private static final String CHEF_DE_CABINET = "chef.cabinet";
    private static final String DACES_ADJOINT = "daces.adjoint";

    @Autowired
    DelegationRegister register;
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate restTemplate;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentitySetup identitySetup;

    @BeforeEach
    void people() {
        person(SECRETAIRE_GENERALE, "Claire", "Martin");
        person(CHEF_DE_CABINET, "Paul", "Durand");
        person(DACES_ADJOINT, "Inès", "Petit");
    }

    @AfterEach
    void forgetThem() {
        jdbc.update("delete from delegation_signature");
        jdbc.update("delete from absence");
        actAsNobody();
    }

    /** A person of the académie, kept for the next tests (the engine keeps their authorizations). */
    private void person(String id, String firstName, String lastName) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@ac-versailles.example");
        identityService.saveUser(user);
    }

    private Delegation delegate(String user, String nom, String fonction, String from, String to, boolean conventions,
                                boolean avenants, boolean lettres) {
        return register.add(new DelegationRegister.DelegationForm(user, nom, fonction, from, to, conventions, avenants,
                lettres), "recteur");
    }

    private ProcessInstance denouncedByTheAcademie(String numero) {
        actAsDaces();
        ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        return denonciation;
    }

    private List<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .filter(u -> u != null).toList();
    }

    private String letterText(ProcessInstance denonciation) throws Exception {
        FileValue letter = runtimeService.getVariableTyped(denonciation.getId(), DenonciationProcess.LETTRE);
        return DocxText.of(letter.getValue().readAllBytes());
    }

    @Test
    void aDelegateForLettersSignsTheAcademiesLetterForTheRecteur() throws Exception {
        String numero = numero(signedConvention("2026-09-15"));
        moveClockTo("2027-03-01", 9);
        delegate(SECRETAIRE_GENERALE, "Claire Martin", "secrétaire générale de l'académie", "2027-02-01", "2027-06-30",
                false, false, true);

        ProcessInstance denonciation = denouncedByTheAcademie(numero);

        assertThat(denonciation).isWaitingAt(DenonciationProcess.TASK_SIGN_LETTER);
        Task sign = task(numero, DenonciationProcess.TASK_SIGN_LETTER);
        assertThat(candidateGroupOf(sign)).isEqualTo(Groups.RECTEUR);
        assertThat(candidateUsers(sign)).containsExactly(SECRETAIRE_GENERALE);
        assertThat(letterText(denonciation)).as("avant signature").contains("Le Recteur de l'académie");

        actAs(SECRETAIRE_GENERALE);
        taskService.complete(sign.getId(), Map.of("lettreSignee", true));
        actAsNobody();

        assertThat(denonciation).isWaitingAt(DenonciationProcess.TASK_NOTIFY);
        assertThat(letterText(denonciation)).contains("Pour le Recteur et par délégation", "Claire Martin",
                "secrétaire générale de l'académie").doesNotContain("Le Recteur de l'académie");
        assertThat(runtimeService.getVariable(denonciation.getId(), Signatory.QUALITE))
                .isEqualTo("Pour le Recteur et par délégation, Claire Martin, secrétaire générale de l'académie");
    }

    @Test
    void anExpiredOrWrongScopeDelegateCannotSignButTheRecteursOfficeCan() throws Exception {
        String numero = numero(signedConvention("2026-09-15"));
        moveClockTo("2027-03-01", 9);
        delegate("dsi", "Marc Leroy", "directeur des systèmes d'information", "2027-02-01", "2027-03-01",
                false, false, true);
        delegate(CHEF_DE_CABINET, "Paul Durand", "chef de cabinet", "2027-01-01", "2027-12-31", true, true, false);
        ProcessInstance denonciation = denouncedByTheAcademie(numero);
        Task sign = task(numero, DenonciationProcess.TASK_SIGN_LETTER);
        assertThat(candidateUsers(sign)).as("délégation pour les conventions seulement").containsExactly("dsi");

        moveClockTo("2027-03-02", 9); // the delegation ended yesterday
        ResponseEntity<String> expired = new EngineRest(restTemplate, "dsi").submitForm(sign.getId(),
                Map.of("lettreSignee", EngineRest.value(true)));
        assertThat(expired.getStatusCode().value()).as("par l'API REST").isEqualTo(400);
        assertThat(expired.getBody()).contains("Vous ne pouvez pas signer pour le Recteur",
                "aucune délégation pour les lettres").doesNotContain("Exception", "fr.conventionent");
        actAs(CHEF_DE_CABINET);
        assertThatThrownBy(() -> taskService.complete(sign.getId(), Map.of("lettreSignee", true)))
                .as("ni candidat ni délégataire pour les lettres").isNotNull();
        actAs("recteur", Groups.RECTEUR);
        assertThatThrownBy(() -> taskService.complete(sign.getId(), Map.of()))
                .hasMessageContaining("Cochez la case qui confirme que vous signez la lettre");
        assertThat(task(numero, DenonciationProcess.TASK_SIGN_LETTER).getId()).isEqualTo(sign.getId());

        taskService.complete(sign.getId(), Map.of("lettreSignee", true));
        actAsNobody();

        assertThat(letterText(denonciation)).contains("Le Recteur de l'académie").doesNotContain("par délégation");
        assertThat(runtimeService.getVariable(denonciation.getId(), Signatory.QUALITE)).isEqualTo("Le Recteur");
    }

    @Test
    void theMiseEnDemeureOfTheAcademieIsSignedBeforeItIsSent() throws Exception {
        String numero = numero(signedConvention("2026-09-15"));
        moveClockTo("2027-01-20", 9);
        delegate(SECRETAIRE_GENERALE, "Claire Martin", "secrétaire générale", "2027-01-01", "2027-12-31",
                false, false, true);
        actAsDaces();
        ProcessInstance resiliation = runtimeService.startProcessInstanceByKey(ResiliationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        taskService.complete(task(numero, ResiliationProcess.TASK_STATE_BREACH).getId(), Map.of(
                ResiliationProcess.NATURE_MANQUEMENT, ResiliationProcess.NATURE_FAUTE_GRAVE,
                ResiliationProcess.DESCRIPTION, "Aucun référent ENT depuis six mois.",
                ResiliationProcess.PAS_FORCE_MAJEURE, true));
        actAsNobody();
        assertThat(resiliation).isWaitingAt(ResiliationProcess.TASK_SIGN_LETTER);

        actAs(SECRETAIRE_GENERALE);
        taskService.complete(task(numero, ResiliationProcess.TASK_SIGN_LETTER).getId(), Map.of("lettreSignee", true));
        actAsNobody();

        assertThat(resiliation).isWaitingAt(ResiliationProcess.TASK_SEND_FORMAL_NOTICE);
        FileValue letter = runtimeService.getVariableTyped(resiliation.getId(), ResiliationProcess.LETTRE);
        assertThat(DocxText.of(letter.getValue().readAllBytes()))
                .contains("Mise en demeure", "Pour le Recteur et par délégation", "Claire Martin", "secrétaire générale");
    }

    @Test
    void theRecteurStepRecordsWhoSignedTheConventionAndInWhatCapacity() throws Exception {
        moveClockTo("2027-03-01", 9);
        delegate(CHEF_DE_CABINET, "Paul Durand", "directeur de cabinet", "2027-01-01", "2027-12-31", true, false, false);
        ProcessInstance convention = startConvention("78646");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));
        for (Map<String, Object> step : List.of(Circuits.signedCopies(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.approve())) {
            taskService.complete(openTask(convention).getId(), step);
        }
        Task recteurStep = openTask(convention);
        assertThat(recteurStep.getTaskDefinitionKey()).isEqualTo(SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR);
        assertThat(candidateUsers(recteurStep)).containsExactly(CHEF_DE_CABINET);
        actAs(CHEF_DE_CABINET);
        assertThat(filterService.<Task>list(tasklistFilter())).as("Tasklist la lui propose").extracting(Task::getId)
                .contains(recteurStep.getId());
        actAs(SECRETAIRE_GENERALE);
        assertThat(filterService.<Task>list(tasklistFilter())).extracting(Task::getId).doesNotContain(recteurStep.getId());

        actAs(SECRETAIRE_GENERALE);
        assertThatThrownBy(() -> taskService.complete(recteurStep.getId(), Circuits.recteurSigns("2027-03-01")))
                .as("sans délégation").isNotNull();
        actAs(CHEF_DE_CABINET);
        taskService.complete(recteurStep.getId(), Circuits.recteurSigns("2027-03-01"));
        actAsNobody();

        String circuit = runtimeService.createProcessInstanceQuery().superProcessInstanceId(convention.getId())
                .singleResult().getId();
        List<?> journal = JsonVariables.readList(runtimeService.getVariable(circuit,
                ConventionVariables.HISTORIQUE_CIRCUIT), Map.class);
        CircuitEvidenceDocument.Entry signature = CircuitEvidenceDocument.entries(journal).get(journal.size() - 1);
        assertThat(signature.acteur()).isEqualTo(CHEF_DE_CABINET);
        assertThat(signature.qualite()).isEqualTo("Pour le Recteur et par délégation, Paul Durand, directeur de cabinet");
        byte[] evidence = CircuitEvidenceDocument.generate(numero(convention), null, "Versailles", null,
                CircuitEvidenceDocument.entries(journal), login -> null, new java.util.Date());
        assertThat(DocxText.of(evidence)).contains("Pour le Recteur et par délégation, Paul Durand, directeur de cabinet");
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isNotEqualTo(ConventionProcess.STATUT_EN_PREPARATION);
    }

    @Test
    void anEarlierGroupsOnlyTasklistFilterAlsoListsTheTasksOfferedByNameAfterARestart() {
        Filter filter = filterService.getFilter(tasklistFilter());
        filterService.saveFilter(filter.setQuery(taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
        Task offered = taskService.newTask();
        offered.setName("Tâche proposée nommément");
        taskService.saveTask(offered);
        taskService.addCandidateUser(offered.getId(), CHEF_DE_CABINET);
        try {
            actAs(CHEF_DE_CABINET, Groups.RECTEUR);
            assertThat(filterService.<Task>list(tasklistFilter())).as("filtre d'une version antérieure").extracting(Task::getId)
                    .doesNotContain(offered.getId());
            actAsNobody();

            identitySetup.run(null);

            actAs(CHEF_DE_CABINET);
            assertThat(filterService.<Task>list(tasklistFilter())).extracting(Task::getId).contains(offered.getId());
            assertThat(filterService.getFilter(tasklistFilter()).getProperties().get("description").toString())
                    .contains("délégation, suppléance");
        } finally {
            actAsNobody();
            identitySetup.run(null); // the shared filter as the application sets it, for the next tests
            taskService.deleteTask(offered.getId(), true);
        }
    }

    /** The shared filter through which Tasklist offers tasks to be claimed. */
    private String tasklistFilter() {
        return filterService.createFilterQuery().filterName("Tâches de mon groupe").singleResult().getId();
    }

    @Test
    void theRegisterRefusesInFrenchAndStoresNothing() {
        moveClockTo("2027-03-01", 9);
        assertThatThrownBy(() -> delegate("inconnu", "X", "Y", "2027-03-01", "2027-03-31", true, false, false))
                .hasMessageContaining("Utilisateur inconnu : « inconnu »");
        assertThatThrownBy(() -> delegate(SECRETAIRE_GENERALE, "Claire Martin", "SG", "2027-03-31", "2027-03-01",
                true, false, false))
                .hasMessageContaining("La date de fin de la délégation (2027-03-01) précède sa date de début (2027-03-31)");
        assertThatThrownBy(() -> delegate(SECRETAIRE_GENERALE, "Claire Martin", "", "2027-03-01", "2027-03-31",
                false, false, false))
                .hasMessageContaining("Indiquez la fonction du délégataire")
                .hasMessageContaining("Indiquez ce que la délégation couvre");
        assertThatThrownBy(() -> delegate(SECRETAIRE_GENERALE, "Claire Martin", "SG", "2027-02-01", "2027-02-28",
                true, false, false)).hasMessageContaining("sa fin (2027-02-28) est passée");
        assertThatThrownBy(() -> register.declareAbsence("daces", "2027-03-01", "2027-03-05", "daces", "daces"))
                .hasMessageContaining("Le suppléant doit être une autre personne que l'absent");
        assertThatThrownBy(() -> register.declareAbsence("daces", "2027-03-01", "demain", DACES_ADJOINT, "daces"))
                .hasMessageContaining("La date de fin de l'absence « demain » n'est pas une date valide");
        assertThat(register.delegations()).isEmpty();
        assertThat(register.absences()).isEmpty();
    }

    @Test
    void duringAnAbsenceTheTasksOfTheAbsentAreAlsoOfferedToTheSubstitute() {
        String during = numero(signedConvention("2026-09-15"));
        String after = numero(signedConvention("92050", "Nanterre", "2026-09-15"));
        moveClockTo("2027-02-20", 9);
        register.declareAbsence("daces", "2027-03-01", "2027-03-05", DACES_ADJOINT, "daces");

        moveClockTo("2027-03-05", 17);
        actAsDaces();
        runtimeService.startProcessInstanceByKey(ResiliationProcess.KEY, Map.of(ConventionVariables.CONVENTION_NUMERO, during));
        actAsNobody();
        Task duringAbsence = task(during, ResiliationProcess.TASK_STATE_BREACH);
        assertThat(candidateGroupOf(duringAbsence)).isEqualTo(Groups.DACES);
        assertThat(candidateUsers(duringAbsence)).containsExactly(DACES_ADJOINT);
        assertThat(duringAbsence.getDescription())
                .contains("Remplacement de", "(absent du 1er mars 2027 au 5 mars 2027)", "Inès Petit");

        moveClockTo("2027-03-06", 9);
        actAsDaces();
        runtimeService.startProcessInstanceByKey(ResiliationProcess.KEY, Map.of(ConventionVariables.CONVENTION_NUMERO, after));
        actAsNobody();
        Task afterAbsence = task(after, ResiliationProcess.TASK_STATE_BREACH);
        assertThat(candidateUsers(afterAbsence)).isEmpty();
        assertThat(afterAbsence.getDescription()).doesNotContain("Remplacement");
    }

    @Test
    void onlyTheRecteursOfficeKeepsTheRegisterAndEveryoneDeclaresTheirOwnAbsences() {
        moveClockTo("2027-03-01", 9);
        String delegation = "{\"utilisateur\": \"" + SECRETAIRE_GENERALE + "\", \"nom\": \"\", \"fonction\":"
                + " \"secrétaire générale\", \"debut\": \"2027-03-01\", \"fin\": \"2027-08-31\", \"lettres\": true}";
        WebSession daces = WebSession.loggedIn(port, "daces");
        HttpResponse<String> refused = daces.sendJson("POST", DelegationController.DELEGATIONS, delegation, true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("tenu par le cabinet du Recteur");

        WebSession cabinet = WebSession.loggedIn(port, "recteur");
        assertThat(cabinet.sendJson("POST", DelegationController.DELEGATIONS, delegation, false).statusCode())
                .as("sans l'en-tête de la page").isEqualTo(403);
        HttpResponse<String> inverted = cabinet.sendJson("POST", DelegationController.DELEGATIONS,
                delegation.replace("2027-08-31", "2027-02-01"), true);
        assertThat(inverted.statusCode()).isEqualTo(400);
        assertThat(inverted.body()).contains("précède sa date de début").doesNotContain("Exception", "java.");
        HttpResponse<String> garbled = cabinet.sendJson("POST", DelegationController.DELEGATIONS, "{\"debut\": ", true);
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("Requête illisible").doesNotContain("Exception");
        assertThat(register.delegations()).isEmpty();

        HttpResponse<String> added = cabinet.sendJson("POST", DelegationController.DELEGATIONS, delegation, true);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("Claire Martin", "secrétaire générale");
        assertThat(cabinet.get(DelegationController.DELEGATIONS).body()).contains(SECRETAIRE_GENERALE);

        String absence = "{\"debut\": \"2027-03-08\", \"fin\": \"2027-03-12\", \"suppleant\": \"" + DACES_ADJOINT + "\"}";
        assertThat(daces.sendJson("POST", DelegationController.ABSENCES, absence, true).statusCode()).isEqualTo(201);
        HttpResponse<String> forSomeoneElse = daces.sendJson("POST", DelegationController.ABSENCES,
                absence.replace("{", "{\"utilisateur\": \"dsi\", "), true);
        assertThat(forSomeoneElse.statusCode()).isEqualTo(403);
        assertThat(forSomeoneElse.body()).contains("Vous ne pouvez déclarer que vos propres absences");
        assertThat(register.absences()).extracting(Absence::utilisateur).containsExactly("daces");
    }

    @Test
    void theRegistryLinksThePageOfDelegationsAndAbsencesForTheAcademieOnly() {
        assertThat(WebSession.loggedIn(port, "recteur").get("/registre/api/moi").body())
                .contains("\"delegations\":true", "\"absences\":true");
        assertThat(WebSession.loggedIn(port, "daces").get("/registre/api/moi").body())
                .contains("\"delegations\":false", "\"absences\":true");
        assertThat(WebSession.loggedIn(port, "mairie.versailles").get("/registre/api/moi").body())
                .contains("\"delegations\":false", "\"absences\":false");
    }
}
