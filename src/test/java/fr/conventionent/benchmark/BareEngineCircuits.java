package fr.conventionent.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline of {@link SignatureCircuitBenchmark}: a bare Camunda engine (no Spring, no application code),
 * authorization on and full history, running the circuit's shape: 8 user tasks with candidate groups, each
 * completed with a decision, as many circuits and at the same concurrency as the project's run.
 */
final class BareEngineCircuits {

    private static final String KEY = "circuit-nu";
    private static final String[] GROUPS = {"commune-93000", "commune-93000", "commune-93000", "ien-circo-versailles",
            "ien-tice-93", "dasen-93", "daces", "recteur"};

    private BareEngineCircuits() {
    }

    /** @return circuits per second */
    static double run(String jdbcUrl, int circuits, int threads) throws Exception {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("moteur-nu-" + threads);
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setJdbcMaxActiveConnections(threads + 2);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", circuit()).deploy();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < circuits; i++) {
                String businessKey = "NU-" + threads + "-" + i;
                futures.add(pool.submit(() -> runCircuit(engine, businessKey)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            return circuits / ((System.nanoTime() - start) / 1e9);
        } finally {
            engine.close();
        }
    }

    private static void runCircuit(ProcessEngine engine, String businessKey) {
        engine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey, Map.of("communeInsee", "93000"));
        for (int step = 0; step < GROUPS.length; step++) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
            engine.getTaskService().complete(task.getId(), Map.of("decision", "valider"));
        }
    }

    private static BpmnModelInstance circuit() {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(30)
                .startEvent();
        for (int i = 0; i < GROUPS.length; i++) {
            flow = flow.userTask("UserTask_" + i).camundaCandidateGroups(GROUPS[i]);
        }
        return flow.endEvent().done();
    }
}
