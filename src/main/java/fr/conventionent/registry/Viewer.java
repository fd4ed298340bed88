package fr.conventionent.registry;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.conventionent.kernel.Groups;

/**
 * Who looks at the registry, and so which conventions they may see: a commune its own, an IEN its circonscription,
 * a DASEN or an IEN TICE their département, the DACES, the DANE, the Recteur's office, the DSI, the DPO and administrators
 * every one.
 */
public record Viewer(String userId, List<String> groups) {

    private static final Set<String> SEE_ALL = Set.of(Groups.DACES, Groups.DANE, Groups.RECTEUR, Groups.DSI, Groups.DPO,
            Groups.ADMIN);
    private static final String IEN_CIRCO = Groups.ienCirco("");
    private static final String IEN_TICE = Groups.ienTice("");
    private static final String DASEN = Groups.dasen("");

    public Viewer {
        groups = List.copyOf(groups);
    }

    public boolean seesAll() {
        return groups.stream().anyMatch(SEE_ALL::contains);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMIN);
    }

    /** Campaigns open conventions for many communes: the DACES's job. */
    /**
     * The dashboard compares communes: for the académie's services that see more than a commune (its own
     * convention is in the registry), whatever commune group they also have.
     */
    public boolean mayReadDashboard() {
        return seesAll() || !circonscriptions().isEmpty() || !departements().isEmpty();
    }

    public boolean mayRunCampaigns() {
        return groups.contains(Groups.DACES) || isAdmin();
    }

    /** The register of the Recteur's signature delegations: kept by the cabinet. */
    public boolean keepsDelegations() {
        return groups.contains(Groups.RECTEUR) || isAdmin();
    }

    /** The académie's staff (not the mairies) declare their absences on the page « Délégations et absences ». */
    public boolean declaresAbsences() {
        return isAdmin() || groups.stream().anyMatch(Groups.ACADEMIE_ROLES::contains) || !departements().isEmpty()
                || !circonscriptions().isEmpty();
    }

    public Set<String> communes() {
        return suffixes(Groups.COMMUNE_PREFIX);
    }

    public Set<String> circonscriptions() {
        return suffixes(IEN_CIRCO);
    }

    public Set<String> departements() {
        Set<String> departements = suffixes(IEN_TICE);
        departements.addAll(suffixes(DASEN));
        return departements;
    }

    /** Whether this viewer may see a convention of that commune, circonscription and département. */
    public boolean sees(String insee, String circonscription, String departement) {
        return seesAll() || communes().contains(insee) || circonscriptions().contains(circonscription)
                || departements().contains(departement);
    }

    /** The same for something concerning several circonscriptions (those of its schools): any of them will do. */
    public boolean seesAny(String insee, java.util.Collection<String> circonscriptions, String departement) {
        return seesAll() || communes().contains(insee) || circonscriptions.stream().anyMatch(circonscriptions()::contains)
                || departements().contains(departement);
    }

    /** What the viewer sees, in words, for the page's header. */
    public String scope() {
        if (seesAll()) {
            return "toutes les conventions de l'académie";
        }
        List<String> parts = new java.util.ArrayList<>();
        communes().forEach(insee -> parts.add("commune " + insee));
        circonscriptions().forEach(circo -> parts.add("circonscription " + circo));
        departements().forEach(dept -> parts.add("département " + dept));
        return parts.isEmpty() ? "aucune convention" : "les conventions de : " + String.join(", ", parts);
    }

    private Set<String> suffixes(String prefix) {
        Set<String> values = new TreeSet<>();
        groups.stream().filter(g -> g.startsWith(prefix) && g.length() > prefix.length())
                .forEach(g -> values.add(g.substring(prefix.length())));
        return values;
    }
}
