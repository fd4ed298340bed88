package fr.conventionent.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionLife;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.Groups;

/**
 * Reads the registry, a query over the {@code convention} table (what {@link ConventionLife} and
 * {@link fr.conventionent.convention.ConventionRecords} keep there): what a viewer may see, filtered, sorted and paged by the database (so it stays fast with
 * tens of thousands of conventions).
 */
@Repository
public class RegistryRepository {

    /** Rows of an export whose circonscriptions are read together. */
    private static final int BATCH = 500;

    private final NamedParameterJdbcTemplate jdbc;

    public RegistryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(long total, List<RegistryEntry> entries) {
    }

    public Page find(Viewer viewer, RegistryFilter filter, LocalDate today) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(viewer, filter, today, parameters);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM convention WHERE " + where, parameters,
                Long.class);
        parameters.addValue("limite", filter.taille());
        parameters.addValue("decalage", (long) filter.page() * filter.taille());
        List<RegistryEntry> entries = jdbc.query("SELECT * FROM convention WHERE " + where + " ORDER BY "
                + filter.orderBy() + " LIMIT :limite OFFSET :decalage", parameters, RegistryRepository::entry);
        return new Page(total == null ? 0 : total, withCirconscriptions(entries));
    }

    /** Every matching row, streamed in order (exports never hold the whole list in memory). */
    public void forEach(Viewer viewer, RegistryFilter filter, LocalDate today, Consumer<RegistryEntry> consumer) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(viewer, filter, today, parameters);
        List<RegistryEntry> batch = new ArrayList<>();
        jdbc.query("SELECT * FROM convention WHERE " + where + " ORDER BY " + filter.orderBy(), parameters,
                (ResultSet rs) -> {
                    batch.add(entry(rs, 0));
                    if (batch.size() == BATCH) {
                        withCirconscriptions(batch).forEach(consumer);
                        batch.clear();
                    }
                });
        withCirconscriptions(batch).forEach(consumer);
    }

    /** The circonscriptions of the schools of each convention, read for a page or a batch of rows at once. */
    private List<RegistryEntry> withCirconscriptions(List<RegistryEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<String, List<String>> perConvention = new HashMap<>();
        jdbc.query("SELECT numero, circonscription FROM circonscription_convention WHERE numero IN (:numeros)"
                + " ORDER BY numero, circonscription", new MapSqlParameterSource("numeros",
                entries.stream().map(RegistryEntry::numero).toList()), (ResultSet rs) -> {
                    perConvention.computeIfAbsent(rs.getString("numero"), n -> new ArrayList<>())
                            .add(rs.getString("circonscription"));
                });
        return entries.stream().map(entry -> entry.withCirconscriptions(perConvention.get(entry.numero()))).toList();
    }

    /** The convention numbered {@code numero}, if the viewer may see it. */
    public Optional<RegistryEntry> find(Viewer viewer, String numero) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("numero", numero);
        String where = "numero = :numero AND " + listed(parameters) + " AND " + conventionVisibility(viewer, parameters);
        return withCirconscriptions(jdbc.query("SELECT * FROM convention WHERE " + where, parameters,
                RegistryRepository::entry)).stream().findFirst();
    }

    private static String where(Viewer viewer, RegistryFilter filter, LocalDate today, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(listed(parameters));
        conditions.add(conventionVisibility(viewer, parameters));
        if (filter.statut() != null) {
            conditions.add("statut = :statut");
            parameters.addValue("statut", filter.statut());
        }
        if (filter.departement() != null) {
            conditions.add("departement = :departement");
            parameters.addValue("departement", filter.departement());
        }
        if (filter.circonscription() != null) {
            conditions.add("numero IN (SELECT cc.numero FROM circonscription_convention cc"
                    + " WHERE cc.circonscription = :circonscription)");
            parameters.addValue("circonscription", filter.circonscription());
        }
        if (filter.renouveleeSousJours() != null) {
            conditions.add("statut = :enVigueur AND prochain_anniversaire BETWEEN :aujourdhui AND :horizon");
            parameters.addValue("enVigueur", ConventionProcess.STATUT_EN_VIGUEUR);
            parameters.addValue("aujourdhui", java.sql.Date.valueOf(today));
            parameters.addValue("horizon", java.sql.Date.valueOf(today.plusDays(filter.renouveleeSousJours())));
        }
        if (filter.bloqueeDepuisJours() != null) {
            conditions.add("statut IN (:enCours) AND etape_depuis < :bloqueeAvant");
            parameters.addValue("enCours", List.of(ConventionProcess.STATUT_EN_PREPARATION,
                    ConventionProcess.STATUT_DANS_LE_CIRCUIT));
            parameters.addValue("bloqueeAvant", Timestamp.from(today.atStartOfDay(ConventionDates.ZONE)
                    .minusDays(filter.bloqueeDepuisJours() - 1L).toInstant()));
        }
        if (filter.recherche() != null) {
            conditions.add("(LOWER(numero) LIKE :recherche OR LOWER(commune_nom) LIKE :recherche"
                    + " OR commune_insee LIKE :recherche)");
            parameters.addValue("recherche", "%" + filter.recherche().toLowerCase(java.util.Locale.ROOT)
                    .replace("%", "").replace("_", "") + "%");
        }
        return String.join(" AND ", conditions);
    }

    /** Every convention with a status but those an administrator deleted. */
    private static String listed(MapSqlParameterSource parameters) {
        parameters.addValue("annulee", ConventionLife.STATUT_ANNULEE);
        return "statut IS NOT NULL AND statut <> :annulee";
    }

    /**
     * The conventions this viewer may see, on the {@code convention} table alone: as {@link #visibility}, but an IEN
     * sees every convention with a school of their circonscription, whatever the commune's own circonscription.
     */
    public static String conventionVisibility(Viewer viewer, MapSqlParameterSource parameters) {
        if (viewer.seesAll() || viewer.circonscriptions().isEmpty()) {
            return visibility(viewer, parameters);
        }
        Viewer withoutCirconscriptions = new Viewer(viewer.userId(), viewer.groups().stream()
                .filter(group -> !group.startsWith(Groups.ienCirco(""))).toList());
        String others = visibility(withoutCirconscriptions, parameters);
        parameters.addValue("circonscriptionsVisibles", viewer.circonscriptions());
        return "(" + others + " OR numero IN (SELECT cc.numero FROM circonscription_convention cc"
                + " WHERE cc.circonscription IN (:circonscriptionsVisibles)))";
    }

    /**
     * The rows this viewer may see (RegistryScope in SQL), on columns {@code commune_insee}, {@code circonscription}
     * (the commune's) and {@code departement}: nothing unless a group grants it.
     */
    public static String visibility(Viewer viewer, MapSqlParameterSource parameters) {
        if (viewer.seesAll()) {
            return "1 = 1";
        }
        List<String> grants = new ArrayList<>();
        if (!viewer.communes().isEmpty()) {
            grants.add("commune_insee IN (:communesVisibles)");
            parameters.addValue("communesVisibles", viewer.communes());
        }
        if (!viewer.circonscriptions().isEmpty()) {
            grants.add("circonscription IN (:circonscriptionsVisibles)");
            parameters.addValue("circonscriptionsVisibles", viewer.circonscriptions());
        }
        if (!viewer.departements().isEmpty()) {
            grants.add("departement IN (:departementsVisibles)");
            parameters.addValue("departementsVisibles", viewer.departements());
        }
        return grants.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", grants) + ")";
    }

    private static RegistryEntry entry(ResultSet rs, int row) throws SQLException {
        return new RegistryEntry(rs.getString("process_instance_id"), rs.getString("numero"),
                rs.getString("commune_insee"), rs.getString("commune_nom"), rs.getString("departement"),
                rs.getString("circonscription"), rs.getString("statut"), rs.getString("etape"),
                dateTime(rs.getTimestamp("etape_depuis")), day(rs.getDate("date_signature")),
                day(rs.getDate("fin_terme_initial")), day(rs.getDate("prochain_anniversaire")),
                day(rs.getDate("limite_denonciation")), dayBefore(rs.getDate("date_fin")), rs.getInt("version"),
                day(rs.getDate("prochain_comite")), dateTime(rs.getTimestamp("aaf_derniere")),
                rs.getString("aaf_resultat"), rs.getString("aaf_resume"), List.of());
    }

    private static LocalDate day(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** {@code date_fin} is the first day no longer in force (exclusive): the registry shows the day before. */
    private static LocalDate dayBefore(java.sql.Date exclusiveEnd) {
        return exclusiveEnd == null ? null : exclusiveEnd.toLocalDate().minusDays(1);
    }

    private static OffsetDateTime dateTime(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(ConventionDates.ZONE).toOffsetDateTime();
    }
}
