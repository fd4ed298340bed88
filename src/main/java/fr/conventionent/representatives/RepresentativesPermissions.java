package fr.conventionent.representatives;

import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;

/** A commune declares its own representatives; the DACES may do it for any commune. */
@Component
public class RepresentativesPermissions implements FeaturePermissions {

    @Override
    public void grant(Grants grants) {
        grants.startedByCommunes(RepresentativesProcess.KEY);
    }
}
