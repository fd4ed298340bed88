package fr.conventionent.dashboard;

import java.util.ArrayList;
import java.util.List;

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
     * matching the filters. Columns of the engine's tables end with an underscore, so they never clash.
     */
    public String conventions(MapSqlParameterSource parameters) {
        parameters.addValue("annulee", ConventionLife.STATUT_ANNULEE);
        return "statut IS NOT NULL AND statut <> :annulee AND " + places(parameters);
    }

    /**
     * The conditions on the steps of {@code etape_terminee} (its columns unqualified): steps of a listed convention,
     * at places visible to the viewer and matching the filters. The few conventions not listed are excluded by a list
     * the database keeps hashed while it walks an index in the order of the groups (a join would lose that order).
     */
    public String finishedSteps(MapSqlParameterSource parameters) {
        parameters.addValue("annulee", ConventionLife.STATUT_ANNULEE);
        return "instance_convention NOT IN (SELECT process_instance_id FROM convention WHERE process_instance_id IS NOT"
                + " NULL AND (statut IS NULL OR statut = :annulee)) AND " + places(parameters);
    }

    /**
     * The conditions on columns {@code commune_insee}, {@code circonscription} and {@code departement} of any row
     * (a convention, an incident): visible to the viewer and matching the filters.
     */
    public String places(MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(RegistryRepository.visibility(viewer, parameters));
        if (filter.departement() != null) {
            conditions.add("departement = :filtreDepartement");
            parameters.addValue("filtreDepartement", filter.departement());
        }
        if (filter.circonscription() != null) {
            conditions.add("circonscription = :filtreCirconscription");
            parameters.addValue("filtreCirconscription", filter.circonscription());
        }
        return String.join(" AND ", conditions);
    }

    /** Whether a commune of the referential is counted (coverage): the same rule as {@link #conventions}. */
    public boolean counts(Commune commune) {
        return viewer.sees(commune.insee(), commune.circonscription(), commune.departement())
                && (filter.departement() == null || filter.departement().equals(commune.departement()))
                && (filter.circonscription() == null || filter.circonscription().equals(commune.circonscription()));
    }
}
