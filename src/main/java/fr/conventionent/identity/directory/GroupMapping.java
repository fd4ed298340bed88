package fr.conventionent.identity.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The documented mapping file (README « Fichier de correspondance des groupes », example
 * {@code config/annuaire-groupes.yaml}): which directory data gives which group of the application. Read once at
 * start; a person's groups are worked out again from the directory at every login.
 */
public class GroupMapping {

    private final Map<String, String> attributes;
    private final List<MappingRule> rules;

    GroupMapping(Map<String, String> attributes, List<MappingRule> rules) {
        this.attributes = Map.copyOf(attributes);
        this.rules = List.copyOf(rules);
    }

    public static GroupMapping read(Resource file) {
        if (file == null || !file.exists()) {
            throw new IllegalStateException("Fichier de correspondance des groupes de l'annuaire introuvable : "
                    + (file == null ? "(ANNUAIRE_GROUPES_FICHIER non défini)" : file.getDescription()));
        }
        try (InputStream in = file.getInputStream()) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return parse(document, file.getDescription());
        } catch (IOException e) {
            throw new IllegalStateException("Fichier de correspondance des groupes illisible : " + file.getDescription(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("Fichier de correspondance des groupes mal formé (" + file.getDescription()
                    + ") : " + e.getMessage(), e);
        }
    }

    /** The LDAP attributes the rules read. */
    public Set<String> ldapAttributes() {
        return new LinkedHashSet<>(attributes.values());
    }

    public boolean readsDirectoryGroups() {
        return rules.stream().anyMatch(rule -> rule.directoryGroup() != null);
    }

    /** The application groups of a person, from its attributes and the directory groups it belongs to. */
    public Set<String> groupsOf(DirectoryEntry person, Set<String> directoryGroups) {
        Map<String, List<String>> valuesByAlias = new LinkedHashMap<>();
        attributes.forEach((alias, attribute) -> valuesByAlias.put(alias, person.values(attribute)));
        Set<String> groups = new LinkedHashSet<>();
        for (MappingRule rule : rules) {
            groups.addAll(rule.groupsOf(valuesByAlias, directoryGroups));
        }
        return groups;
    }

    /** How to find the people who may be in {@code group}: one search per rule that can give it. */
    public List<MemberSearch> searchesFor(String group) {
        List<MemberSearch> searches = new ArrayList<>();
        for (MappingRule rule : rules) {
            Optional<Map<String, String>> values = rule.valuesFor(group);
            if (values.isEmpty()) {
                continue;
            }
            Map<String, List<String>> equalities = new LinkedHashMap<>();
            rule.conditions().forEach((alias, accepted) -> equalities.put(attributes.get(alias), accepted));
            values.get().forEach((alias, value) -> equalities.put(attributes.get(alias), List.of(value)));
            searches.add(new MemberSearch(equalities, rule.directoryGroup()));
        }
        return searches;
    }

    /** People whose attributes hold one of the accepted values of each attribute, in a directory group if named. */
    public record MemberSearch(Map<String, List<String>> equalities, String directoryGroup) {
    }

    @SuppressWarnings("unchecked")
    private static GroupMapping parse(Object document, String source) {
        if (!(document instanceof Map<?, ?> root)) {
            throw invalid(source, "le fichier doit contenir les clés « attributs » et « regles »");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Object declared = root.get("attributs");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((alias, attribute) -> attributes.put(String.valueOf(alias), String.valueOf(attribute)));
        } else if (declared != null) {
            throw invalid(source, "« attributs » doit associer un nom à un attribut LDAP (par exemple fonction: title)");
        }
        if (!(root.get("regles") instanceof List<?> list) || list.isEmpty()) {
            throw invalid(source, "« regles » doit être une liste d'au moins une règle");
        }
        List<MappingRule> rules = new ArrayList<>();
        int number = 0;
        for (Object item : list) {
            number++;
            if (!(item instanceof Map<?, ?> rule) || !(rule.get("groupe") instanceof String template)
                    || template.isBlank()) {
                throw invalid(source, "la règle n° " + number + " n'a pas de « groupe »");
            }
            Map<String, List<String>> conditions = new LinkedHashMap<>();
            Object si = rule.get("si");
            if (si instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).forEach((alias, accepted) -> conditions.put(String.valueOf(alias),
                        accepted instanceof List<?> values ? values.stream().map(String::valueOf).toList()
                                : List.of(String.valueOf(accepted))));
            } else if (si != null) {
                throw invalid(source, "la règle n° " + number + " : « si » doit associer un nom d'attribut à sa valeur");
            }
            Object member = rule.get("membre-de");
            MappingRule parsed = new MappingRule(template.trim(), conditions, member == null ? null : String.valueOf(member));
            for (String alias : conditions.keySet()) {
                requireDeclared(source, number, attributes, alias);
            }
            for (String alias : parsed.placeholders()) {
                requireDeclared(source, number, attributes, alias);
            }
            if (conditions.isEmpty() && member == null && parsed.placeholders().isEmpty()) {
                throw invalid(source, "la règle n° " + number + " (" + template
                        + ") donnerait ce groupe à tout l'annuaire : ajoutez « si » ou « membre-de »");
            }
            rules.add(parsed);
        }
        return new GroupMapping(attributes, rules);
    }

    private static void requireDeclared(String source, int number, Map<String, String> attributes, String alias) {
        if (!attributes.containsKey(alias)) {
            throw invalid(source, "la règle n° " + number + " utilise « " + alias
                    + " », qui n'est pas déclaré sous « attributs »");
        }
    }

    private static IllegalStateException invalid(String source, String why) {
        return new IllegalStateException("Fichier de correspondance des groupes (" + source + ") : " + why + ".");
    }
}
