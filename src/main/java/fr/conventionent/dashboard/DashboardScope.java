package fr.conventionent.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import fr.conventionent.convention.ConventionLife;
import fr.conventionent.identity.Commune;
import fr.conventionent.kernel.Groups;
import fr.conventionent.registry.RegistryRepository;
import fr.conventionent.registry.Viewer;

/**
 * Which conventions the figures count: the registry's scoping (a DASEN or an IEN TICE their département, an IEN
 * their circonscription, the DACES, the DANE, the Recteur's office, the DSI, the DPO and administrators the
 * académie), narrowed by the page's filters. A commune's agents do not get the dashboard: its figures compare
 * communes, and a commune already sees its own convention in the registry.
 */
public final class DashboardScope {

    private final Viewer viewer;
    private final DashboardFilter filter;

    private DashboardScope(Viewer viewer, DashboardFilter filter) {
        this.viewer = viewer;
        this.filter = filter;
    }

    /** The scope of {@code viewer}, or a French refusal when the dashboard is not for them. */
    public static DashboardScope of(Viewer viewer, DashboardFilter filter) {
        if (!viewer.mayReadDashboard()) {
            throw new DashboardRequestException(HttpStatus.FORBIDDEN, "Le tableau de bord est réservé aux services"
                    + " de l'académie (IEN, IA-DASEN, DACES, DANE, cabinet du Recteur) : le registre donne à chaque"
                    + " commune sa propre convention.");
        }
        return new DashboardScope(academic(viewer), filter);
    }

    /** The viewer without the groups of communes: an IEN who is also a commune's agent sees as an IEN. */
    private static Viewer academic(Viewer viewer) {
        return new Viewer(viewer.userId(), viewer.groups().stream()
                .filter(group -> !group.startsWith(Groups.COMMUNE_PREFIX)).toList());
    }

    public Viewer viewer() {
        return viewer;
    }

    public DashboardFilter filter() {
        return filter;
    }

    /**
     * The conditions on the {@code convention} table (its columns unqualified): listed, visible to the viewer and
     * matching the filters. Columns of the engine's tables end with an underscore, so they never clash. An IEN's
     * circonscription, like the filter, takes the conventions with a school there ({@code circonscription_convention}).
     */
    public String conventions(MapSqlParameterSource parameters) {
        parameters.addValue("annulee", ConventionLife.STATUT_ANNULEE);
        return "statut IS NOT NULL AND statut <> :annulee AND " + places(parameters,
                list -> "numero IN (SELECT cc.numero FROM circonscription_convention cc WHERE cc.circonscription IN ("
                        + list + "))");
    }

    /**
     * The conditions on the steps of {@code etape_terminee} (its columns unqualified): steps of a listed convention,
     * of conventions visible to the viewer and matching the filters. The few conventions not listed are excluded by a
     * list the database keeps hashed while it walks an index in the order of the groups (a join would lose that order).
     */
    public String finishedSteps(MapSqlParameterSource parameters) {
        parameters.addValue("annulee", ConventionLife.STATUT_ANNULEE);
        return "instance_convention NOT IN (SELECT process_instance_id FROM convention WHERE process_instance_id IS NOT"
                + " NULL AND (statut IS NULL OR statut = :annulee)) AND " + places(parameters,
                list -> "instance_convention IN (SELECT c.process_instance_id FROM convention c"
                        + " JOIN circonscription_convention cc ON cc.numero = c.numero WHERE cc.circonscription IN ("
                        + list + "))");
    }

    /**
     * The conditions on incidents (columns {@code commune_insee}, {@code departement} and {@code instanceColumn}, the
     * incident's process instance): visible to the viewer and matching the filters, an IEN's circonscription and the
     * filter taking the incidents naming a school there ({@code circonscription_incident}).
     */
    public String incidents(MapSqlParameterSource parameters, String instanceColumn) {
        return places(parameters, list -> instanceColumn + " IN (SELECT ci.instance_incident FROM"
                + " circonscription_incident ci WHERE ci.circonscription IN (" + list + "))");
    }

    /**
     * The conditions on rows kept per circonscription (columns {@code circonscription} and {@code departement}, such
     * as the AAF counters): visible to the viewer and matching the filters.
     */
    public String places(MapSqlParameterSource parameters) {
        return places(parameters, list -> "circonscription IN (" + list + ")");
    }

    /**
     * The condition on a group of figures by circonscription ({@code column}) of rows already in the scope: the
     * groups the viewer may see (an IEN the conventions of their circonscription, not their other circonscriptions),
     * and the filter's.
     */
    public String circonscriptionGroups(MapSqlParameterSource parameters, String column) {
        List<String> conditions = new ArrayList<>();
        if (!viewer.seesAll()) {
            List<String> grants = new ArrayList<>();
            if (!viewer.departements().isEmpty()) {
                parameters.addValue("departementsVisibles", viewer.departements());
                grants.add("departement IN (:departementsVisibles)");
            }
            if (!viewer.circonscriptions().isEmpty()) {
                parameters.addValue("circonscriptionsVisibles", viewer.circonscriptions());
                grants.add(column + " IN (:circonscriptionsVisibles)");
            }
            conditions.add(grants.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", grants) + ")");
        }
        if (filter.circonscription() != null) {
            parameters.addValue("filtreCirconscription", filter.circonscription());
            conditions.add(column + " = :filtreCirconscription");
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
    }

    /** Whether a group of figures by circonscription is shown: the same rule as {@link #circonscriptionGroups}. */
    public boolean showsGroup(String circonscription, String departement) {
        return (viewer.seesAll() || viewer.departements().contains(departement)
                || viewer.circonscriptions().contains(circonscription))
                && (filter.departement() == null || filter.departement().equals(departement))
                && (filter.circonscription() == null || filter.circonscription().equals(circonscription));
    }

    /**
     * Whether a commune of the referential, with the circonscriptions of its schools, is counted (coverage by
     * département): the same rule as {@link #conventions}.
     */
    public boolean counts(Commune commune, java.util.Collection<String> circonscriptions) {
        return viewer.seesAny(commune.insee(), circonscriptions, commune.departement())
                && (filter.departement() == null || filter.departement().equals(commune.departement()))
                && (filter.circonscription() == null || circonscriptions.contains(filter.circonscription()));
    }

    /**
     * The places visible to the viewer and matching the filters: départements on column {@code departement}, an IEN's
     * circonscriptions and the filter's by {@code inCirconscriptions} (given a list of them as an SQL parameter).
     */
    private String places(MapSqlParameterSource parameters, Function<String, String> inCirconscriptions) {
        List<String> conditions = new ArrayList<>();
        if (!viewer.seesAll()) {
            List<String> grants = new ArrayList<>();
            if (!viewer.departements().isEmpty()) {
                grants.add("departement IN (:departementsVisibles)");
                parameters.addValue("departementsVisibles", viewer.departements());
            }
            if (!viewer.circonscriptions().isEmpty()) {
                grants.add(inCirconscriptions.apply(":circonscriptionsVisibles"));
                parameters.addValue("circonscriptionsVisibles", viewer.circonscriptions());
            }
            conditions.add(grants.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", grants) + ")");
        }
        if (filter.departement() != null) {
            conditions.add("departement = :filtreDepartement");
            parameters.addValue("filtreDepartement", filter.departement());
        }
        if (filter.circonscription() != null) {
            conditions.add(inCirconscriptions.apply(":filtreCirconscription"));
            parameters.addValue("filtreCirconscription", filter.circonscription());
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
    }
}
