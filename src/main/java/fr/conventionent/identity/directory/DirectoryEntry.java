package fr.conventionent.identity.directory;

import java.util.List;
import java.util.Map;

/** A person of the directory: its distinguished name, login, names, mail and the attributes the mapping reads. */
public record DirectoryEntry(String dn, String login, String firstName, String lastName, String email,
                             Map<String, List<String>> attributes) {

    public DirectoryEntry {
        attributes = Map.copyOf(attributes);
    }

    /** Values of an attribute (names compared without case, as LDAP does). */
    public List<String> values(String attribute) {
        for (Map.Entry<String, List<String>> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(attribute)) {
                return entry.getValue();
            }
        }
        return List.of();
    }
}
