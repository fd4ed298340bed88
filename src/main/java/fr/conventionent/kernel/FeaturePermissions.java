package fr.conventionent.kernel;

import java.util.Collection;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What a feature lets the business groups do in the engine. Each feature declares it as a Spring bean; the identity
 * setup applies them all at every start (idempotently), so it names no feature and a new one needs no change there.
 */
public interface FeaturePermissions {

    void grant(Grants grants);

    /** The rights a feature may give, kept by the identity setup. */
    interface Grants {

        /** Every group a business user can belong to: communes, circonscriptions, départements, académie roles. */
        Collection<String> businessGroups();

        /** A procedure about a convention that every commune starts for itself, and the DACES for any commune. */
        void startedByCommunes(String processKey);

        void grant(String groupId, Resource resource, String resourceId, Permission... permissions);
    }
}
