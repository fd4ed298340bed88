package fr.conventionent.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import fr.conventionent.notification.TaskBehaviour;
import fr.conventionent.notification.TaskBehaviours;

/** House rules of every diagram: readable ids, a layout for every element, a history time to live, French tasks with forms. */
class BpmnModelsTest {

    /** Camunda Modeler's generated ids: Activity_0x1y2z3, Flow_1abc234, Gateway_0k9j8h7… */
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile("[A-Za-z]+_[0-9][0-9a-z]{6}");

    static Stream<Path> diagrams() throws Exception {
        return Files.list(Path.of("bpmn")).filter(f -> f.toString().endsWith(".bpmn")).sorted();
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void fileNameIsTheProcessKeyAndHistoryIsKept(Path file) {
        Process process = read(file).getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.isExecutable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noIdIsLeftAsAModelerDefault(Path file) {
        List<String> defaults = new ArrayList<>();
        for (BaseElement element : read(file).getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null && MODELER_DEFAULT_ID.matcher(element.getId()).matches()) {
                defaults.add(element.getId());
            }
        }
        assertThat(defaults).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyElementIsDrawn(Path file) {
        BpmnModelInstance model = read(file);
        List<String> drawn = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
        List<String> elements = new ArrayList<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> elements.add(n.getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> elements.add(f.getId()));
        assertThat(drawn).containsAll(elements);
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyUserTaskHasAFormADueDateAndSomeoneToDoIt(Path file) {
        BpmnModelInstance model = read(file);
        String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getName()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRef() != null || task.getCamundaFormKey() != null).as(task.getId() + " : formulaire").isTrue();
            // due dates are declared in TaskBehaviours, not in the diagram
            assertThat(TaskBehaviours.of(processKey, task.getId()).map(TaskBehaviour::dueDate))
                    .as(task.getId() + " : échéance").isPresent();
            assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                    .as(task.getId() + " : groupe").isTrue();
        }
    }
}
