package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;

import fr.conventionent.kernel.JsonVariables;

/** What the mails about an incident tell, read from its variables. */
public record IncidentFacts(String numero, String typeLabel, String communeNom, String communeInsee,
                            List<String> ecolesUai, Date detection, boolean donneesPersonnelles,
                            String description, String declarant, Date dateSignalement) {

    public static IncidentFacts of(VariableScope scope) {
        return new IncidentFacts((String) scope.getVariable(INCIDENT_NUMERO),
                IncidentLists.label(IncidentLists.TYPES, scope.getVariable(TYPE_INCIDENT)), (String) scope.getVariable(COMMUNE_LIBELLE),
                (String) scope.getVariable(COMMUNE_INSEE),
                JsonVariables.readList(scope.getVariable(ECOLES_UAI), String.class),
                (Date) scope.getVariable(DATE_DETECTION), Boolean.TRUE.equals(scope.getVariable(DONNEES_PERSONNELLES)),
                (String) scope.getVariable(DESCRIPTION), (String) scope.getVariable(DECLARANT),
                (Date) scope.getVariable(DATE_SIGNALEMENT));
    }

    /** Names of the evidence files (reading them loads their content: only the alert needs them). */
    public static List<String> evidenceFileNames(VariableScope scope) {
        List<String> names = new ArrayList<>();
        for (String name : PIECES_JOINTES) {
            if (scope.getVariableTyped(name) instanceof FileValue file) {
                names.add(file.getFilename());
            }
        }
        return names;
    }
}
