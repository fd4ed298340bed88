package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;

import fr.conventionent.convention.JsonVariables;

/** What the mails about an incident tell, read from its variables. */
public record IncidentFacts(String numero, String typeLabel, String communeNom, String communeInsee,
                            List<String> ecolesUai, Date detection, boolean donneesPersonnelles,
                            String description, String declarant, Date dateSignalement, List<String> piecesJointes) {

    public static IncidentFacts of(VariableScope scope) {
        List<String> pieces = new ArrayList<>();
        for (String name : PIECES_JOINTES) {
            if (scope.getVariableTyped(name) instanceof FileValue file) {
                pieces.add(file.getFilename());
            }
        }
        return new IncidentFacts((String) scope.getVariable(INCIDENT_NUMERO),
                IncidentType.labelOf(scope.getVariable(TYPE_INCIDENT)), (String) scope.getVariable(COMMUNE_LIBELLE),
                (String) scope.getVariable(COMMUNE_INSEE),
                JsonVariables.readList(scope.getVariable(ECOLES_UAI), String.class),
                (Date) scope.getVariable(DATE_DETECTION), Boolean.TRUE.equals(scope.getVariable(DONNEES_PERSONNELLES)),
                (String) scope.getVariable(DESCRIPTION), (String) scope.getVariable(DECLARANT),
                (Date) scope.getVariable(DATE_SIGNALEMENT), List.copyOf(pieces));
    }
}
