package fr.conventionent.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;

/**
 * The move to one circonscription per school: a convention of the earlier release has its commune's circonscription
 * (migration V11); at start-up, those of the communes whose schools the referential lists get the circonscriptions
 * of their schools, the others stay as they are. A circuit already running on the earlier BPMN keeps its one IEN.
 */
class ConventionCirconscriptionsUpgradeTest extends ConventionLifeTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ConventionCirconscriptionsUpgrade upgrade;
    @Autowired
    ConventionCirconscriptions circonscriptions;
    @Autowired
    RepositoryService repositoryService;

    @BeforeEach
    void emptyTables() {
        ConventionTables.empty(jdbc);
    }

    private String completed(String insee, String commune, int schools) {
        ProcessInstance convention = startConvention(insee);
        taskService.complete(openTask(convention).getId(), SampleConventions.completion(insee, commune, schools));
        return numero(convention);
    }

    /** What the earlier release left: no table of circonscriptions yet; V12 then gives each its commune's. */
    private void asTheEarlierReleaseLeftThemThenV12() {
        jdbc.update("delete from circonscription_convention");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V12__Circonscriptions_des_conventions.sql"))
                .execute(dataSource);
    }

    @Test
    void anExistingConventionOfASharedCommuneGetsTheCirconscriptionsOfItsSchoolsAtStartUp() throws Exception {
        String argenteuil = completed("95018", "Argenteuil", 3);
        String versailles = completed("78646", "Versailles", 2);
        asTheEarlierReleaseLeftThemThenV12();
        assertThat(circonscriptions.of(argenteuil)).containsExactly("argenteuil-nord");
        assertThat(circonscriptions.of(versailles)).containsExactly("versailles");

        upgrade.run(null);

        assertThat(circonscriptions.of(argenteuil)).containsExactly("argenteuil-nord", "argenteuil-sud");
        assertThat(circonscriptions.of(versailles)).containsExactly("versailles");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from circonscription_convention order by 1, 2");
        upgrade.run(null);
        assertThat(jdbc.queryForList("select * from circonscription_convention order by 1, 2"))
                .as("un second démarrage ne change rien").isEqualTo(rows);
    }

    @Test
    void aConventionWithoutAnyCirconscriptionGetsItsOwnAtStartUp() throws Exception {
        String versailles = completed("78646", "Versailles", 2);
        jdbc.update("delete from circonscription_convention");

        upgrade.run(null);

        assertThat(circonscriptions.of(versailles)).containsExactly("versailles");
    }

    @Test
    void aCircuitRunningOnTheEarlierBpmnKeepsItsOneIenChosenByItsCommune() throws Exception {
        BpmnModelInstance earlier;
        try (InputStream in = new ClassPathResource("bpmn/signature-circuit.bpmn").getInputStream()) {
            earlier = Bpmn.readModelFromStream(in);
        }
        UserTask ien = earlier.getModelElementById(SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN);
        ien.removeChildElement(ien.getChildElementsByType(MultiInstanceLoopCharacteristics.class).iterator().next());
        String deployment = repositoryService.createDeployment().name("circuit antérieur (test)")
                .addModelInstance("bpmn/signature-circuit.bpmn", earlier).deploy().getId();
        String earlierId = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
                .getId();
        try {
            Map<String, Object> variables = new HashMap<>(SampleConventions.completion("95018", "Argenteuil", 3));
            variables.put(ConventionVariables.CONVENTION_NUMERO, "CONV-95018-2025-01");
            variables.put(ConventionVariables.COMMUNE_LIBELLE, "Argenteuil");
            variables.put(ConventionVariables.DEPARTEMENT, "95");
            variables.put(ConventionVariables.CIRCONSCRIPTION, "argenteuil-nord");
            ProcessInstance circuit = runtimeService.startProcessInstanceById(earlierId, "CONV-95018-2025-01",
                    variables);
            taskService.complete(onlyTask(circuit).getId(), Circuits.signedCopies());

            assertThat(candidateGroupOf(onlyTask(circuit))).isEqualTo("ien-circo-argenteuil-nord");
            taskService.complete(onlyTask(circuit).getId(), Circuits.approve());
            assertThat(circuit).isWaitingAt(SignatureCircuitProcess.TASK_VERIFY_BY_TICE);
        } finally {
            // the application's circuit is the latest again for the other tests
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private Task onlyTask(ProcessInstance circuit) {
        return taskService.createTaskQuery().processInstanceId(circuit.getId()).singleResult();
    }
}
