package fr.conventionent.convention;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;

/**
 * The circonscriptions a convention concerns (table {@code circonscription_convention}): those of the schools of its
 * latest version's Annexe 1, by the referential; before the commune names its schools, every circonscription of the
 * commune. Their IENs transmit it in the circuit and see it in the registry. Rewritten with each version.
 */
@Component
public class ConventionCirconscriptions {

    private final JdbcTemplate jdbc;
    private final CommuneDirectory communes;
    private final SchoolDirectory schools;

    public ConventionCirconscriptions(JdbcTemplate jdbc, CommuneDirectory communes, SchoolDirectory schools) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.schools = schools;
    }

    /** The convention's circonscriptions, the commune's own first; empty when the convention is unknown. */
    public List<String> of(String numero) {
        return jdbc.queryForList("select cc.circonscription from circonscription_convention cc"
                + " join convention c on c.numero = cc.numero where cc.numero = ?"
                + " order by case when cc.circonscription = c.circonscription then 0 else 1 end, cc.circonscription",
                String.class, numero);
    }

    /** Computes them again from the convention's latest version and the referential. */
    public void refresh(String numero) {
        List<String> insee = jdbc.queryForList("select commune_insee from convention where numero = ?", String.class,
                numero);
        Optional<Commune> commune = insee.isEmpty() ? Optional.empty() : communes.find(insee.get(0));
        if (commune.isEmpty()) {
            return; // a commune the referential no longer lists: keep what was known
        }
        List<String> uais = jdbc.queryForList("select uai from convention_ecole where numero = ? and version ="
                + " (select max(version) from convention_version where numero = ?) order by rang", String.class,
                numero, numero);
        List<String> circonscriptions = schools.circonscriptionsOf(commune.get(), uais);
        if (Set.copyOf(circonscriptions).equals(Set.copyOf(of(numero)))) {
            return;
        }
        jdbc.update("delete from circonscription_convention where numero = ?", numero);
        for (String circonscription : circonscriptions) {
            jdbc.update("insert into circonscription_convention (numero, circonscription) values (?, ?)", numero,
                    circonscription);
        }
    }

    /** The circonscriptions of the schools of the commune's convention, if it has one: of all its schools if not. */
    public List<String> ofCommune(Commune commune) {
        List<String> found = conventionOf(commune.insee()).map(this::of).orElse(List.of());
        return found.isEmpty() ? schools.circonscriptionsOf(commune) : found;
    }

    /** The commune's latest convention (an administrator's deleted ones aside), if it has one. */
    public Optional<String> conventionOf(String insee) {
        return jdbc.queryForList("select numero from convention where commune_insee = ? and statut is not null"
                + " and statut <> ? order by cree_le desc limit 1", String.class, insee, ConventionLife.STATUT_ANNULEE)
                .stream().findFirst();
    }
}
