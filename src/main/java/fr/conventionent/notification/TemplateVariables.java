package fr.conventionent.notification;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a template reads from its caller: the first name of each {@code ${...}} expression, less the
 * names the template declares itself ({@code th:each}, {@code th:with}). Thymeleaf renders an unknown variable as
 * nothing; this lets a missing one fail instead of sending a mail with a hole in it.
 */
final class TemplateVariables {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ROOT = Pattern.compile("(?<![.\\w#'])([A-Za-z_]\\w*)(?!\\s*\\()");
    private static final Pattern STRING = Pattern.compile("'[^']*'");
    private static final Pattern EACH = Pattern.compile("th:each=\"\\s*(\\w+)(?:\\s*,\\s*(\\w+))?\\s*:");
    private static final Pattern WITH = Pattern.compile("th:with=\"\\s*(\\w+)\\s*=");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "gt", "lt", "ge", "le",
            "true", "false", "null");

    private TemplateVariables() {
    }

    static Set<String> named(String source) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(source);
        while (expression.find()) {
            Matcher root = ROOT.matcher(STRING.matcher(expression.group(1)).replaceAll("''"));
            while (root.find()) {
                names.add(root.group(1));
            }
        }
        names.removeAll(KEYWORDS);
        for (Pattern local : new Pattern[] {EACH, WITH}) {
            Matcher declared = local.matcher(source);
            while (declared.find()) {
                for (int group = 1; group <= declared.groupCount(); group++) {
                    if (declared.group(group) != null) {
                        names.remove(declared.group(group));
                    }
                }
            }
        }
        return names;
    }
}
