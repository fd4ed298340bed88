package fr.conventionent.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who belongs where, read without the current user's permissions. */
@Component
public class UserDirectory {

    private final IdentityService identityService;
    private final EngineAuthorization engineAuthorization;

    public UserDirectory(IdentityService identityService, EngineAuthorization engineAuthorization) {
        this.identityService = identityService;
        this.engineAuthorization = engineAuthorization;
    }

    public Set<String> emailsOfGroups(Collection<String> groupIds) {
        return engineAuthorization.withoutChecks(() -> {
            Set<String> emails = new LinkedHashSet<>();
            for (String groupId : groupIds) {
                for (User user : identityService.createUserQuery().memberOfGroup(groupId).list()) {
                    if (user.getEmail() != null && !user.getEmail().isBlank()) {
                        emails.add(user.getEmail());
                    }
                }
            }
            return emails;
        });
    }

    public String emailOf(String userId) {
        return engineAuthorization.withoutChecks(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            return user == null ? null : user.getEmail();
        });
    }

    /** "Prénom Nom" of a user, or null when the user is unknown or has no name. */
    public String fullNameOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        return engineAuthorization.withoutChecks(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return null;
            }
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).trim();
            return name.isEmpty() ? null : name;
        });
    }

    public boolean exists(String userId) {
        return engineAuthorization.withoutChecks(() ->
                identityService.createUserQuery().userId(userId).count() > 0);
    }

    public boolean isMember(String userId, String groupId) {
        return engineAuthorization.withoutChecks(() ->
                identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
    }

    /** The user behind the current engine command, if any (null for timers and jobs). */
    public String currentUserId() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public List<String> currentGroupIds() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds();
    }
}
