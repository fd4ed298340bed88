package fr.conventionent.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;

/**
 * The table of task behaviour and the diagrams agree: a new process cannot forget its tasks' mails, due dates and
 * reminders, nor declare them a second time in its BPMN.
 */
class TaskBehavioursTest {

    private static final Pattern STEP = Pattern.compile("taskDeadlines\\.\\w+\\('([^']+)'\\)");

    /** Every user task of bpmn/, keyed like the table: process key / task id. */
    private static Map<String, UserTask> userTasks() throws Exception {
        Map<String, UserTask> tasks = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    tasks.put(processOf(task).getId() + "/" + task.getId(), task);
                }
            }
        }
        return tasks;
    }

    private static Process processOf(UserTask task) {
        ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static String key(TaskBehaviour behaviour) {
        return behaviour.processKey() + "/" + behaviour.taskId();
    }

    @Test
    void everyRowNamesAUserTaskOfADiagram() throws Exception {
        Map<String, UserTask> tasks = userTasks();
        assertThat(TaskBehaviours.ALL).allSatisfy(behaviour ->
                assertThat(tasks).as("tâche du tableau absente des diagrammes").containsKey(key(behaviour)));
    }

    @Test
    void everyUserTaskHasItsRowOrSaysItIsExempt() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String task : userTasks().keySet()) {
            String[] parts = task.split("/");
            if (TaskBehaviours.of(parts[0], parts[1]).isEmpty()) {
                missing.add(task);
            }
        }
        assertThat(missing).as("tâches sans ligne dans TaskBehaviours (ni exemptées)").isEmpty();
    }

    @Test
    void theDiagramsLeaveMailsDueDatesRemindersAndLinksToTheTable() throws Exception {
        List<String> declaredTwice = new ArrayList<>();
        userTasks().forEach((key, task) -> {
            if (task.getCamundaDueDate() != null) {
                declaredTwice.add(key + " : camunda:dueDate");
            }
            List<CamundaTaskListener> listeners = task.getExtensionElements() == null ? List.of()
                    : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
            for (CamundaTaskListener listener : listeners) {
                String delegate = listener.getCamundaDelegateExpression();
                if ("timeout".equals(listener.getCamundaEvent())
                        || TaskBehaviourParseListener.NOTIFICATION.equals(delegate)
                        || TaskBehaviourParseListener.DOCUMENT_LINKS.equals(delegate)) {
                    declaredTwice.add(key + " : " + listener.getCamundaEvent() + " " + delegate);
                }
            }
        });
        assertThat(declaredTwice).isEmpty();
    }

    @Test
    void everyStepHasItsTimeInTheConfiguration() throws Exception {
        PropertySource<?> application = new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yaml")).get(0);
        List<String> steps = new ArrayList<>();
        for (TaskBehaviour behaviour : TaskBehaviours.ALL) {
            for (String expression : new String[] {behaviour.dueDate(), behaviour.reminderCycle()}) {
                Matcher step = STEP.matcher(expression == null ? "" : expression);
                while (step.find()) {
                    steps.add(step.group(1));
                }
            }
        }
        assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat(
                application.getProperty("convention.delais.etapes." + step)).as(step).isNotNull());
    }
}
