package fr.conventionent.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionCirconscriptions;
import fr.conventionent.kernel.JsonVariables;
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

    /** The circonscriptions of a reported incident: its IENs are alerted, comment on it and see its deadlines. */
    public static List<String> of(VariableScope incident) {
        return of(incident.getVariable(IncidentProcess.CIRCONSCRIPTIONS),
                (String) incident.getVariable(IncidentProcess.CIRCONSCRIPTION));
    }

    /**
     * The same from the values of the variables {@code circonscriptions} and {@code circonscription}: an incident
     * reported before schools had their circonscription carries only the commune's.
     */
    public static List<String> of(Object circonscriptions, String communeCirconscription) {
        if (circonscriptions != null) {
            return JsonVariables.readList(circonscriptions, String.class);
        }
        return communeCirconscription == null ? List.of() : List.of(communeCirconscription);
    }

    public List<String> of(IncidentReport report) {
        return report.ecolesUai().isEmpty() ? conventions.ofCommune(report.commune())
                : schools.circonscriptionsOf(report.commune(), report.ecolesUai());
    }
}
