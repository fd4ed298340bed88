package fr.conventionent.identity;

import fr.conventionent.kernel.Groups;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.incident.IncidentProcess;
import fr.conventionent.support.EngineTest;

/** The groups, grants and shared filters made at every start: what a restart must keep, and restore if lost. */
class IdentitySetupTest extends EngineTest {

    private static final String VERSAILLES = Groups.commune("78646");

    @Autowired
    IdentitySetup setup;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void aRestartChangesNoAuthorization() {
        List<String> before = snapshot();

        setup.run(null);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCommuneWhoseGrantWasDeletedMayStartItsConventionAgainAfterARestart() {
        authorizationService.deleteAuthorization(grant(VERSAILLES, Resources.PROCESS_DEFINITION, "convention").getId());
        assertThat(authorizationService.isUserAuthorized("mairie.versailles", List.of(VERSAILLES),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "convention")).isFalse();

        setup.run(null);

        assertThat(authorizationService.isUserAuthorized("mairie.versailles", List.of(VERSAILLES),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "convention")).isTrue();
    }

    @Test
    void aPermissionRemovedFromAGrantIsAddedBackAndTheOthersKept() {
        Authorization incidents = grant(Groups.DACES, Resources.PROCESS_DEFINITION, IncidentProcess.KEY);
        incidents.removePermission(Permissions.READ_HISTORY);
        incidents.addPermission(Permissions.UPDATE_INSTANCE);
        authorizationService.saveAuthorization(incidents);

        setup.run(null);

        Authorization restored = grant(Groups.DACES, Resources.PROCESS_DEFINITION, IncidentProcess.KEY);
        assertThat(restored.isPermissionGranted(Permissions.READ_HISTORY)).isTrue();
        assertThat(restored.isPermissionGranted(Permissions.READ_INSTANCE)).isTrue();
        assertThat(restored.isPermissionGranted(Permissions.UPDATE_INSTANCE))
                .as("une permission donnée à la main reste").isTrue();
    }

    @Test
    void aDeletedGroupIsCreatedAgainWithItsName() {
        // Pontoise: no demo user belongs to it
        processEngine.getIdentityService().deleteGroup(Groups.commune("95500"));

        setup.run(null);

        assertThat(processEngine.getIdentityService().createGroupQuery().groupId(Groups.commune("95500"))
                .singleResult().getName()).isEqualTo("Mairie de Pontoise");
    }

    private Authorization grant(String group, Resources resource, String resourceId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).singleResult();
    }

    /** Every group authorization with its revision: a rewrite, even to the same permissions, shows. */
    private List<String> snapshot() {
        return authorizationService.createAuthorizationQuery().list().stream()
                .filter(authorization -> authorization.getGroupId() != null)
                .map(authorization -> authorization.getGroupId() + " " + authorization.getResourceType() + " "
                        + authorization.getResourceId() + " " + permissions(authorization) + " r"
                        + ((AuthorizationEntity) authorization)
                        .getRevision())
                .sorted().toList();
    }

    private static int permissions(Authorization authorization) {
        return ((AuthorizationEntity) authorization).getPermissions();
    }
}
