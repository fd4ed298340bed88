package fr.conventionent.identity.directory;

import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Opens a {@link DirectoryIdentityProvider} for each engine command that reads identities. */
public class DirectoryIdentityProviderFactory implements SessionFactory {

    private final StaffGroups staff;

    public DirectoryIdentityProviderFactory(StaffGroups staff) {
        this.staff = staff;
    }

    @Override
    public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
        return new DirectoryIdentityProvider(staff);
    }
}
