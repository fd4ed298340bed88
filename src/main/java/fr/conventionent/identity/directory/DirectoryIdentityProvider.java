package fr.conventionent.identity.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.filter.Filter;
import org.springframework.ldap.filter.LikeFilter;
import org.springframework.ldap.filter.OrFilter;

/**
 * The engine's read side of identities in directory mode: local accounts (the database: {@code admin}, accounts
 * created in Admin) first, then the académie's directory, read live. Groups stay in the database; a directory
 * person's memberships come from the mapping file. Writes still go to the database (local accounts only): the
 * engine's writable provider stays its own; this class extends it only to keep its login throttling for local
 * accounts. One instance per engine command.
 */
public class DirectoryIdentityProvider extends DbIdentityServiceProvider {

    private final StaffGroups staff;
    /** Directory look-ups of this command, so that one login does not ask the directory twice. */
    private final Map<String, DirectoryEntry> people = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();

    public DirectoryIdentityProvider(StaffGroups staff) {
        this.staff = staff;
    }

    // users

    @Override
    public UserEntity findUserById(String userId) {
        if (isLocal(userId)) {
            return super.findUserById(userId);
        }
        DirectoryEntry person = person(userId);
        if (person == null || !mayRead(userId)) {
            return null;
        }
        return toUser(person);
    }

    @Override
    public UserQuery createUserQuery() {
        return new DirectoryUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public DirectoryUserQuery createUserQuery(CommandContext commandContext) {
        return new DirectoryUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Les requêtes SQL sur les utilisateurs ne sont pas possibles avec l'annuaire.");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || isLocal(userId)) {
            return super.checkPassword(userId, password); // local accounts: Camunda's throttling applies
        }
        DirectoryEntry person = person(userId);
        return person != null && staff.directory().authenticate(person, password);
    }

    /** Local accounts matching the query, then directory people, sorted and paged as asked. */
    List<User> findUsers(DirectoryUserQuery query, Page page) {
        Map<String, User> found = new LinkedHashMap<>();
        localUsers(query).forEach(user -> found.put(user.getId(), user));
        if (query.getTenantId() == null && query.getPotentialStarter() == null) {
            for (DirectoryEntry person : directoryPeople(query)) {
                if (!found.containsKey(person.login()) && !isLocal(person.login()) && matches(query, person)
                        && mayRead(person.login())) {
                    found.put(person.login(), toUser(person));
                }
            }
        }
        List<User> users = new ArrayList<>(found.values());
        users.sort(ordering(query));
        int first = page == null ? 0 : Math.max(0, page.getFirstResult());
        int max = page == null ? Integer.MAX_VALUE : page.getMaxResults();
        if (first >= users.size()) {
            return List.of();
        }
        return new ArrayList<>(users.subList(first, (int) Math.min(users.size(), (long) first + max)));
    }

    private List<User> localUsers(DirectoryUserQuery query) {
        DbUserQueryImpl local = new DbUserQueryImpl();
        if (query.getId() != null) local.userId(query.getId());
        if (query.getIds() != null) local.userIdIn(query.getIds());
        if (query.getFirstName() != null) local.userFirstName(query.getFirstName());
        if (query.getFirstNameLike() != null) local.userFirstNameLike(query.getFirstNameLike());
        if (query.getLastName() != null) local.userLastName(query.getLastName());
        if (query.getLastNameLike() != null) local.userLastNameLike(query.getLastNameLike());
        if (query.getEmail() != null) local.userEmail(query.getEmail());
        if (query.getEmailLike() != null) local.userEmailLike(query.getEmailLike());
        if (query.getGroupId() != null) local.memberOfGroup(query.getGroupId());
        if (query.getTenantId() != null) local.memberOfTenant(query.getTenantId());
        if (query.getPotentialStarter() != null) local.potentialStarter(query.getPotentialStarter());
        return super.findUserByQueryCriteria(local);
    }

    private List<DirectoryEntry> directoryPeople(DirectoryUserQuery query) {
        if (query.getGroupId() != null) {
            return staff.membersOf(query.getGroupId());
        }
        if (query.getId() != null) {
            DirectoryEntry person = person(query.getId());
            return person == null ? List.of() : List.of(person);
        }
        AndFilter criteria = new AndFilter();
        if (query.getIds() != null) {
            OrFilter any = new OrFilter();
            Arrays.stream(query.getIds()).forEach(id -> any.or(staff.directory().login(id)));
            criteria.and(any);
        }
        add(criteria, "givenName", query.getFirstName(), query.getFirstNameLike());
        add(criteria, "sn", query.getLastName(), query.getLastNameLike());
        add(criteria, "mail", query.getEmail(), query.getEmailLike());
        return staff.directory().search(staff.directory().people(criteria));
    }

