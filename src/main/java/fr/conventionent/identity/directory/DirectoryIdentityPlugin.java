package fr.conventionent.identity.directory;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Directory mode ({@code convention.annuaire.url} set): the engine reads users and memberships from the académie's
 * directory as well as from its local accounts. Only the read side is replaced; the engine keeps writing local
 * accounts, groups and authorizations to its database.
 */
@Component
@ConditionalOnExpression("!'${convention.annuaire.url:}'.isBlank()")
public class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

    private final StaffGroups staff;

    public DirectoryIdentityPlugin(DirectoryProperties properties) {
        GroupMapping mapping = GroupMapping.read(properties.correspondance());
        this.staff = new StaffGroups(new AcademieDirectory(properties, mapping.ldapAttributes()), mapping);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new DirectoryIdentityProviderFactory(staff));
        configuration.setCustomSessionFactories(factories);
    }
}
