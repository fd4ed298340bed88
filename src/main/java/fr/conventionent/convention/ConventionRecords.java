package fr.conventionent.convention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.SubmittedDates;

/**
 * The one owner of what a convention says: its data, version by version, in the application's tables
 * ({@code convention}, {@code convention_version}, {@code convention_ecole}, {@code convention_correspondant}),
 * written by the engine steps that validated it, in their transaction. Readers ask {@link #current} (with the
 * representatives in office today) rather than the processes' variables. Each write also refreshes the read-only
 * snapshot variable {@code donneesConvention} that administrators see in Cockpit; the application never reads it.
 */
@Component
public class ConventionRecords {

    public static final String SNAPSHOT = "donneesConvention";
    /** The registry's detail page of the convention, shown in Cockpit next to the business key. */
    public static final String REGISTRY_LINK = "lienRegistre";
    static final String EN_PREPARATION = "en-preparation";
    static final String SIGNEE = "signee";

    private final JdbcTemplate jdbc;
    private final ConventionRepresentatives representatives;
    private final RuntimeService runtimeService;
    private final String applicationUrl;
    private final ConventionCirconscriptions circonscriptions;

    public ConventionRecords(JdbcTemplate jdbc, ConventionRepresentatives representatives,
                             RuntimeService runtimeService, ConventionProperties properties,
                             ConventionCirconscriptions circonscriptions) {
        this.jdbc = jdbc;
        this.circonscriptions = circonscriptions;
        this.representatives = representatives;
        this.runtimeService = runtimeService;
        this.applicationUrl = properties.courriel().adresseApplication();
    }

    /** A new convention of {@code commune}, numbered for it, in preparation as version 1. */
    public void open(String numero, Commune commune, String processInstanceId) {
        if (exists(numero)) {
            return;
        }
        jdbc.update("insert into convention (numero, commune_insee, commune_nom, departement, circonscription,"
                        + " process_instance_id, cree_le, statut, version) values (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                numero, commune.insee(), commune.nom(), commune.departement(), commune.circonscription(),
                processInstanceId, now(), ConventionProcess.STATUT_EN_PREPARATION);
        circonscriptions.refresh(numero);
        if (processInstanceId != null) {
            runtimeService.setVariable(processInstanceId, REGISTRY_LINK, registryLink(numero));
        }
    }

    public String registryLink(String numero) {
        return applicationUrl + "/registre/#" + numero;
    }

    /** The commune's name as the convention gives it (its text, else the académie's list of communes). */
    public String communeName(String numero) {
        List<String> names = jdbc.queryForList("select commune_nom from convention where numero = ?", String.class,
                numero);
        return names.isEmpty() || names.get(0) == null ? "" : names.get(0);
    }

    public boolean exists(String numero) {
        return jdbc.queryForObject("select count(*) from convention where numero = ?", Integer.class, numero) > 0;
    }

    /** The text being prepared as {@code version} (completed by the commune, then in its circuit). */
    public void saveDraft(String numero, int version, ConventionData data) {
        write(numero, version, EN_PREPARATION, null, null, data);
    }

    /** {@code version} signed, in force from {@code since}: the initial convention or an avenant's new version. */
    public void recordSigned(String numero, int version, LocalDate since, String origin, ConventionData data) {
        write(numero, version, SIGNEE, since, origin, data);
    }

    /** The version being prepared becomes the signed one, as it is; false when it was never recorded. */
    public boolean markSigned(String numero, int version, LocalDate since, String origin) {
        int updated = jdbc.update("update convention_version set etat = ?, depuis = ?, origine = ?"
                + " where numero = ? and version = ?", SIGNEE, Date.valueOf(since), origin, numero, version);
        inForceVersion(numero, version);
        refreshSnapshot(numero);
        return updated > 0;
    }

    /** The latest version as recorded (without later changes of representatives). */
    public Optional<ConventionData> latest(String numero) {
        List<Integer> versions = jdbc.queryForList("select max(version) from convention_version where numero = ?",
                Integer.class, numero);
        return versions.isEmpty() || versions.get(0) == null ? Optional.empty() : version(numero, versions.get(0));
    }

    /** What the convention says today: its latest version, with the maire and référent in office today. */
    public Optional<ConventionData> current(String numero) {
        List<Recorded> latest = jdbc.query("select version, enregistree_le from convention_version where numero = ?"
                + " order by version desc limit 1", (rs, row) -> new Recorded(rs.getInt(1), rs.getTimestamp(2)), numero);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Recorded recorded = latest.get(0);
        return version(numero, recorded.version())
                .map(data -> representatives.applyTo(numero, data, SubmittedDates.today(), recorded.at()));
    }

    private record Recorded(int version, Timestamp at) {
    }

    /**
     * The data-protection officer the commune named in its latest recorded convention text (Annexe 2), if any: the
     * commune's contact for the CNIL when a security incident lies in its own field.
     */
    public Optional<Contact> communeDpo(String insee) {
        return jdbc.query("select v.dpo_nom, v.dpo_email from convention_version v join convention c"
                        + " on c.numero = v.numero where c.commune_insee = ? and v.dpo_email is not null"
                        + " and (c.statut is null or c.statut <> 'annulee') order by v.enregistree_le desc limit 1",
                (rs, row) -> new Contact(rs.getString(1), null, rs.getString(2)), insee).stream().findFirst();
    }

