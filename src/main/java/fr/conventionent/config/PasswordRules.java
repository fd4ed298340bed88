package fr.conventionent.config;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** What each rule of Camunda's default policy asks, in French. */
public final class PasswordRules {

    private PasswordRules() {
    }

    /** The refusal a client reads when the engine turns a password down (REST API, Admin). */
    public static String refusal(PasswordPolicy policy) {
        List<String> rules = policy == null ? List.of()
                : policy.getRules().stream().map(PasswordRules::describe).toList();
        return "Mot de passe refusé : il doit " + String.join(", ", rules) + ".";
    }

    /** One rule of the policy, as the user reads it. */
    public static String describe(PasswordPolicyRule rule) {
        var parameters = rule.getParameters() == null ? Map.<String, String>of() : rule.getParameters();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "compter au moins " + parameters.get("minLength") + " caractères";
            case "PASSWORD_POLICY_LOWERCASE" -> "contenir au moins " + parameters.get("minLowerCase") + " minuscule(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "contenir au moins " + parameters.get("minUpperCase") + " majuscule(s)";
            case "PASSWORD_POLICY_DIGIT" -> "contenir au moins " + parameters.get("minDigit") + " chiffre(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "contenir au moins " + parameters.get("minSpecial")
                    + " caractère(s) spécial(aux)";
            case "PASSWORD_POLICY_USER_DATA" -> "ne contenir ni l'identifiant, ni le nom, ni le prénom, ni l'adresse"
                    + " électronique du compte";
            default -> "respecter la règle " + rule.getPlaceholder();
        };
    }
}
