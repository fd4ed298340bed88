package fr.conventionent.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Gives a commune's group read access to one process instance (and so to its variables and
 * files): a commune sees its own conventions and nothing else.
 */
@Component
public class InstanceAccess {

    private final AuthorizationService authorizationService;
    private final EngineAuthorization engineAuthorization;

    public InstanceAccess(AuthorizationService authorizationService, EngineAuthorization engineAuthorization) {
        this.authorizationService = authorizationService;
        this.engineAuthorization = engineAuthorization;
    }

    public void grantRead(String groupId, String processInstanceId) {
        engineAuthorization.withoutChecks(() -> {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(Resources.PROCESS_INSTANCE);
            authorization.setResourceId(processInstanceId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
            return null;
        });
    }
}
