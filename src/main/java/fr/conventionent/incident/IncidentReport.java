package fr.conventionent.incident;

import java.util.Date;
import java.util.List;

import fr.conventionent.identity.Commune;

/** A checked, normalised incident report, as the start form's variables are stored; competence per article 6. */
public record IncidentReport(String type, Date detection, Commune commune, List<String> ecolesUai,
                             boolean donneesPersonnelles, String description, String competence) {
}