    /** Every version of the convention, oldest first. */
    public List<RecordedVersion> versions(String numero) {
        return jdbc.query("select version, etat, depuis, origine from convention_version where numero = ?"
                        + " order by version", (rs, row) -> new RecordedVersion(rs.getInt(1),
                        SIGNEE.equals(rs.getString(2)) ? "signée" : "en préparation",
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4)), numero);
    }

    public Optional<ConventionData> version(String numero, int version) {
        List<ConventionData> rows = jdbc.query("select c.commune_insee, v.commune_nom, v.commune_adresse, v.maire_nom,"
                        + " v.referent_nom, v.referent_telephone, v.referent_email, v.editeur_ent, v.exploitant_ent,"
                        + " v.dpo_nom, v.dpo_email"
                        + " from convention_version v join convention c on c.numero = v.numero"
                        + " where v.numero = ? and v.version = ?",
                (rs, row) -> new ConventionData(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        schools(numero, version),
                        rs.getString(5) == null ? null : new Contact(rs.getString(5), rs.getString(6), rs.getString(7)),
                        correspondents(numero, version), rs.getString(8), rs.getString(9),
                        rs.getString(10) == null ? null : new Contact(rs.getString(10), null, rs.getString(11))),
                numero, version);
        return rows.stream().findFirst();
    }

    private List<Ecole> schools(String numero, int version) {
        return jdbc.query("select uai, nom, adresse from convention_ecole where numero = ? and version = ? order by rang",
                (rs, row) -> new Ecole(rs.getString(1), rs.getString(2), rs.getString(3)), numero, version);
    }

    private List<Contact> correspondents(String numero, int version) {
        return jdbc.query("select nom, telephone, email from convention_correspondant where numero = ? and version = ?"
                + " order by rang", (rs, row) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)),
                numero, version);
    }

    private void write(String numero, int version, String state, LocalDate since, String origin, ConventionData data) {
        if (!exists(numero)) {
            open(numero, new Commune(data.communeInsee(), data.communeNom(), CommuneDirectory.departementOf(
                    data.communeInsee()), null, null), null);
        }
        jdbc.update("delete from convention_ecole where numero = ? and version = ?", numero, version);
        jdbc.update("delete from convention_correspondant where numero = ? and version = ?", numero, version);
        jdbc.update("delete from convention_version where numero = ? and version = ?", numero, version);
        Contact referent = data.referentEnt();
        Contact dpo = data.dpoCommune();
        jdbc.update("insert into convention_version (numero, version, etat, depuis, origine, commune_nom,"
                        + " commune_adresse, maire_nom, referent_nom, referent_telephone, referent_email, editeur_ent,"
                        + " exploitant_ent, dpo_nom, dpo_email, enregistree_le)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                numero, version, state, since == null ? null : Date.valueOf(since), origin, data.communeNom(),
                data.communeAdresse(), data.maireNom(), referent == null ? null : referent.nom(),
                referent == null ? null : referent.telephone(), referent == null ? null : referent.email(),
                data.editeurEnt(), data.exploitantEnt(), dpo == null ? null : dpo.nom(),
                dpo == null ? null : dpo.email(), now());
        List<Ecole> ecoles = data.ecoles() == null ? List.of() : data.ecoles();
        for (int i = 0; i < ecoles.size(); i++) {
            Ecole ecole = ecoles.get(i);
            jdbc.update("insert into convention_ecole (numero, version, rang, uai, nom, adresse) values (?, ?, ?, ?, ?, ?)",
                    numero, version, i + 1, ecole.uai(), ecole.nom(), ecole.adresse());
        }
        List<Contact> correspondants = data.correspondantsTechniques() == null ? List.of()
                : data.correspondantsTechniques();
        for (int i = 0; i < correspondants.size(); i++) {
            Contact contact = correspondants.get(i);
            jdbc.update("insert into convention_correspondant (numero, version, rang, nom, telephone, email)"
                    + " values (?, ?, ?, ?, ?, ?)", numero, version, i + 1, contact.nom(), contact.telephone(),
                    contact.email());
        }
        if (SIGNEE.equals(state)) {
            inForceVersion(numero, version);
        }
        if (data.communeNom() != null && !data.communeNom().isBlank()) {
            // the name the commune gives itself in its text, as the registry lists it
            jdbc.update("update convention set commune_nom = ? where numero = ?", data.communeNom(), numero);
        }
        circonscriptions.refresh(numero);
        refreshSnapshot(numero);
    }

    /** The convention's current version is its latest signed one. */
    private void inForceVersion(String numero, int version) {
        jdbc.update("update convention set version = ? where numero = ? and (version is null or version < ?)", version,
                numero, version);
    }

    /** Cockpit's read-only view of the record, on the running convention instance. */
    private void refreshSnapshot(String numero) {
        List<String> instance = jdbc.queryForList("select process_instance_id from convention where numero = ?"
                + " and process_instance_id is not null", String.class, numero);
        if (instance.isEmpty() || runtimeService.createProcessInstanceQuery().processInstanceId(instance.get(0))
                .count() == 0) {
            return;
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("numero", numero);
        snapshot.put("registre", registryLink(numero));
        snapshot.put("lecture", "Copie en lecture seule des données de la convention (tables de l'application) :"
                + " la modifier ici ne change rien ; le registre affiche la convention.");
        jdbc.query("select version, etat, depuis, origine from convention_version where numero = ? order by version",
                (rs, row) -> snapshot.put("version " + rs.getInt(1), rs.getString(2)
                        + (rs.getDate(3) == null ? "" : " depuis le " + rs.getDate(3).toLocalDate())
                        + (rs.getString(4) == null ? "" : " (" + rs.getString(4) + ")")), numero);
        current(numero).ifPresent(data -> snapshot.put("actuelle", data));
        runtimeService.setVariable(instance.get(0), SNAPSHOT, JsonVariables.write(snapshot));
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }
}
