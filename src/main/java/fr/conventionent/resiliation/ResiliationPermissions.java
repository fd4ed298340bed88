package fr.conventionent.resiliation;

import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;

/** A résiliation (article 12) is started by the commune for its convention, or by the DACES. */
@Component
public class ResiliationPermissions implements FeaturePermissions {

    @Override
    public void grant(Grants grants) {
        grants.startedByCommunes(ResiliationProcess.KEY);
    }
}
