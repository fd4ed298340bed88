package fr.conventionent.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.support.AcademieLdap;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.WebSession;

/**
 * Directory mode: académie staff log in with their directory account (REST Basic and the webapps' login), get their
 * groups from the mapping file, and a change in the directory counts from the next login, without a restart.
 */
class DirectoryLoginTest extends EngineTest {

    private static final String IEN_VERSAILLES = "cmartin";
    private static final String IEN_VERSAILLES_PASSWORD = "Ien-Versailles-2026";

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        AcademieLdap.register(registry);
        // a database of its own: no demo user left by the other test contexts
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:convention-annuaire;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    UserDirectory users;
    @LocalServerPort
    int port;

    @BeforeEach
    void directoryAsWritten() {
        AcademieLdap.reset();
    }

    @Test
    void ienOfACirconscriptionSeesExactlyItsTasksThroughRestBasic() throws Exception {
        String versailles = atIenStep("78646", "Versailles");
        String nanterre = atIenStep("92050", "Nanterre");

        assertThat(taskIds(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD)).containsExactly(versailles);
        assertThat(taskIds("pleroy", "Ien-Nanterre-2026")).containsExactly(nanterre);
        assertThat(taskIds("jbernard", "Professeur-2026")).as("a teacher is in no group of the application").isEmpty();
    }

    @Test
    void ienLogsInToTasklistAndSeesExactlyItsTasks() throws Exception {
        String versailles = atIenStep("78646", "Versailles");
        atIenStep("92050", "Nanterre");

        WebSession tasklist = new WebSession(port);
        tasklist.login(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD);

        assertThat(tasklistTaskIds(tasklist)).containsExactly(versailles);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(get(IEN_VERSAILLES, "mauvais", "/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(IEN_VERSAILLES, "", "/task").getStatusCode()).as("no anonymous bind")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("inconnu", "Ien-Versailles-2026", "/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThatThrownBy(() -> new WebSession(port).login(IEN_VERSAILLES, "mauvais"))
                .hasMessageContaining("refusée");
    }

    @Test
    void personRemovedFromTheDirectoryCanNoLongerLogIn() {
        assertThat(get(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD, "/task").getStatusCode()).isEqualTo(HttpStatus.OK);

        AcademieLdap.remove(IEN_VERSAILLES);

        assertThat(get(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD, "/task").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThatThrownBy(() -> new WebSession(port).login(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD))
                .hasMessageContaining("refusée");
    }

    @Test
    void ienMovedToAnotherCirconscriptionGetsItsTasksAtNextLogin() throws Exception {
        String versailles = atIenStep("78646", "Versailles");
        String nanterre = atIenStep("92050", "Nanterre");
        assertThat(taskIds(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD)).containsExactly(versailles);

        AcademieLdap.replace(IEN_VERSAILLES, "ou", "nanterre");

        assertThat(taskIds(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD)).containsExactly(nanterre);
        WebSession tasklist = new WebSession(port);
        tasklist.login(IEN_VERSAILLES, IEN_VERSAILLES_PASSWORD);
        assertThat(tasklistTaskIds(tasklist)).containsExactly(nanterre);
    }

    @Test
    void memberLeavingADirectoryGroupLosesTheApplicationGroup() {
        assertThat(groupsOf("lnguyen")).containsExactly("dane");

        AcademieLdap.removeFromGroup("dane", "lnguyen");

        assertThat(groupsOf("lnguyen")).isEmpty();
        assertThat(identityService.createUserQuery().memberOfGroup("dane").list()).isEmpty();
    }

    @Test
    void groupQueriesAnswerForDirectoryPeople() {
        assertThat(groupsOf("adurand")).containsExactly("dasen-78");
        assertThat(groupsOf("bpetit")).containsExactly("ien-tice-78");
        assertThat(groupsOf("mrobert")).containsExactly("daces");
        assertThat(groupsOf("sgarnier")).containsExactly("recteur");

        assertThat(identityService.createUserQuery().memberOfGroup("dasen-78").list())
                .extracting(User::getId).containsExactly("adurand");
        assertThat(identityService.createUserQuery().memberOfGroup("dane").list())
                .extracting(User::getId).containsExactly("lnguyen");
        assertThat(identityService.createUserQuery().memberOfGroup("ien-circo-versailles").count()).isEqualTo(1);
        assertThat(users.emailsOfGroups(List.of("ien-circo-versailles", "daces")))
                .containsExactlyInAnyOrder("catherine.martin@ac-versailles.fr", "marie.robert@ac-versailles.fr");
        assertThat(users.fullNameOf("adurand")).isEqualTo("Anne Durand");
        assertThat(identityService.createUserQuery().userLastNameLike("%ar%").list()).extracting(User::getId)
                .contains("cmartin", "sgarnier", "jbernard");
    }

    @Test
    void theLocalAdministratorStillLogsInThrottledAndNoDemoUserExists() {
        assertThat(get("admin", "admin", "/user?id=admin").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("admin", "mauvais", "/user?id=admin").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("admin", "admin", "/user?id=admin").getStatusCode()).as("delayed after a wrong password")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        moveClockBy(java.time.Duration.ofSeconds(4));
        assertThat(get("admin", "admin", "/user?id=admin").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("mairie.versailles", "mairie.versailles", "/task").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identityService.createGroupQuery().groupMember("admin").list()).extracting(Group::getId)
                .containsExactly("camunda-admin");
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
    }

    /** A convention of that commune taken to its IEN's step; the id of that task. */
    private String atIenStep(String insee, String commune) {
        ProcessInstance convention = startConvention(insee);
        taskService.complete(openTask(convention).getId(), SampleConventions.completion(insee, commune, 1));
        executeDueJobs();
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        executeDueJobs();
        Task ien = openTask(convention);
        assertThat(candidateGroupOf(ien)).startsWith("ien-circo-");
        return ien.getId();
    }

    private List<String> taskIds(String user, String password) throws Exception {
        ResponseEntity<String> response = get(user, password, "/task");
        assertThat(response.getStatusCode()).as("GET /task as %s", user).isEqualTo(HttpStatus.OK);
        JsonNode tasks = new ObjectMapper().readTree(response.getBody());
        return tasks.findValuesAsText("id");
    }

    /** The tasks Tasklist lists, through the webapp's own API behind its session login. */
    private static List<String> tasklistTaskIds(WebSession tasklist) throws Exception {
        var response = tasklist.get("/camunda/api/engine/engine/default/task");
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).findValuesAsText("id");
    }

    private ResponseEntity<String> get(String user, String password, String path) {
        return rest.withBasicAuth(user, password).getForEntity("/engine-rest" + path, String.class);
    }

}
