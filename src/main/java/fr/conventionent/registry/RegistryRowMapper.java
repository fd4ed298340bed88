package fr.conventionent.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.aaf.process.LivraisonAafProcess;
import fr.conventionent.convention.ConventionDates;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.JsonVariables;

import static fr.conventionent.convention.ConventionVariables.*;

/**
 * What the registry stores of a convention, read from its process variables: identity, routing, status and the
 * dates of its term (next anniversary and the last day to denounce before it, while it is in force).
 */
@Component
public class RegistryRowMapper {

    private final ConventionDates dates;

    public RegistryRowMapper(ConventionDates dates) {
        this.dates = dates;
    }

    Map<String, Object> conventionColumns(VariableScope convention) {
        Map<String, Object> columns = new LinkedHashMap<>();
        String nom = (String) convention.getVariable(COMMUNE_NOM);
        columns.put("numero", convention.getVariable(CONVENTION_NUMERO));
        columns.put("commune_insee", convention.getVariable(COMMUNE_INSEE));
        columns.put("commune_nom", nom != null && !nom.isBlank() ? nom : convention.getVariable(COMMUNE_LIBELLE));
        columns.put("departement", convention.getVariable(DEPARTEMENT));
        columns.put("circonscription", convention.getVariable(CIRCONSCRIPTION));
        String statut = (String) convention.getVariable(STATUT);
        columns.put("statut", statut);
        Date signature = (Date) convention.getVariable(DATE_SIGNATURE);
        columns.put("date_signature", sqlDate(signature == null ? null : ConventionDates.toLocalDate(signature)));
        columns.put("fin_terme_initial", sqlDate(signature == null ? null
                : dates.lastDayOfInitialTerm(ConventionDates.toLocalDate(signature))));
        LocalDate anniversary = null;
        LocalDate lastDayToDenounce = null;
        if (signature != null && ConventionProcess.STATUT_EN_VIGUEUR.equals(statut)) {
            Date periodStart = (Date) convention.getVariable(DATE_DEBUT_PERIODE);
            anniversary = dates.nextAnniversary(ConventionDates.toLocalDate(signature),
                    ConventionDates.toLocalDate(periodStart != null ? periodStart : signature));
            lastDayToDenounce = dates.lastDayToDenounceBefore(anniversary);
        }
        columns.put("prochain_anniversaire", sqlDate(anniversary));
        columns.put("limite_denonciation", sqlDate(lastDayToDenounce));
        Object end = convention.getVariable(DATE_FIN);
        columns.put("date_fin", end instanceof Date day ? sqlDate(ConventionDates.toLocalDate(day)) : null);
        Object version = convention.getVariable(VERSION);
        columns.put("version", version instanceof Number number ? number.intValue() : 1);
        return columns;
    }

    /** Last AAF delivery of a {@code livraison-aaf} instance: when, its result and its summary. */
    Optional<Map<String, Object>> aafColumns(VariableScope delivery) {
        Object report = delivery.getVariable(LivraisonAafProcess.DERNIERE_LIVRAISON);
        if (report == null) {
            return Optional.empty();
        }
        JsonNode json = JsonVariables.read(report);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("aaf_derniere", json.hasNonNull("executeeLe")
                ? Date.from(OffsetDateTime.parse(json.get("executeeLe").asText()).toInstant()) : null);
        columns.put("aaf_resultat", json.path("resultat").asText(null));
        String summary = json.path("resume").asText("");
        columns.put("aaf_resume", summary.length() > 1000 ? summary.substring(0, 997) + "…" : summary);
        return Optional.of(columns);
    }

    private static java.sql.Date sqlDate(LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }

    /** The day (in Paris) of an engine date, as the registry's DATE columns store it. */
    static java.sql.Date sqlDay(Date date) {
        return date == null ? null : sqlDate(ConventionDates.toLocalDate(date));
    }
}
