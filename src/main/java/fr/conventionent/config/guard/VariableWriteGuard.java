package fr.conventionent.config.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * Business data changes only through a validated step. For every command a logged-in user sends to the engine
 * (REST API or Tasklist's API, which share the engine):
 * <ul>
 * <li>a task completion or a process start carries only the fields of the form that step shows, each of the type
 * the form declares, else it is refused (400) with the field named in French (an administrator may add other
 * variables, journaled);</li>
 * <li>the variable endpoints (task, execution, process instance, case; single, modify, delete) and every other
 * command carrying variables are refused (403) to anyone but an administrator;</li>
 * <li>an administrator's write keeps each variable's type and is journaled, before and after.</li>
 * </ul>
 * The application's own code (listeners, timers, nested calls) runs inside an engine command, or without a user,
 * and is not concerned: it validates what it writes.
 */
class VariableWriteGuard extends CommandInterceptor {

    private final Supplier<IdentityService> identityService;
    private final DeployedForms forms = new DeployedForms();
    private final AdminChangeJournal journal;

    VariableWriteGuard(Supplier<IdentityService> identityService, AdminChangeJournal journal) {
        this.identityService = identityService;
        this.journal = journal;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = Context.getCommandContext() == null
                ? identityService.get().getCurrentAuthentication() : null;
        if (user == null || user.getUserId() == null) {
            return next.execute(command);
        }
        EngineDoor door = EngineDoor.of(command);
        if (door == null) {
            return next.execute(command);
        }
        boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMIN);
        if (door instanceof EngineDoor.TaskForm form) {
            return next.execute(checked(command, context -> checkTaskForm(context, form, admin ? user : null)));
        }
        if (door instanceof EngineDoor.StartForm start) {
            return next.execute(checked(command, context -> checkStart(context, start, admin)));
        }
        if (!admin) {
            throw new VariableWriteRefusedException(door instanceof EngineDoor.VariableWrite write
                    ? refusal(names(write))
                    : ((EngineDoor.OtherWrite) door).what() + " ne peut pas modifier les données d'une convention :"
                    + " elles ne changent que par le formulaire d'une étape.");
        }
        return door instanceof EngineDoor.VariableWrite write
                ? next.execute(journaled(command, write, user.getUserId())) : next.execute(command);
    }

    /**
     * A task's submission: the form's fields only, each of its type. An administrator (non-null {@code admin}) may
     * add other variables, as in Cockpit; each is journaled like any of their changes.
     */
    private void checkTaskForm(CommandContext context, EngineDoor.TaskForm form, Authentication admin) {
        TaskEntity task = context.getTaskManager().findTaskById(form.taskId());
        if (task == null || form.variables().isEmpty()) {
            return; // the engine says the task does not exist; nothing to check without variables
        }
        FormFields fields = task.getProcessDefinitionId() == null ? FormFields.NONE
                : forms.ofTask(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        Predicate<String> unchanged =
                name -> EchoedValues.same(task.getVariableTyped(name, false), form.variables().getValueTyped(name));
        refuseIfAny(fields.problems(task.getName(), form.variables(), name -> admin != null || unchanged.test(name)));
        if (admin != null) {
            ExecutionEntity instance = task.getProcessInstance();
            for (String name : form.variables().keySet()) {
                if (!fields.fields().containsKey(name) && !unchanged.test(name)) {
                    String before = AdminWrites.describe(task.getVariableTyped(name, false));
                    journal.record(instance == null ? null : instance.getBusinessKey(),
                            instance == null ? task.getId() : instance.getId(), processName(instance), name,
                            before == null ? "ajoutee" : "modifiee", before,
                            AdminWrites.describe(form.variables().getValueTyped(name)), admin.getUserId());
                }
            }
        }
    }

    /** A start: the start form's fields only, each of its type; an administrator may start with other variables. */
    private void checkStart(CommandContext context, EngineDoor.StartForm start, boolean admin) {
        if (start.variables().isEmpty()) {
            return;
        }
        ProcessDefinitionEntity definition = start.processDefinitionId() != null
                ? context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(start.processDefinitionId())
                : context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestProcessDefinitionByKey(start.processDefinitionKey());
        String name = definition.getName() == null ? definition.getKey() : definition.getName();
        refuseIfAny(forms.ofStart(context, definition.getId()).problems("Démarrer : " + name, start.variables(),
                variable -> admin));
    }

    private static String processName(ExecutionEntity instance) {
        return instance == null || instance.getProcessDefinition() == null ? null
                : instance.getProcessDefinition().getName();
    }

    private static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
    }

    /** Journals an administrator's write: each variable's value before and after, in the same transaction. */
    private <T> Command<T> journaled(Command<T> command, EngineDoor.VariableWrite write, String userId) {
        return context -> {
            AbstractVariableScope scope = write.onTask() ? context.getTaskManager().findTaskById(write.entityId())
                    : context.getExecutionManager().findExecutionById(write.entityId());
            if (scope == null) {
                return command.execute(context); // the engine says what is missing
            }
            Set<String> names = names(write);
            Map<String, TypedValue> before = read(scope, names, write.local());
            refuseIfAny(AdminWrites.typeProblems(before, write.written()));
            T result = command.execute(context);
            Map<String, TypedValue> after = read(scope, names, write.local());
            ExecutionEntity instance = processInstance(scope);
            String processKey = processName(instance);
            for (String name : names) {
                String was = AdminWrites.describe(before.get(name));
                String is = AdminWrites.describe(after.get(name));
                if (!Objects.equals(was, is) || write.written().containsKey(name)) {
                    journal.record(instance == null ? null : instance.getBusinessKey(),
                            instance == null ? write.entityId() : instance.getId(), processKey, name,
                            was == null ? "ajoutee" : is == null ? "supprimee" : "modifiee", was, is, userId);
                }
            }
            return result;
        };
    }

    private static ExecutionEntity processInstance(AbstractVariableScope scope) {
        if (scope instanceof TaskEntity task) {
            return task.getProcessInstance();
        }
        return scope instanceof ExecutionEntity execution ? execution.getProcessInstance() : null;
    }

    private static Map<String, TypedValue> read(AbstractVariableScope scope, Set<String> names, boolean local) {
        Map<String, TypedValue> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, local ? scope.getVariableLocalTyped(name, false) : scope.getVariableTyped(name, false));
        }
        return values;
    }

    private static Set<String> names(EngineDoor.VariableWrite write) {
        Set<String> names = new LinkedHashSet<>(write.written().keySet());
        names.addAll(write.removed());
        return names;
    }

    private static String refusal(Set<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(name -> quoted.add("« " + name + " »"));
        return "les données d'une convention ne changent que par le formulaire d'une étape de son circuit, une fois"
                + " la saisie validée. Rien n'a été modifié (" + String.join(", ", quoted) + ").";
    }

    /** Runs {@code check} inside the command's context (same transaction), then the command itself. */
    private static <T> Command<T> checked(Command<T> command, Consumer<CommandContext> check) {
        return context -> {
            check.accept(context);
            return command.execute(context);
        };
    }
}
