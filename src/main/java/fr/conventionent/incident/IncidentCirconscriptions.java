package fr.conventionent.incident;

import java.util.List;

import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionCirconscriptions;
import fr.conventionent.identity.SchoolDirectory;

/**
 * Article 7: the IEN to alert is the one of each school the incident names; an incident about every school
 * ("toutes", or none named) concerns every circonscription of the commune's convention.
 */
@Component
public class IncidentCirconscriptions {

    private final SchoolDirectory schools;
    private final ConventionCirconscriptions conventions;

    public IncidentCirconscriptions(SchoolDirectory schools, ConventionCirconscriptions conventions) {
        this.schools = schools;
        this.conventions = conventions;
    }

    public List<String> of(IncidentReport report) {
        return report.ecolesUai().isEmpty() ? conventions.ofCommune(report.commune())
                : schools.circonscriptionsOf(report.commune(), report.ecolesUai());
    }
}
