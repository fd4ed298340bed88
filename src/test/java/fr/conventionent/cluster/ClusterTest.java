package fr.conventionent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.conventionent.support.AppNode;
import fr.conventionent.support.CircuitJourney;
import fr.conventionent.support.EmbeddedPostgres;
import fr.conventionent.support.InForceConventions;
import fr.conventionent.support.SentMails;
import fr.conventionent.support.Sql;

/**
 * Two nodes of the application (two JVMs, job executor on in each, production profile) on one PostgreSQL database,
 * as a cluster runs: timers fire once, work moves from node to node, and a node killed mid-run loses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Grappe de deux nœuds sur une base PostgreSQL")
class ClusterTest {

    private static final String DATABASE = "convention_cluster";
    /** Short lock so that the survivor takes over a dead node's jobs in seconds (production: 5 minutes). */
    static final String LOCK_TIME_MILLIS = "15000";

    private GreenMail smtp;
    private AppNode nodeA;
    private AppNode nodeB;
    private Sql sql;

    @BeforeAll
    void startCluster() {
        var pg = EmbeddedPostgres.createDatabase(DATABASE);
        String url = pg.getJdbcUrl("postgres", DATABASE);
        sql = new Sql(url);
        smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path shared = Path.of("target", "nodes", "cluster-data").toAbsolutePath(); // one shared volume
        // one after the other: the first creates the schema, groups and deployment, the second finds them
        nodeA = node("node-a", url, shared).start();
        nodeB = node("node-b", url, shared).start();
    }

    private AppNode node(String name, String url, Path shared) {
        return AppNode.on(name, url, smtp.getSmtp().getPort(), shared).quickStart()
                .set("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME_MILLIS);
    }

    @AfterAll
    void stopCluster() {
        for (AppNode node : new AppNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    @DisplayName("Chaque échéance due déclenche une seule reconduction et un seul courriel, réparties sur les deux nœuds")
    void everyDueTimerFiresExactlyOnceAcrossBothNodes() throws Exception {
        int count = 100;
        List<String> numeros = startDue(count, 0, nodeA, nodeB);

        awaitRenewalMails(numeros, Duration.ofSeconds(120));
        awaitNoJobLeft();

        SentMails mails = renewalMails();
        assertThat(mails.subjects()).hasSize(count);
        assertThat(mails.duplicated()).isEmpty();
        assertThat(renewalsPerConvention(numeros)).allSatisfy((numero, renewals) -> assertThat(renewals).isEqualTo(1));
        // both job executors took part: each job log row carries the hostname of the node that ran the job
        Map<String, Long> firedBy = sql.counts("select hostname_, count(*) from act_hi_job_log"
                + " where act_id_ = 'TimerEvent_RenewalDue' and job_state_ = 2 group by hostname_");
        assertThat(firedBy.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(firedBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(count);
    }

    @Test
    @Order(2)
    @DisplayName("Un circuit commencé sur un nœud est terminé sur l'autre")
    void workStartedOnOneNodeIsFinishedOnTheOther() throws Exception {
        CircuitJourney journey = CircuitJourney.open(nodeA.as("mairie.versailles"), "78646");
        journey.advance(nodeA.as("mairie.versailles")); // Compléter la convention
        journey.advance(nodeA.as("mairie.versailles")); // Signer les exemplaires
        for (String user : List.of("ien.versailles", "tice.78", "dasen.78", "daces", "recteur", "daces")) {
            assertThat(journey.advance(nodeB.as(user))).isNotNull();
        }
        assertThat(journey.openTask(nodeA.admin())).isNull();

        String signed = "[Convention ENT] Convention signée " + journey.businessKey();
        AppNode.await(Duration.ofSeconds(60), () -> SentMails.of(smtp).anyStartsWith(signed),
                () -> "pas de courriel « " + signed + " »");
        AppNode.await(Duration.ofSeconds(60), () -> "en-vigueur".equals(statusOf(journey.businessKey())),
                () -> "la convention " + journey.businessKey() + " n'est pas en vigueur");
        awaitNoJobLeft();
        assertThat(SentMails.of(smtp, s -> s.startsWith(signed)).duplicated()).isEmpty();
        assertThat(SentMails.of(smtp).countStartingWith(signed)).isEqualTo(1);
        // the AAF deliveries of the signed convention were started once, visible from node A
        assertThat(nodeA.admin().list("/process-instance?processDefinitionKey=livraison-aaf&businessKey="
                + journey.businessKey())).hasSize(1);
    }

    @Test
    @Order(3)
    @DisplayName("Un nœud tué (SIGKILL) en pleine exécution : l'autre termine tout, rien de perdu, rien en double")
    void whenANodeIsKilledMidRunTheOtherCompletesEverything() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        long doneByABefore = jobsDoneBy("node-a");
        // created through node A, which runs them at once (the engine hints its own job executor)
        ExecutorService creators = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> batches = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int first = 1000 + t * 1000;
            batches.add(creators.submit(() -> startDueUntilNodeDies(100, first, nodeA)));
        }
        AppNode.await(Duration.ofSeconds(120), () -> jobsDoneBy("node-a") >= doneByABefore + 60,
                () -> "le nœud A n'exécute rien : " + sql.counts("select hostname_, count(*) from act_hi_job_log"
                        + " where job_state_ = 2 group by hostname_"));
        nodeA.kill();
        assertThat(nodeA.exitCode()).isEqualTo(137); // SIGKILL: no shutdown hook ran
        // mails whose sending job was locked when node A died: these alone may be sent again (at least once)
        List<String> inFlight = sql.column("select v.text_ from act_ru_job j join act_ru_variable v"
                + " on v.proc_inst_id_ = j.process_instance_id_ and v.name_ = 'objet' where j.lock_owner_ is not null");
        List<String> numeros = new ArrayList<>();
        for (Future<List<String>> batch : batches) {
            numeros.addAll(batch.get());
        }
        creators.shutdown();
        assertThat(nodeA.isAlive()).isFalse();
        assertThat(numeros).hasSizeGreaterThan(20);

        awaitRenewalMails(numeros, Duration.ofSeconds(150));
        awaitNoJobLeft();

        SentMails mails = renewalMails();
        assertThat(mails.subjects()).hasSize(numeros.size());
        assertThat(inFlight).containsAll(mails.duplicated());
        assertThat(renewalsPerConvention(numeros)).allSatisfy((numero, renewals) -> assertThat(renewals).isEqualTo(1));
        assertThat(jobsDoneBy("node-b")).isPositive();
    }

    /**
     * Creates due conventions through {@code node} until it dies. A request cut by the kill may or may not have been
     * committed: the database says which, as Cockpit would.
     */
    private List<String> startDueUntilNodeDies(int count, int first, AppNode node) {
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String numero = InForceConventions.numero("93001", first + i);
            try {
                InForceConventions.start(node.admin(), "93001", numero, InForceConventions.SIGNED_DUE);
                numeros.add(numero);
            } catch (AssertionError cutByTheKill) {
                if (sql.count("select count(*) from act_hi_procinst where business_key_ = ?", numero) > 0) {
                    numeros.add(numero);
                }
                break;
            }
        }
        return numeros;
    }

    // ---------------------------------------------------------------- helpers

    /** Conventions in force whose renewal is due, started through the given nodes in turn. */
    private List<String> startDue(int count, int first, AppNode... through) {
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String numero = InForceConventions.numero("93001", first + i);
            AppNode node = through[i % through.length];
            InForceConventions.start(node.admin(), "93001", numero, InForceConventions.SIGNED_DUE);
            numeros.add(numero);
        }
        return numeros;
    }

    private SentMails renewalMails() {
        return SentMails.of(smtp, s -> s.contains(" reconduite jusqu'au "));
    }

    private void awaitRenewalMails(List<String> numeros, Duration timeout) {
        AppNode.await(timeout, () -> {
            SentMails mails = renewalMails();
            return numeros.stream().allMatch(n -> mails.anyStartsWith(InForceConventions.renewalSubjectStart(n)));
        }, () -> renewalMails().subjects().size() + " courriels de reconduction sur " + numeros.size());
    }

    private void awaitNoJobLeft() {
        AppNode.await(Duration.ofSeconds(60), () -> sql.count("select count(*) from act_ru_job"
                + " where duedate_ is null or duedate_ <= now()") == 0,
                () -> "des tâches techniques restent à exécuter : " + sql.column("select coalesce(act_id_, '')"
                        + " || ' ' || coalesce(exception_msg_, '') from act_ru_job where duedate_ is null or duedate_ <= now()"));
    }

    private Map<String, Long> renewalsPerConvention(List<String> numeros) {
        Map<String, Long> renewals = sql.counts("select p.business_key_, count(a.id_) from act_hi_procinst p"
                + " left join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = 'ServiceTask_RenewConvention'"
                + " and a.end_time_ is not null where p.proc_def_key_ = 'convention' and p.business_key_ = any(?)"
                + " group by p.business_key_", (Object) numeros.toArray(String[]::new));
        assertThat(renewals).hasSameSizeAs(numeros);
        return renewals;
    }

    private long jobsDoneBy(String hostname) {
        return sql.count("select count(*) from act_hi_job_log where hostname_ = ? and job_state_ = 2", hostname);
    }

    private String statusOf(String businessKey) {
        List<String> status = sql.column("select v.text_ from act_ru_variable v join act_ru_execution e"
                + " on e.id_ = v.execution_id_ and e.parent_id_ is null where v.name_ = 'statut' and e.business_key_ = ?"
                + " and e.proc_def_id_ like 'convention:%'", businessKey);
        return status.isEmpty() ? null : status.get(0);
    }
}
