package fr.conventionent.identity.local;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * With the password policy on (postgres profile), a weak {@code CONVENTION_ADMIN_PASSWORD} stops the start with
 * the rules it breaks, in French, before the engine would refuse to create {@code admin} with its own message.
 */
@Component
public class AdminPasswordCheck extends AbstractProcessEnginePlugin {

    private final CamundaBpmProperties camunda;

    public AdminPasswordCheck(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        AdminUserProperty admin = camunda.getAdminUser();
        PasswordPolicy policy = configuration.getPasswordPolicy();
        if (!configuration.isEnablePasswordPolicy() || policy == null || admin == null || admin.getId() == null) {
            return;
        }
        UserEntity user = new UserEntity(admin.getId());
        user.setFirstName(admin.getFirstName());
        user.setLastName(admin.getLastName());
        user.setEmail(admin.getEmail());
        String password = admin.getPassword() == null ? "" : admin.getPassword();
        List<String> broken = policy.getRules().stream().filter(rule -> !rule.execute(password, user))
                .map(PasswordRules::describe).toList();
        if (!broken.isEmpty()) {
            throw new IllegalStateException("Mot de passe de l'administrateur « " + admin.getId()
                    + " » (CONVENTION_ADMIN_PASSWORD) trop faible : il doit " + String.join(", ", broken)
                    + ". Choisissez-en un autre et redémarrez.");
        }
    }

    /** What each rule of Camunda's default policy asks, in French. */
    public static final class PasswordRules {

        private PasswordRules() {
        }

        /** The refusal a client reads when the engine turns a password down (REST API, Admin). */
        public static String refusal(PasswordPolicy policy) {
            List<String> rules = policy == null ? List.of()
                    : policy.getRules().stream().map(PasswordRules::describe).toList();
            return "Mot de passe refusé : il doit " + String.join(", ", rules) + ".";
        }

        static String describe(PasswordPolicyRule rule) {
            var parameters = rule.getParameters() == null ? java.util.Map.<String, String>of() : rule.getParameters();
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
}
