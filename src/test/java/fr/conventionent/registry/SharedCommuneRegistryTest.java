package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.WebSession;

/**
 * Argenteuil's schools belong to two circonscriptions: the registry shows its convention to the IEN of every
 * circonscription of a school of its Annexe 1, and its filter by circonscription finds it under each.
 */
class SharedCommuneRegistryTest extends ConventionLifeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyRegistry() {
        ConventionTables.empty(jdbc);
    }

    /** Argenteuil's convention with its first {@code schools} schools: Jules Ferry (nord), then two of the sud. */
    private String argenteuilAtTheIens(int schools) {
        ProcessInstance convention = startConvention("95018");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("95018", "Argenteuil", schools));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        return numero(convention);
    }

    private List<String> seenBy(String user, String query) throws Exception {
        var response = WebSession.loggedIn(port, user).get("/registre/api/conventions?tri=numero" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        JSON.readTree(response.body()).get("lignes").forEach(line -> numbers.add(line.get("numero").asText()));
        return numbers;
    }

    @Test
    void eachIenOfASchoolOfTheConventionSeesItAndAnIenOfAThirdCirconscriptionDoesNot() throws Exception {
        String argenteuil = argenteuilAtTheIens(3);
        String versailles = numero(signedConvention("78646", "Versailles", "2026-03-02"));

        assertThat(seenBy("ien.argenteuil-nord", "")).containsExactly(argenteuil);
        assertThat(seenBy("ien.argenteuil-sud", "")).containsExactly(argenteuil);
        assertThat(seenBy("ien.cergy", "")).isEmpty();
        assertThat(seenBy("ien.versailles", "")).containsExactly(versailles);
        assertThat(WebSession.loggedIn(port, "ien.cergy").get("/registre/api/conventions/" + argenteuil).statusCode())
                .isEqualTo(404);
        JsonNode detail = JSON.readTree(WebSession.loggedIn(port, "ien.argenteuil-sud")
                .get("/registre/api/conventions/" + argenteuil).body());
        assertThat(detail.at("/convention/numero").asText()).isEqualTo(argenteuil);

        // both IENs have the transmission task, each in Tasklist under their own group
        List<Task> iens = taskService.createTaskQuery().processInstanceBusinessKey(argenteuil)
                .taskDefinitionKey(SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN).list();
        assertThat(iens).extracting(this::candidateGroupOf)
                .containsExactlyInAnyOrder("ien-circo-argenteuil-nord", "ien-circo-argenteuil-sud");
    }

    @Test
    void theFilterByCirconscriptionFindsAConventionWithAnySchoolThere() throws Exception {
        String argenteuil = argenteuilAtTheIens(3);
        numero(signedConvention("95127", "Cergy", "2026-03-02"));

        assertThat(seenBy("daces", "&circonscription=argenteuil-nord")).containsExactly(argenteuil);
        assertThat(seenBy("daces", "&circonscription=argenteuil-sud")).containsExactly(argenteuil);
        assertThat(seenBy("dasen.95", "&circonscription=argenteuil-sud")).containsExactly(argenteuil);
        assertThat(seenBy("daces", "&circonscription=versailles")).isEmpty();
    }

    @Test
    void theCirconscriptionColumnNamesEveryCirconscriptionOfItsSchoolsOnThePageAndInTheCsv() throws Exception {
        String argenteuil = argenteuilAtTheIens(3);
        String cergy = numero(signedConvention("95127", "Cergy", "2026-03-02"));

        JsonNode lines = JSON.readTree(WebSession.loggedIn(port, "daces")
                .get("/registre/api/conventions?tri=numero").body()).get("lignes");
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("numero").asText()).isEqualTo(argenteuil);
            assertThat(line.get("circonscriptions")).extracting(JsonNode::asText)
                    .containsExactly("argenteuil-nord", "argenteuil-sud");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("numero").asText()).isEqualTo(cergy);
            assertThat(line.get("circonscriptions")).extracting(JsonNode::asText).containsExactly("cergy");
        });

        String sudCsv = csv("ien.argenteuil-sud");
        assertThat(sudCsv).contains(argenteuil + ";Argenteuil;95018;95;argenteuil-nord, argenteuil-sud;")
                .doesNotContain(cergy);
        assertThat(csv("ien.argenteuil-nord")).contains(argenteuil).doesNotContain(cergy);
        assertThat(csv("ien.cergy")).contains(cergy + ";Cergy;95127;95;cergy;").doesNotContain(argenteuil);
    }

    private String csv(String user) {
        return new String(WebSession.loggedIn(port, user).getBytes("/registre/api/conventions.csv?tri=numero").body(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aConventionWhoseSchoolsAreAllInOneCirconscriptionStaysWithItsIen() throws Exception {
        String argenteuil = argenteuilAtTheIens(1);

        assertThat(seenBy("ien.argenteuil-nord", "")).containsExactly(argenteuil);
        assertThat(seenBy("ien.argenteuil-sud", "")).isEmpty();
        assertThat(seenBy("daces", "&circonscription=argenteuil-sud")).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(argenteuil).singleResult())
                .extracting(this::candidateGroupOf).isEqualTo("ien-circo-argenteuil-nord");
    }
}
