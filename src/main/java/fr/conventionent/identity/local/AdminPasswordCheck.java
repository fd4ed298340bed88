package fr.conventionent.identity.local;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

import fr.conventionent.config.PasswordRules;

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
}
