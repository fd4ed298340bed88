package fr.conventionent.denonciation;

import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FeaturePermissions;

/** Either party may denounce (article 11): the commune starts a dénonciation of its own convention, the DACES of any. */
@Component
public class DenonciationPermissions implements FeaturePermissions {

    @Override
    public void grant(Grants grants) {
        grants.startedByCommunes(DenonciationProcess.KEY);
    }
}
