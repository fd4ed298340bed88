package fr.conventionent.aaf.process;

import fr.conventionent.kernel.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, idempotently: the DSI reads every {@code livraison-aaf} instance, its run reports and history
 * (REST API, or Cockpit where the DSI is given access to it). A commune reads only its own convention's deliveries
 * (granted on the instance when it starts); none of them holds the private key, which is never a variable.
 */
@Component
@Order(2)
public class AafDeliveryAccess implements ApplicationRunner {

    private final AuthorizationService authorizationService;

    public AafDeliveryAccess(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        grant(Groups.DSI, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    }

    private void grant(String groupId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(LivraisonAafProcess.KEY).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(Resources.PROCESS_DEFINITION);
        authorization.setResourceId(LivraisonAafProcess.KEY);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
