package fr.conventionent.demo;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.signature.ReviewChecklist;
import fr.conventionent.signature.SignatureCircuitProcess;

/**
 * A few conventions at different stages, so that every demo user has something to see:
 * Nanterre to complete, Versailles at its IEN, Cergy rejected by the IA-DASEN, Évry signed, Argenteuil at the IENs
 * of its two circonscriptions.
 * Created once, on an empty database, in the background once the application is ready: their documents (DOCX, PDF)
 * would otherwise more than double the first start, and nobody waits for them to log in.
 */
@Component
@ConditionalOnProperty(name = {"convention.demo-data", "convention.demo-conventions"}, havingValue = "true")
public class DemoConventions {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConventions.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    public DemoConventions(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createInBackground() {
        Thread creation = new Thread(() -> {
            try {
                createOnEmptyDatabase();
            } catch (RuntimeException e) {
                LOG.error("Conventions de démonstration : création interrompue", e);
            }
        }, "conventions-de-demonstration");
        creation.setDaemon(true);
        creation.start();
    }

    void createOnEmptyDatabase() {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY).count() > 0) {
            return;
        }
        LOG.info("Conventions de démonstration : création en arrière-plan (1/5, Nanterre)");
        start("92050");
        LOG.info("Conventions de démonstration : 2/5, Versailles");
        String versailles = complete(start("78646"), "78646", "Versailles");
        completeTask(versailles, Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true));

        LOG.info("Conventions de démonstration : 3/5, Cergy");
        String cergy = complete(start("95127"), "95127", "Cergy");
        completeTask(cergy, Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true));
        approveTask(cergy);
        approveTask(cergy);
        completeTask(cergy, SampleConventions.decision("rejeter",
                "L'école Victor Hugo a fusionné avec l'école Jules Ferry : mettez à jour l'annexe 1."));

        LOG.info("Conventions de démonstration : 4/5, Évry-Courcouronnes");
        String evry = complete(start("91228"), "91228", "Évry-Courcouronnes");
        completeTask(evry, Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true));
        for (int step = 0; step < 4; step++) {
            approveTask(evry);
        }
        Map<String, Object> signature = SampleConventions.decision("valider", null);
        signature.put(ConventionVariables.DATE_SIGNATURE, new Date(ClockUtil.getCurrentTime().getTime()));
        completeTask(evry, signature);
        completeTask(evry, Map.of(ConventionVariables.CONVENTION_SIGNEE_SCAN,
                Variables.fileValue("convention-signee.pdf").file(MinimalPdf.withText("Convention signee - Evry"))
                        .mimeType("application/pdf").create()));

        LOG.info("Conventions de démonstration : 5/5, Argenteuil");
        String argenteuil = complete(start("95018"), "95018", "Argenteuil");
        completeTask(argenteuil, Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true));
        LOG.info("Conventions de démonstration créées : Nanterre, Versailles, Cergy, Évry-Courcouronnes, Argenteuil");
    }

    private String start(String insee) {
        return runtimeService.startProcessInstanceByKey(ConventionProcess.KEY,
                Map.of(ConventionVariables.COMMUNE_INSEE, insee)).getProcessInstanceId();
    }

    private String complete(String conventionId, String insee, String commune) {
        completeTask(conventionId, SampleConventions.completion(insee, commune, 3));
        return conventionId;
    }

    /** Completes the open task of a convention, wherever it is (the convention or its circuit). */
    private void completeTask(String conventionId, Map<String, Object> variables) {
        taskService.complete(openTask(conventionId).getId(), variables);
    }

    /** Passes the open review step on, every point of its checklist ticked. */
    private void approveTask(String conventionId) {
        Task task = openTask(conventionId);
        Map<String, Object> variables = SampleConventions.decision("valider", null);
        ReviewChecklist.of(task.getTaskDefinitionKey()).forEach(item -> variables.put(item.key(), true));
        taskService.complete(task.getId(), variables);
    }

    private Task openTask(String conventionId) {
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(conventionId)
                .singleResult().getBusinessKey();
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }
}
