package fr.conventionent.identity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * The group authorizations {@link IdentitySetup} wants, gathered first and then compared with what the database
 * holds in a few queries (one per resource type): at a restart, where everything is already granted, nothing is
 * written, instead of one query and one update per authorization.
 */
final class GroupGrants {

    private final Map<Key, Set<Permission>> wanted = new LinkedHashMap<>();
    private final Map<Integer, Resource> resources = new LinkedHashMap<>();

    void add(String groupId, Resource resource, String resourceId, Permission... permissions) {
        wanted.computeIfAbsent(new Key(groupId, resource.resourceType(), resourceId), key -> new LinkedHashSet<>())
                .addAll(Arrays.asList(permissions));
        resources.putIfAbsent(resource.resourceType(), resource);
    }

    /** Creates the missing authorizations and adds the missing permissions to the existing ones. */
    void save(AuthorizationService authorizationService) {
        Map<Key, Authorization> existing = existing(authorizationService);
        wanted.forEach((key, permissions) -> {
            Authorization authorization = existing.get(key);
            if (authorization != null && permissions.stream().allMatch(authorization::isPermissionGranted)) {
                return;
            }
            if (authorization == null) {
                authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(key.groupId());
                authorization.setResource(resources.get(key.resourceType()));
                authorization.setResourceId(key.resourceId());
            }
            permissions.forEach(authorization::addPermission);
            authorizationService.saveAuthorization(authorization);
        });
    }

    /**
     * The grants these groups already hold on the resources asked for, one query per resource: the per-instance
     * grants (a commune reading its own incident), many on a large académie, are not read.
     */
    private Map<Key, Authorization> existing(AuthorizationService authorizationService) {
        String[] groupIds = wanted.keySet().stream().map(Key::groupId).distinct().toArray(String[]::new);
        Set<Key> targets = new LinkedHashSet<>();
        wanted.keySet().forEach(key -> targets.add(new Key(null, key.resourceType(), key.resourceId())));
        Map<Key, Authorization> existing = new LinkedHashMap<>();
        for (Key target : targets) {
            for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(groupIds)
                    .resourceType(target.resourceType()).resourceId(target.resourceId()).list()) {
                if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
                    existing.put(new Key(authorization.getGroupId(), authorization.getResourceType(),
                            authorization.getResourceId()), authorization);
                }
            }
        }
        return existing;
    }

    private record Key(String groupId, int resourceType, String resourceId) {
    }
}
