package fr.conventionent.identity.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the mapping file: the group it gives (a template such as {@code dasen-{departement}}), the attribute
 * values it requires ({@code si}) and the directory group the person must belong to ({@code membre-de}).
 */
record MappingRule(String template, Map<String, List<String>> conditions, String directoryGroup) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_-]+)}");
    /** What a value put in a group id may hold (the engine's group id whitelist). */
    private static final Pattern GROUP_ID_PART = Pattern.compile("[a-z0-9._-]+");

    List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The groups this rule gives a person, given its attribute values (by alias) and its directory groups. */
    Set<String> groupsOf(Map<String, List<String>> valuesByAlias, Set<String> directoryGroups) {
        if (directoryGroup != null && directoryGroups.stream().noneMatch(directoryGroup::equalsIgnoreCase)) {
            return Set.of();
        }
        for (Map.Entry<String, List<String>> condition : conditions.entrySet()) {
            List<String> actual = valuesByAlias.getOrDefault(condition.getKey(), List.of());
            boolean met = actual.stream().anyMatch(value -> condition.getValue().stream()
                    .anyMatch(expected -> expected.trim().equalsIgnoreCase(value.trim())));
            if (!met) {
                return Set.of();
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        groups.add(template);
        for (String placeholder : placeholders()) {
            Set<String> expanded = new LinkedHashSet<>();
            for (String value : valuesByAlias.getOrDefault(placeholder, List.of())) {
                String part = normalize(value);
                if (GROUP_ID_PART.matcher(part).matches()) {
                    groups.forEach(group -> expanded.add(group.replace("{" + placeholder + "}", part)));
                }
            }
            groups = expanded;
        }
        return groups;
    }

    /** The placeholder values under which this rule would give {@code group}, if it can. */
    Optional<Map<String, String>> valuesFor(String group) {
        List<String> names = placeholders();
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([a-z0-9._-]+)");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher match = Pattern.compile(regex.toString()).matcher(group);
        if (!match.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String previous = values.putIfAbsent(names.get(i), match.group(i + 1));
            if (previous != null && !previous.equals(match.group(i + 1))) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
