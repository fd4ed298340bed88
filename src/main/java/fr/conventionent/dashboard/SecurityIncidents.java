package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.DashboardTable.column;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.incident.IncidentLists;
import fr.conventionent.incident.IncidentProcess;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.FrenchFormats;

/**
 * The security incidents reported in the period ({@code incident-securite}), from the engine's history of their
 * variables: counted by qualification (gravity), nature (the type given by the reporter), field of competence
 * (article 6; académie for incidents reported before the field existed) and whether personal data was breached, with the share of CNIL notifications made within 72 hours
 * of detection (RGPD article 33). One row per incident is pivoted from {@code ACT_HI_VARINST} by the database; an
 * IEN's incidents are those naming a school of their circonscription ({@code circonscription_incident}).
 */
@Repository
public class SecurityIncidents {

    private static final long HOURS_72_MS = 72L * 3_600_000L;

    private final NamedParameterJdbcTemplate jdbc;

    public SecurityIncidents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DashboardTable perQualification(DashboardScope scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        parameters.addValue("du", Timestamp.from(scope.filter().du().atStartOfDay(ConventionDates.ZONE).toInstant()));
        parameters.addValue("au", Timestamp.from(scope.filter().au().plusDays(1).atStartOfDay(ConventionDates.ZONE)
                .toInstant()));
        parameters.addValue("cle", IncidentProcess.KEY);
        parameters.addValue("delai", HOURS_72_MS);
        parameters.addValue("noms", List.of(IncidentProcess.GRAVITE, IncidentProcess.TYPE_INCIDENT,
                IncidentProcess.VIOLATION_DONNEES, IncidentProcess.DATE_DETECTION,
                IncidentProcess.DATE_NOTIFICATION_CNIL, IncidentProcess.COMMUNE_INSEE, IncidentProcess.DEPARTEMENT,
                IncidentProcess.CIRCONSCRIPTION, IncidentProcess.COMPETENCE));
        String incidents = "SELECT v.PROC_INST_ID_,"
                + text(IncidentProcess.GRAVITE, "gravite") + "," + text(IncidentProcess.TYPE_INCIDENT, "nature") + ","
                + text(IncidentProcess.COMPETENCE, "competence") + ","
                + text(IncidentProcess.VIOLATION_DONNEES, "violation") + ","
                + number(IncidentProcess.DATE_DETECTION, "detection") + ","
                + number(IncidentProcess.DATE_NOTIFICATION_CNIL, "notification") + ","
                + text(IncidentProcess.COMMUNE_INSEE, "commune_insee") + ","
                + text(IncidentProcess.DEPARTEMENT, "departement") + ","
                + text(IncidentProcess.CIRCONSCRIPTION, "circonscription")
                + " FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_"
                + " WHERE p.PROC_DEF_KEY_ = :cle AND p.START_TIME_ >= :du AND p.START_TIME_ < :au"
                + " AND v.NAME_ IN (:noms) GROUP BY v.PROC_INST_ID_";
        List<Map<String, Object>> lines = new ArrayList<>();
        jdbc.query("SELECT gravite, nature, COALESCE(competence, '" + IncidentProcess.ACADEMIE + "') AS domaine,"
                + " violation, COUNT(*) AS nombre,"
                + " SUM(CASE WHEN notification IS NOT NULL THEN 1 ELSE 0 END) AS notifiees,"
                + " SUM(CASE WHEN notification - detection <= :delai THEN 1 ELSE 0 END) AS dans72h"
                + " FROM (" + incidents + ") i WHERE " + scope.incidents(parameters, "PROC_INST_ID_")
                + " GROUP BY gravite, nature, COALESCE(competence, '" + IncidentProcess.ACADEMIE + "'), violation"
                + " ORDER BY gravite, nature, domaine, violation", parameters, rs -> {
                    long notified = rs.getLong("notifiees");
                    long inTime = rs.getLong("dans72h");
                    String violation = rs.getString("violation");
                    lines.add(CircuitStatistics.line(
                            "qualification", rs.getString("gravite") == null ? "non qualifié"
                                    : IncidentLists.label(IncidentLists.GRAVITES, rs.getString("gravite")),
                            "nature", IncidentLists.label(IncidentLists.TYPES, rs.getString("nature")),
                            "competence", IncidentLists.label(IncidentLists.COMPETENCES, rs.getString("domaine")),
                            "violationDonnees", violation == null ? "non qualifié"
                                    : IncidentProcess.OUI.equals(violation) ? "oui" : "non",
                            "nombre", rs.getLong("nombre"), "notifieesCnil", notified, "dans72h", inTime,
                            "partDans72h", notified == 0 ? null : Coverage.percent(inTime, notified)));
                });
        return new DashboardTable("Incidents de sécurité", "Incidents signalés entre le "
                + FrenchFormats.longDate(scope.filter().du()) + " et le " + FrenchFormats.longDate(scope.filter().au())
                + ", par qualification (gravité), nature, domaine de compétence (article 6) et violation de données"
                + " personnelles, et part des notifications à la CNIL faites dans les 72 heures suivant la détection.",
                List.of(column("qualification", "Qualification"), column("nature", "Nature"),
                        column("competence", "Domaine de compétence"),
                        column("violationDonnees", "Violation de données personnelles"),
                        column("nombre", "Incidents"), column("notifieesCnil", "Notifiées à la CNIL"),
                        column("dans72h", "Notifiées dans les 72 h"),
                        column("partDans72h", "Part dans les 72 h (%)")), lines);
    }

    private static String text(String variable, String alias) {
        return " MAX(CASE WHEN v.NAME_ = '" + variable + "' THEN v.TEXT_ END) AS " + alias;
    }

    private static String number(String variable, String alias) {
        return " MAX(CASE WHEN v.NAME_ = '" + variable + "' THEN v.LONG_ END) AS " + alias;
    }
}
