package fr.conventionent.identity.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.filter.Filter;
import org.springframework.ldap.filter.HardcodedFilter;
import org.springframework.ldap.support.LdapUtils;

/**
 * Read-only access to the académie's directory (Spring LDAP): people under the users' base, their
 * {@code groupOfNames} under the groups' base, and the password check by a bind as the person. Nothing is cached:
 * every call asks the directory, so a change there counts from the next login.
 */
public class AcademieDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AcademieDirectory.class);

    private final DirectoryProperties properties;
    private final LdapContextSource contextSource;
    private final LdapTemplate ldap;
    private final String[] personAttributes;

    public AcademieDirectory(DirectoryProperties properties, Set<String> mappedAttributes) {
        this.properties = properties;
        this.contextSource = new LdapContextSource();
        contextSource.setUrl(properties.url());
        // a directory that does not answer refuses the login after a few seconds instead of holding it
        contextSource.setBaseEnvironmentProperties(Map.of("com.sun.jndi.ldap.connect.timeout", "5000",
                "com.sun.jndi.ldap.read.timeout", "10000"));
        if (properties.compte() != null && !properties.compte().isBlank()) {
            contextSource.setUserDn(properties.compte());
            contextSource.setPassword(properties.motDePasse() == null ? "" : properties.motDePasse());
        } else {
            contextSource.setAnonymousReadOnly(true);
        }
        contextSource.afterPropertiesSet();
        this.ldap = new LdapTemplate(contextSource);
        Set<String> attributes = new LinkedHashSet<>(List.of(properties.attributIdentifiant(), "givenName", "sn",
                "mail"));
        attributes.addAll(mappedAttributes);
        this.personAttributes = attributes.toArray(String[]::new);
    }

    /** The configured filter for people, AND the given criteria. */
    public Filter people(Filter criteria) {
        AndFilter filter = new AndFilter().and(new HardcodedFilter(properties.filtreUtilisateurs()));
        return criteria == null ? filter : filter.and(criteria);
    }

    public Filter login(String login) {
        return new EqualsFilter(properties.attributIdentifiant(), login);
    }

    public String loginAttribute() {
        return properties.attributIdentifiant();
    }

    public Optional<DirectoryEntry> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return search(people(login(login))).stream().findFirst();
    }

    public List<DirectoryEntry> search(Filter filter) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setCountLimit(properties.maxUtilisateurs());
        controls.setReturningAttributes(personAttributes);
        return ldap.search(properties.baseUtilisateurs(), filter.encode(), controls, personMapper()).stream()
                .filter(entry -> entry.login() != null).toList();
    }

    public Optional<DirectoryEntry> findByDn(String dn) {
        try {
            List<DirectoryEntry> found = ldap.search(dn, properties.filtreUtilisateurs(), scope(SearchControls.OBJECT_SCOPE),
                    personMapper());
            return found.stream().filter(entry -> entry.login() != null).findFirst();
        } catch (org.springframework.ldap.NameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Names (cn) of the directory groups that list this person as a member. */
    public Set<String> groupsOf(String dn) {
        if (properties.baseGroupes() == null || properties.baseGroupes().isBlank()) {
            return Set.of();
        }
        Filter filter = new AndFilter().and(new EqualsFilter("objectClass", "groupOfNames"))
                .and(new EqualsFilter("member", dn));
        SearchControls controls = scope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {"cn"});
        return new LinkedHashSet<>(ldap.search(properties.baseGroupes(), filter.encode(), controls,
                (org.springframework.ldap.core.AttributesMapper<String>) attributes -> first(attributes, "cn")));
    }

    /** Distinguished names of the members of a directory group (cn). */
    public List<String> membersOf(String groupName) {
        if (properties.baseGroupes() == null || properties.baseGroupes().isBlank()) {
            return List.of();
        }
        Filter filter = new AndFilter().and(new EqualsFilter("objectClass", "groupOfNames"))
                .and(new EqualsFilter("cn", groupName));
        SearchControls controls = scope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {"member"});
        List<String> members = new ArrayList<>();
        ldap.search(properties.baseGroupes(), filter.encode(), controls,
                (org.springframework.ldap.core.AttributesMapper<Void>) attributes -> {
                    members.addAll(all(attributes, "member"));
                    return null;
                });
        return members;
    }

    /** The person's password, checked by a bind as that person: the directory applies its own policy. */
    public boolean authenticate(DirectoryEntry person, String password) {
        if (password == null || password.isEmpty()) {
            return false; // an empty password would be an anonymous bind, which succeeds
        }
        DirContext context = null;
        try {
            context = contextSource.getContext(person.dn(), password);
            return true;
        } catch (org.springframework.ldap.AuthenticationException e) {
            return false;
        } catch (org.springframework.ldap.NamingException e) {
            LOG.warn("Annuaire : la vérification du mot de passe de {} a échoué ({})", person.login(), e.getMessage());
            return false;
        } finally {
            LdapUtils.closeContext(context);
        }
    }

    private static SearchControls scope(int scope) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(scope);
        return controls;
    }

    private ContextMapper<DirectoryEntry> personMapper() {
        return context -> {
            DirContextAdapter adapter = (DirContextAdapter) context;
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            for (String name : personAttributes) {
                String[] values = adapter.getStringAttributes(name);
                attributes.put(name, values == null ? List.of() : List.of(values));
            }
            return new DirectoryEntry(adapter.getNameInNamespace(), adapter.getStringAttribute(properties.attributIdentifiant()),
                    adapter.getStringAttribute("givenName"), adapter.getStringAttribute("sn"),
                    adapter.getStringAttribute("mail"), attributes);
        };
    }

    private static String first(Attributes attributes, String name) throws NamingException {
        Attribute attribute = attributes.get(name);
        return attribute == null ? null : String.valueOf(attribute.get());
    }

    private static List<String> all(Attributes attributes, String name) throws NamingException {
        Attribute attribute = attributes.get(name);
        List<String> values = new ArrayList<>();
        if (attribute != null) {
            for (int i = 0; i < attribute.size(); i++) {
                values.add(String.valueOf(attribute.get(i)));
            }
        }
        return values;
    }
}
