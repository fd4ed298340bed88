package fr.conventionent.avenant;

import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;

/** An avenant (article 10) is proposed by the commune for its convention, or by the DACES. */
@Component
public class AvenantPermissions implements FeaturePermissions {

    @Override
    public void grant(Grants grants) {
        grants.startedByCommunes(AvenantProcess.KEY);
    }
}
