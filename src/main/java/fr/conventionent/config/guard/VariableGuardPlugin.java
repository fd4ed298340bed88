package fr.conventionent.config.guard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Locks the engine's variable doors (README, « Sécurité ») in the engine itself, so that the REST API and the API
 * behind Tasklist obey the same rule: the {@link VariableWriteGuard} first in every command, and TASK_WORK as the
 * permission a task's assignee and candidates get (work on the task: claim and complete it, not edit it).
 */
@Component
public class VariableGuardPlugin extends AbstractProcessEnginePlugin {

    private final AdminChangeJournal journal;

    public VariableGuardPlugin(AdminChangeJournal journal) {
        this.journal = journal;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new VariableWriteGuard(configuration::getIdentityService, journal));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
