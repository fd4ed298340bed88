package fr.conventionent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import fr.conventionent.support.AppNode;
import fr.conventionent.support.CircuitJourney;
import fr.conventionent.support.InForceConventions;
import fr.conventionent.support.NodeRest;
import fr.conventionent.support.SentMails;
import fr.conventionent.support.Sql;

/**
 * Outages around a running node: the SMTP server down while users work, then PostgreSQL restarted under it. The
 * node has its own PostgreSQL server (fixed port, data kept across the restart), not the suite's shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Pannes du serveur SMTP et de PostgreSQL")
class OutageTest {

    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @TempDir
    static Path data;
    private Path pgData;
    private int pgPort;
    private EmbeddedPostgres pg;
    private int smtpPort;
    private GreenMail smtp;
    private AppNode node;
    private Sql sql;

    @BeforeAll
    void startNode() throws IOException {
        pgData = data.resolve("pgdata");
        pgPort = AppNode.freePort();
        pg = startPostgres();
        try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE convention_outage");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = pg.getJdbcUrl("postgres", "convention_outage");
        sql = new Sql(url);
        smtpPort = AppNode.freePort();
        smtp = startSmtp();
        node = AppNode.on("pannes", url, smtpPort, data).quickStart().start();
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(pgData).setCleanDataDirectory(false).start();
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @AfterAll
    void stopAll() throws IOException {
        if (node != null) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("SMTP en panne : les utilisateurs terminent leurs tâches, chaque courriel part une fois au retour du serveur")
    void smtpDownBlocksNoCompletionAndEveryMailLeavesOnceItIsBack() throws Exception {
        smtp.stop();

        CircuitJourney journey = CircuitJourney.open(node.as("mairie.versailles"), "78646");
        for (String user : List.of("mairie.versailles", "mairie.versailles", "ien.versailles", "tice.78", "dasen.78",
                "daces", "recteur", "daces")) {
            assertThat(journey.advance(node.as(user))).isNotNull(); // each step accepted (204) with SMTP down
        }
        assertThat(journey.openTask(node.admin())).isNull();

        // every mail tried once and waiting for its next attempt, the circuit's other steps done
        AppNode.await(Duration.ofSeconds(90), () -> sql.count("select count(*) from act_ru_job"
                + " where process_def_key_ = 'envoi-courriel' and exception_msg_ is null") == 0
                && sql.count("select count(*) from act_ru_job where process_def_key_ <> 'envoi-courriel'"
                + " and (duedate_ is null or duedate_ <= now())") == 0, () -> "des courriels n'ont pas été essayés");
        long waiting = sql.count("select count(*) from act_ru_job where process_def_key_ = 'envoi-courriel'"
                + " and retries_ > 0 and duedate_ > now()");
        assertThat(waiting).isGreaterThanOrEqualTo(8);
        assertThat(sql.count("select count(*) from act_ru_incident")).isZero();

        smtp = startSmtp();
        retryWaitingMailsNow(node.admin());

        AppNode.await(Duration.ofSeconds(90), () -> sql.count("select count(*) from act_hi_procinst"
                + " where proc_def_key_ = 'envoi-courriel' and end_time_ is null") == 0, () -> "des courriels attendent");
        Map<String, Long> queued = sql.counts("select text_, count(*) from act_hi_varinst where name_ = 'objet'"
                + " and proc_def_key_ = 'envoi-courriel' group by text_");
        SentMails sent = SentMails.of(smtp);
        assertThat(sent.subjects()).containsExactlyInAnyOrderElementsOf(queued.keySet());
        queued.forEach((subject, times) -> assertThat(sent.sends(subject)).as(subject).isEqualTo(times.intValue()));
        assertThat(sent.subjects()).anyMatch(s -> s.startsWith("[Convention ENT] Convention signée " + journey.businessKey()));
    }

    @Test
    @Order(2)
    @DisplayName("PostgreSQL redémarré : le nœud se reconnecte et les échéances continuent de se déclencher")
    void postgresRestartedTheNodeReconnectsAndTimersGoOn() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        String duringOutage = InForceConventions.numero("93002", 1);
        String afterRestart = InForceConventions.numero("93002", 2);
        String instance = InForceConventions.start(node.admin(), "93002", duringOutage, InForceConventions.SIGNED_RECENTLY);
        String timer = node.admin().list("/job?timers=true&processInstanceId=" + instance).get(0).get("id").asText();
        // its renewal falls due while the database is down
        node.admin().put("/job/" + timer + "/duedate",
                Map.of("duedate", OffsetDateTime.now().plusSeconds(2).format(REST_DATE)));

        pg.close();
        AppNode.await(Duration.ofSeconds(60), () -> !answers(node.admin()), () -> "le nœud répond encore sans base");
        AppNode.pause(3000); // a few acquisition cycles fail
        pg = startPostgres();

        AppNode.await(Duration.ofSeconds(90), () -> answers(node.admin()), () -> "le nœud ne s'est pas reconnecté");
        InForceConventions.start(node.admin(), "93002", afterRestart, InForceConventions.SIGNED_DUE);
        AppNode.await(Duration.ofSeconds(90), () -> {
            SentMails mails = SentMails.of(smtp);
            return mails.anyStartsWith(InForceConventions.renewalSubjectStart(duringOutage))
                    && mails.anyStartsWith(InForceConventions.renewalSubjectStart(afterRestart));
        }, () -> "reconductions non envoyées : " + SentMails.of(smtp).subjects());
        assertThat(sql.counts("select p.business_key_, count(*) from act_hi_actinst a join act_hi_procinst p"
                + " on p.id_ = a.proc_inst_id_ where a.act_id_ = 'ServiceTask_RenewConvention' and p.business_key_ like"
                + " 'CONV-93002-%' group by p.business_key_")).containsOnly(Map.entry(duringOutage, 1L),
                Map.entry(afterRestart, 1L));
        assertThat(SentMails.of(smtp).duplicated()).isEmpty();
    }

    /** As Cockpit's "Relancer" on a job waiting for its next attempt: due now. */
    private void retryWaitingMailsNow(NodeRest admin) {
        String now = OffsetDateTime.now().format(REST_DATE);
        for (var job : admin.list("/job?processDefinitionKey=envoi-courriel&withException=true")) {
            admin.put("/job/" + job.get("id").asText() + "/duedate", Map.of("duedate", now));
        }
    }

    private static boolean answers(NodeRest admin) {
        try {
            return admin.send("GET", "/process-instance/count", null).ok();
        } catch (IOException e) {
            return false;
        }
    }
}
