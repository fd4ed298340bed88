package fr.conventionent.incident;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;
import fr.conventionent.kernel.Groups;

/**
 * {@code incident-securite} (articles 6 and 7): every party may report an incident; the académie's roles read every
 * incident and its history, a commune only its own (granted on each instance when it is reported).
 */
@Component
public class IncidentPermissions implements FeaturePermissions {

    @Override
    public void grant(Grants grants) {
        for (String groupId : grants.businessGroups()) {
            grants.grant(groupId, Resources.PROCESS_DEFINITION, IncidentProcess.KEY,
                    Permissions.READ, Permissions.CREATE_INSTANCE);
            grants.grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
            if (!groupId.startsWith(Groups.COMMUNE_PREFIX)) {
                grants.grant(groupId, Resources.PROCESS_DEFINITION, IncidentProcess.KEY,
                        Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            }
        }
    }
}
