package fr.conventionent.convention;

import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;

/** A commune asks for its convention; the DACES may prepare one for any commune. */
@Component
public class ConventionPermissions implements FeaturePermissions {

    @Override
    public void grant(Grants grants) {
        grants.startedByCommunes(ConventionProcess.KEY);
    }
}