    private static void add(AndFilter criteria, String attribute, String equals, String like) {
        if (equals != null) {
            criteria.and(new EqualsFilter(attribute, equals));
        }
        if (like != null) {
            criteria.and(new LikeFilter(attribute, like.replace('%', '*')));
        }
    }

    /** The directory's matching ignores case; the criteria are checked again here, as the database would. */
    private static boolean matches(DirectoryUserQuery query, DirectoryEntry person) {
        return (query.getId() == null || query.getId().equals(person.login()))
                && (query.getIds() == null || Arrays.asList(query.getIds()).contains(person.login()))
                && like(query.getFirstName(), query.getFirstNameLike(), person.firstName())
                && like(query.getLastName(), query.getLastNameLike(), person.lastName())
                && like(query.getEmail(), query.getEmailLike(), person.email());
    }

    private static boolean like(String equals, String like, String value) {
        if (equals != null && !equals.equalsIgnoreCase(value)) {
            return false;
        }
        if (like == null) {
            return true;
        }
        String regex = Arrays.stream(like.split("%", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return value != null && Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }

    private static Comparator<User> ordering(DirectoryUserQuery query) {
        Comparator<User> order = null;
        for (QueryOrderingProperty property : query.getOrderingProperties()) {
            Function<User, String> key = key(property);
            Comparator<User> next = Comparator.comparing(key, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
            if (property.getDirection() == Direction.DESCENDING) {
                next = next.reversed();
            }
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<User> byId = Comparator.comparing(User::getId);
        return order == null ? byId : order.thenComparing(byId);
    }

    private static Function<User, String> key(QueryOrderingProperty property) {
        String name = property.getQueryProperty().getName();
        if (name.equals(UserQueryProperty.FIRST_NAME.getName())) return User::getFirstName;
        if (name.equals(UserQueryProperty.LAST_NAME.getName())) return User::getLastName;
        if (name.equals(UserQueryProperty.EMAIL.getName())) return User::getEmail;
        return User::getId;
    }

    // groups

    @Override
    public GroupQuery createGroupQuery() {
        return new DirectoryGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new DirectoryGroupQuery();
    }

    @Override
    public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
        if (!isDirectoryMember(query)) {
            return super.findGroupByQueryCriteria(query);
        }
        DirectoryGroupQuery among = ((DirectoryGroupQuery) query).amongGroups(groupsOf(query.getUserId()));
        return among == null ? List.of() : super.findGroupByQueryCriteria(among);
    }

    @Override
    public long findGroupCountByQueryCriteria(DbGroupQueryImpl query) {
        if (!isDirectoryMember(query)) {
            return super.findGroupCountByQueryCriteria(query);
        }
        DirectoryGroupQuery among = ((DirectoryGroupQuery) query).amongGroups(groupsOf(query.getUserId()));
        return among == null ? 0 : super.findGroupCountByQueryCriteria(among);
    }

    private boolean isDirectoryMember(DbGroupQueryImpl query) {
        return query instanceof DirectoryGroupQuery && query.getUserId() != null && !isLocal(query.getUserId());
    }

    private Set<String> groupsOf(String userId) {
        DirectoryEntry person = person(userId);
        if (person == null) {
            return Set.of();
        }
        return groups.computeIfAbsent(userId, id -> staff.groupsOf(person));
    }

    // helpers

    /** A local account exists in the database under this id (no permission check: this only routes the call). */
    private boolean isLocal(String userId) {
        return userId != null && getDbEntityManager().selectById(UserEntity.class, userId) != null;
    }

    private DirectoryEntry person(String login) {
        if (login == null) {
            return null;
        }
        if (!people.containsKey(login)) {
            people.put(login, staff.person(login).orElse(null));
        }
        return people.get(login);
    }

    /** Engine permission to read that user, as for local accounts; everyone may read their own account. */
    private boolean mayRead(String userId) {
        CommandContext context = Context.getCommandContext();
        var authentication = context == null ? null : context.getAuthentication();
        if (authentication != null && userId.equals(authentication.getUserId())) {
            return true;
        }
        return getAuthorizationManager().isAuthorized(Permissions.READ, Resources.USER, userId);
    }

    private static UserEntity toUser(DirectoryEntry person) {
        UserEntity user = new UserEntity(person.login());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email() == null ? null : person.email().toLowerCase(Locale.ROOT));
        return user;
    }
}
