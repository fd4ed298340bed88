package fr.conventionent.identity.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.filter.OrFilter;

import fr.conventionent.identity.directory.GroupMapping.MemberSearch;

/** Which application groups a person of the directory is in, and who is in a group: the mapping applied live. */
public class StaffGroups {

    private final AcademieDirectory directory;
    private final GroupMapping mapping;

    public StaffGroups(AcademieDirectory directory, GroupMapping mapping) {
        this.directory = directory;
        this.mapping = mapping;
    }

    public AcademieDirectory directory() {
        return directory;
    }

    public Set<String> groupsOf(DirectoryEntry person) {
        Set<String> directoryGroups = mapping.readsDirectoryGroups() ? directory.groupsOf(person.dn()) : Set.of();
        return mapping.groupsOf(person, directoryGroups);
    }

    public Optional<DirectoryEntry> person(String login) {
        return directory.findByLogin(login);
    }

    /** The people the mapping puts in {@code group}, each checked against the whole mapping. */
    public List<DirectoryEntry> membersOf(String group) {
        Map<String, DirectoryEntry> members = new LinkedHashMap<>();
        for (MemberSearch search : mapping.searchesFor(group)) {
            for (DirectoryEntry candidate : candidates(search)) {
                if (!members.containsKey(candidate.login()) && groupsOf(candidate).contains(group)) {
                    members.put(candidate.login(), candidate);
                }
            }
        }
        return new ArrayList<>(members.values());
    }

    private List<DirectoryEntry> candidates(MemberSearch search) {
        if (search.directoryGroup() != null) {
            return directory.membersOf(search.directoryGroup()).stream()
                    .map(directory::findByDn).flatMap(Optional::stream).toList();
        }
        AndFilter filter = new AndFilter();
        search.equalities().forEach((attribute, accepted) -> {
            OrFilter any = new OrFilter();
            accepted.forEach(value -> any.or(new EqualsFilter(attribute, value)));
            filter.and(any);
        });
        return directory.search(directory.people(filter));
    }
}
