package fr.conventionent.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;
import fr.conventionent.kernel.Groups;

/**
 * Creates, at every start and idempotently, the groups whose ids are a contract (one per commune,
 * circonscription and département of the reference data, plus the académie roles), the
 * authorizations each needs (Tasklist here, the rest declared by each feature as a {@link FeaturePermissions} bean)
 * and the shared Tasklist filters. Users are not created here:
 * demo users come from the demo profile, real ones from the académie's directory.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {

    public static final String TASKLIST = "tasklist";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final CommuneDirectory communes;
    private final SchoolDirectory schools;
    private final List<FeaturePermissions> features;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                         FilterService filterService, TaskService taskService, CommuneDirectory communes,
                         SchoolDirectory schools, List<FeaturePermissions> features) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.communes = communes;
        this.schools = schools;
        this.features = features;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> groups = businessGroups();
        ensureGroups(groups);
        GroupGrants grants = new GroupGrants();
        groups.keySet().forEach(group -> grants.add(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
        features.forEach(feature -> feature.grant(new FeatureGrants(groups.keySet(), grants)));
        grants.save(authorizationService);
        ensureFilters();
    }

    /** Every group a business user can belong to, with its French display name. */
    public Map<String, String> businessGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, String> departements = new TreeMap<>();
        for (Commune commune : communes.all()) {
            groups.put(Groups.commune(commune.insee()), "Mairie de " + commune.nom());
            departements.put(commune.departement(), commune.departement());
        }
        // the circonscriptions of the communes and of the schools of communes shared between several
        new TreeMap<>(schools.circonscriptions()).forEach((code, label) -> groups.put(Groups.ienCirco(code),
                "IEN – " + label));
        for (String departement : departements.keySet()) {
            groups.put(Groups.ienTice(departement), "IEN chargé de la mission TICE (" + departement + ")");
            groups.put(Groups.dasen(departement), "IA-DASEN (" + departement + ")");
        }
        groups.put(Groups.DACES, "DACES – Division des affaires contractuelles");
        groups.put(Groups.RECTEUR, "Cabinet du Recteur");
        groups.put(Groups.DSI, "Direction des systèmes d'information");
        groups.put(Groups.DPO, "Délégué à la protection des données");
        groups.put(Groups.RSSI, "Responsable de la sécurité des systèmes d'information");
        groups.put(Groups.DANE, "DANE – Délégation académique au numérique éducatif");
        return groups;
    }

    /** The rights the features ask for, given to the groups set up here (gathered, then saved together). */
    private final class FeatureGrants implements FeaturePermissions.Grants {

        private final Collection<String> businessGroups;
        private final GroupGrants grants;

        FeatureGrants(Collection<String> businessGroups, GroupGrants grants) {
            this.businessGroups = businessGroups;
            this.grants = grants;
        }

        @Override
        public Collection<String> businessGroups() {
            return businessGroups;
        }

        @Override
        public void startedByCommunes(String processKey) {
            communes.all().forEach(commune -> startable(Groups.commune(commune.insee()), processKey));
            startable(Groups.DACES, processKey);
        }

        private void startable(String groupId, String processKey) {
            grant(groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }

        @Override
        public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            grants.add(groupId, resource, resourceId, permissions);
        }
    }

    private void ensureGroups(Map<String, String> groups) {
        Set<String> existing = identityService.createGroupQuery().groupIdIn(groups.keySet().toArray(String[]::new))
                .list().stream().map(Group::getId).collect(Collectors.toSet());
        groups.forEach((id, name) -> {
            if (!existing.contains(id)) {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        });
    }

    private void ensureFilters() {
        ensureFilter("Mes tâches", "Les tâches qui vous sont assignées", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        // a candidate user is also a candidate through his groups: the delegates and substitutes to whom a task is
        // offered by name (signing for the Recteur, absences) find it here, besides their groups' tasks
        ensureFilter("Tâches de mon groupe", "Les tâches proposées à vos groupes ou à vous (délégation, suppléance),"
                + " à prendre en charge", 0, taskService.createTaskQuery()
                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
        ensureFilter("En retard", "Les tâches dont l'échéance est dépassée", 10,
                taskService.createTaskQuery().dueBeforeExpression("${now()}"));
    }

    private boolean sameQuery(Filter filter, TaskQuery query) {
        String wanted = ((FilterEntity) filterService.newTaskFilter().setQuery(query)).getQueryInternal();
        return wanted.equals(((FilterEntity) filter).getQueryInternal());
    }

    private void ensureFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        } else if (!sameQuery(filter, query)) {
            // a filter of an earlier version: its query and description follow the application's
            filter.setQuery(query);
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            properties.put("description", description);
            filterService.saveFilter(filter.setProperties(properties));
        }
        // every logged-in user may use the shared filters; what they list is still limited by task permissions
        Authorization read = authorizationService.createAuthorizationQuery()
                .resourceType(Resources.FILTER).resourceId(filter.getId()).userIdIn(Authorization.ANY).singleResult();
        if (read == null) {
            read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(read);
        }
    }
}
