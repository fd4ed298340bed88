package fr.conventionent.config.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What an engine command does with variables, read from the command itself (the engine keeps it in protected
 * fields): the doors through which a REST or Tasklist request can write a convention's data.
 */
sealed interface EngineDoor {

    /** A task completed with variables (submit-form, complete, resolve). */
    record TaskForm(String taskId, VariableMap variables) implements EngineDoor {
    }

    /** A process started with variables (start form, start). */
    record StartForm(String processDefinitionId, String processDefinitionKey, VariableMap variables)
            implements EngineDoor {
    }

    /** A variable written or removed outside any form: the variable endpoints of tasks and executions. */
    record VariableWrite(boolean onTask, String entityId, boolean local, VariableMap written, Set<String> removed)
            implements EngineDoor {
    }

    /** Anything else that carries variables (messages, signals, modifications, starts at an activity, cases…). */
    record OtherWrite(Set<String> names, String what) implements EngineDoor {
    }

    static EngineDoor of(Object command) {
        if (command instanceof AbstractQuery<?, ?>) {
            return null;
        }
        if (command instanceof SubmitTaskFormCmd) {
            return new TaskForm(field(command, "taskId"), variables(field(command, "properties")));
        }
        if (command instanceof CompleteTaskCmd) {
            return new TaskForm(field(command, "taskId"), variables(field(command, "variables")));
        }
        if (command instanceof SubmitStartFormCmd) {
            return new StartForm(field(command, "processDefinitionId"), null, variables(field(command, "variables")));
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
            return new StartForm(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    variables(builder.getVariables()));
        }
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            return new OtherWrite(Set.of(), "un démarrage à une étape choisie");
        }
        if (command instanceof AbstractSetVariableCmd) {
            return new VariableWrite(isTask(command), field(command, "entityId"), field(command, "isLocal"),
                    variables(field(command, "variables")), Set.of());
        }
        if (command instanceof AbstractPatchVariablesCmd) {
            Collection<String> deletions = field(command, "deletions");
            return new VariableWrite(isTask(command), field(command, "entityId"), field(command, "isLocal"),
                    variables(field(command, "variables")), deletions == null ? Set.of() : Set.copyOf(deletions));
        }
        if (command instanceof AbstractRemoveVariableCmd) {
            Collection<String> names = field(command, "variableNames");
            return new VariableWrite(isTask(command), field(command, "entityId"), field(command, "isLocal"),
                    Variables.createVariables(), names == null ? Set.of() : Set.copyOf(names));
        }
        if (command instanceof CaseExecutionVariableCmd) {
            return new OtherWrite(Set.of("*"), "une modification de variables de dossier (CMMN)");
        }
        Set<String> carried = carriedVariables(command, 0);
        return carried.isEmpty() ? null : new OtherWrite(carried, "une commande du moteur");
    }

    private static boolean isTask(Object command) {
        return command.getClass().getSimpleName().contains("Task");
    }

    private static VariableMap variables(Object map) {
        if (map == null) {
            return Variables.createVariables();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) map;
        return Variables.fromMap(values);
    }

    /**
     * Names of the variables any other command would write: its maps of variables, and those of the builders it
     * holds (messages, signals, modifications), never the variables a message is matched on.
     */
    private static Set<String> carriedVariables(Object holder, int depth) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                String name = field.getName().toLowerCase();
                if (Modifier.isStatic(field.getModifiers()) || name.contains("correlation")) {
                    continue;
                }
                Object value = read(field, holder);
                if (value instanceof Map<?, ?> map && (name.contains("variable") || name.equals("properties"))) {
                    map.keySet().forEach(key -> names.add(String.valueOf(key)));
                } else if (depth < 2 && value != null && isEngineBuilder(value)) {
                    names.addAll(carriedVariables(value, depth + 1));
                } else if (depth < 2 && value instanceof List<?> list) {
                    list.stream().filter(item -> item != null && isEngineBuilder(item))
                            .forEach(item -> names.addAll(carriedVariables(item, depth + 1)));
                }
            }
        }
        return names;
    }

    private static boolean isEngineBuilder(Object value) {
        String name = value.getClass().getName();
        return value instanceof MessageCorrelationBuilderImpl || (name.startsWith("org.camunda.bpm.engine.impl.")
                && (name.endsWith("BuilderImpl") || name.endsWith("Cmd") || name.endsWith("Instruction")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                return (T) read(type.getDeclaredField(name), command);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new IllegalStateException("Champ " + name + " introuvable dans " + command.getClass().getName());
    }

    private static Object read(Field field, Object holder) {
        try {
            field.setAccessible(true);
            return field.get(holder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
