package fr.conventionent.support;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;

/**
 * Base of the tests that run the real application (Spring context, Camunda engine on in-memory
 * H2, GreenMail as SMTP server on a free port). Jobs do not run by themselves: tests execute them, after moving
 * the engine clock when a timer must fire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class EngineTest {

    /** A free port per test JVM, so that parallel builds on one machine do not fight over 3025. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
        // The REST API and the webapps find their engine by name in a JVM-wide registry: once a second test context
        // (the PostgreSQL one) has started, "default" is its engine. Each test puts its own context's engine back.
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @AfterEach
    void cleanEngine() {
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
        runtimeService.createProcessInstanceQuery().list().forEach(instance ->
                runtimeService.deleteProcessInstanceIfExists(instance.getId(), "fin du test", true, true, true, false));
        GREEN_MAIL.reset();
    }

    /** Executes every job due now (async steps, mails, fired timers) until none is left. */
    protected void executeDueJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("Des tâches techniques restent exécutables après 100 tours");
    }

    protected void moveClockTo(Date date) {
        ClockUtil.setCurrentTime(date);
    }

    protected void moveClockBy(java.time.Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    protected ProcessInstance startConvention(String insee) {
        return runtimeService.startProcessInstanceByKey(ConventionProcess.KEY,
                Map.of(ConventionVariables.COMMUNE_INSEE, insee));
    }

    /** The one open task about a convention, in the convention itself or in a process it called. */
    protected Task openTask(ProcessInstance convention) {
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(convention.getId())
                .singleResult().getBusinessKey();
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    protected String candidateGroupOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).findFirst().orElse(null);
    }
}
