package fr.conventionent.registry.campaign;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import fr.conventionent.kernel.ConventionDates;

/**
 * The campaigns and their lines (tables of V3__Campagnes.sql). A line leaves "en attente" once, by a conditional
 * update: two workers (a resumed campaign on two nodes) never both handle it.
 */
@Repository
public class CampaignRepository {

    private static final String PENDING = LineResult.EN_ATTENTE.code();

    private final JdbcTemplate jdbc;

    public CampaignRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the campaign with its lines, those refused at once already counted. */
    public long create(String libelle, String lancePar, String source, List<CampaignLine> lines) {
        int refused = (int) lines.stream().filter(line -> line.resultat() == LineResult.REFUSEE).count();
        Timestamp now = now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO registre_campagne (libelle,"
                    + " lance_par, lance_le, source, etat, total, demarrees, refusees) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                    new String[] {"id"});
            statement.setString(1, libelle);
            statement.setString(2, lancePar);
            statement.setTimestamp(3, now);
            statement.setString(4, source);
            statement.setString(5, Campaign.EN_COURS);
            statement.setInt(6, lines.size());
            statement.setInt(7, refused);
            return statement;
        }, key);
        long id = key.getKey().longValue();
        jdbc.batchUpdate("INSERT INTO registre_campagne_ligne (campagne_id, rang, numero_ligne, code_insee, commune_nom,"
                + " resultat, motif, traitee_le) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines, 500, (statement, line) -> {
                    statement.setLong(1, id);
                    statement.setInt(2, line.rang());
                    statement.setInt(3, line.ligne());
                    statement.setString(4, line.codeInsee());
                    statement.setString(5, line.commune());
                    statement.setString(6, line.resultat().code());
                    statement.setString(7, line.motif());
                    statement.setTimestamp(8, line.resultat() == LineResult.EN_ATTENTE ? null : now);
                });
        return id;
    }

    public Optional<Campaign> find(long id) {
        return jdbc.query("SELECT * FROM registre_campagne WHERE id = ?", CampaignRepository::campaign, id).stream()
                .findFirst();
    }

    public List<Campaign> latest(int limit) {
        return jdbc.query("SELECT * FROM registre_campagne ORDER BY id DESC LIMIT ?", CampaignRepository::campaign,
                limit);
    }

    public List<Long> running() {
        return jdbc.queryForList("SELECT id FROM registre_campagne WHERE etat = ? ORDER BY id", Long.class,
                Campaign.EN_COURS);
    }

    public List<CampaignLine> lines(long id) {
        return jdbc.query("SELECT * FROM registre_campagne_ligne WHERE campagne_id = ? ORDER BY rang",
                CampaignRepository::line, id);
    }

    public List<CampaignLine> pendingLines(long id) {
        return jdbc.query("SELECT * FROM registre_campagne_ligne WHERE campagne_id = ? AND resultat = ? ORDER BY rang",
                CampaignRepository::line, id, PENDING);
    }

    /**
     * Takes a pending line as started, in the transaction that starts its convention (so rolled back with it).
     * False when it is no longer pending: another worker handled it.
     */
    public boolean claimStarted(long id, int rang) {
        return jdbc.update("UPDATE registre_campagne_ligne SET resultat = ?, traitee_le = ? WHERE campagne_id = ?"
                + " AND rang = ? AND resultat = ?", LineResult.DEMARREE.code(), now(), id, rang, PENDING) == 1;
    }

    public void recordStarted(long id, int rang, String conventionNumero) {
        jdbc.update("UPDATE registre_campagne_ligne SET convention_numero = ? WHERE campagne_id = ? AND rang = ?",
                conventionNumero, id, rang);
        jdbc.update("UPDATE registre_campagne SET demarrees = demarrees + 1 WHERE id = ?", id);
    }

    public void recordRefused(long id, int rang, String motif) {
        int updated = jdbc.update("UPDATE registre_campagne_ligne SET resultat = ?, motif = ?, traitee_le = ?"
                + " WHERE campagne_id = ? AND rang = ? AND resultat = ?", LineResult.REFUSEE.code(),
                motif.length() > 1000 ? motif.substring(0, 999) + "…" : motif, now(), id, rang, PENDING);
        if (updated == 1) {
            jdbc.update("UPDATE registre_campagne SET refusees = refusees + 1 WHERE id = ?", id);
        }
    }

    /** Marks the campaign finished once no line is pending. */
    public void finishIfDone(long id) {
        jdbc.update("UPDATE registre_campagne SET etat = ?, termine_le = ? WHERE id = ? AND etat = ? AND NOT EXISTS"
                + " (SELECT 1 FROM registre_campagne_ligne WHERE campagne_id = ? AND resultat = ?)",
                Campaign.TERMINEE, now(), id, Campaign.EN_COURS, id, PENDING);
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("libelle"), rs.getString("lance_par"),
                dateTime(rs.getTimestamp("lance_le")), rs.getString("source"), rs.getString("etat"),
                dateTime(rs.getTimestamp("termine_le")), rs.getInt("total"), rs.getInt("demarrees"),
                rs.getInt("refusees"));
    }

    private static CampaignLine line(ResultSet rs, int row) throws SQLException {
        return new CampaignLine(rs.getInt("rang"), rs.getInt("numero_ligne"), rs.getString("code_insee"),
                rs.getString("commune_nom"), LineResult.ofCode(rs.getString("resultat")),
                rs.getString("convention_numero"), rs.getString("motif"));
    }

    private static OffsetDateTime dateTime(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(ConventionDates.ZONE).toOffsetDateTime();
    }
}
