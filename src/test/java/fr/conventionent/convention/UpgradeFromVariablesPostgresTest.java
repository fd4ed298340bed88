package fr.conventionent.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import fr.conventionent.ConventionEntApplication;
import fr.conventionent.avenant.AvenantProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.AppNode;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EmbeddedPostgres;
import fr.conventionent.support.LegacyVariables;
import fr.conventionent.support.WebSession;

/**
 * The upgrade from the previous release on PostgreSQL. That release had Camunda 7.24 and the application's migrations
 * V2–V4 only, and kept each convention's data in process variables. A database is filled through the processes,
 * brought back to what that release left (the tables of later migrations dropped, their Flyway rows and the variables
 * this release adds removed), then this release starts on it: Flyway runs the later migrations and
 * {@link ConventionRecordBackfill} rebuilds every convention's record, running and ended, from its variables. The
 * application then says what it said before; a second start changes nothing; a running convention goes on.
 */
class UpgradeFromVariablesPostgresTest {

    private static final String DATABASE = "convention_upgrade";
    /** Where the registry shows the convention in its life (not what depends on today's date). */
    private static final List<String> REGISTRY_LINE = List.of("statut", "communeNom", "departement",
            "circonscription", "etape", "dateSignature", "dernierJourPeriodeInitiale", "prochainAnniversaire",
            "limiteDenonciation", "dernierJour", "version", "prochainComite");

    /** The steps of the circuit as the dashboard reads them. */
    private static final String FINISHED_STEPS = "select tache_id, etape, departement, circonscription, terminee_le,"
            + " duree_ms, rejet, motif_rejet from etape_terminee order by tache_id";
    /** The last migration of the previous release. */
    private static final int PREVIOUS_RELEASE = 4;
    /** The variables this release adds to a convention instance (Cockpit's read-only copy and registry link). */
    private static final List<String> VARIABLES_OF_THIS_RELEASE = List.of(ConventionRecords.SNAPSHOT,
            ConventionRecords.REGISTRY_LINK);
    /** End dates renamed by this release, and their former names. */
    private static final Map<String, String> LEGACY_DATE_NAMES = Map.of(
            ConventionVariables.DATE_FIN_EXCLUSIVE, "dateFin", ConventionVariables.DERNIER_JOUR_PERIODE, "dateFinPeriode");
    private static final List<String> CONVENTION_TABLES = List.of("convention", "convention_version",
            "convention_ecole", "convention_correspondant");
    /** The circuit's reviews before the Recteur's signature. */
    private static final List<String> APPROVALS = List.of(SignatureCircuitProcess.REVIEW_STEPS)
            .subList(0, SignatureCircuitProcess.REVIEW_STEPS.length - 1);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Ecole NEW_SCHOOL = new Ecole(Uai.withCheckLetter("0780999"), "École maternelle Les Lilas",
            "3, rue des Lilas, Versailles");
    private static final Contact NEW_REFERENT = new Contact("BERNARD Léa", "01 39 00 00 09",
            "lea.bernard@versailles.example");

    /** Mails, documents and AAF folders of the application, for this test only. */
    private static final Path DATA = Path.of("target", "test-data", "upgrade");
    private static final int SMTP_PORT = AppNode.freePort();

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void runningAndEndedConventionsMoveFromTheirVariablesToTheirTablesAtTheFirstStart() {
        FileSystemUtils.deleteRecursively(DATA.toFile());
        var server = EmbeddedPostgres.createDatabase(DATABASE);
        String url = server.getJdbcUrl("postgres", DATABASE);
        DataSource database = server.getDatabase("postgres", DATABASE);

        // 1. through the processes: a convention in force with an avenant applied, an ended one (denounced), one in
        // its circuit, one just started
        List<String> numeros;
        Map<String, Said> before = new LinkedHashMap<>();
        List<Map<String, Object>> migrations;
        List<Map<String, Object>> finishedSteps;
        List<String> laterMigrationScripts = new ArrayList<>();
        try (Application app = Application.start(url)) {
            String inForce = app.signedConvention("78646", "Versailles", "2026-09-15");
            String ended = app.signedConvention("92050", "Nanterre", "2026-09-15");
            app.applyAvenant(inForce, "2027-01-11");
            // what the previous release kept in variables while a convention is in force
            app.restoreLegacyVariables(inForce);
            app.restoreLegacyVariables(ended);
            app.denounceUntilTheEndOfNotice(ended, "2027-06-08");
            app.moveClockTo("2027-09-13", 9);
            String inCircuit = app.startConvention("91228");
            app.complete(app.openTask(inCircuit), SampleConventions.completion("91228", "Évry-Courcouronnes", 3));
            app.complete(app.openTask(inCircuit), Circuits.signedCopies());
            app.complete(app.openTask(inCircuit), Circuits.approve());
            String justStarted = app.startConvention("95127");
            numeros = List.of(inForce, ended, inCircuit, justStarted);

            assertThat(app.records().versions(inForce)).extracting(RecordedVersion::origine)
                    .containsExactly(ConventionVersions.INITIAL, "Avenant n° 1");
            assertThat(app.conventionInstance(ended)).as("convention terminée").isNull();
            assertThat(app.records().versions(inCircuit)).extracting(RecordedVersion::etat)
                    .containsExactly("en préparation");
            assertThat(app.records().exists(justStarted)).isTrue();
            numeros.forEach(numero -> before.put(numero, app.said(numero)));
            migrations = app.flywayHistory();
            finishedSteps = app.jdbc().queryForList(FINISHED_STEPS);
            for (MigrationInfo migration : app.flyway().info().applied()) {
                if (Integer.parseInt(migration.getVersion().getVersion()) > PREVIOUS_RELEASE) {
                    assertThat(migration.getScript()).as("migration SQL de db/migration").endsWith(".sql");
                    laterMigrationScripts.add(migration.getScript());
                }
            }
        }

        // 2. the database as the previous release left it
        JdbcTemplate jdbc = new JdbcTemplate(database);
        List<String> dropped = backToThePreviousRelease(jdbc, laterMigrationScripts);
        assertThat(dropped).containsAll(CONVENTION_TABLES);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("act_ru_variable", "registre_convention").doesNotContainAnyElementsOf(dropped);
        assertThat(jdbc.queryForObject("select max(cast(version as integer)) from flyway_schema_history",
                Integer.class)).isEqualTo(PREVIOUS_RELEASE);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where name_ in (?, ?)", Integer.class,
                VARIABLES_OF_THIS_RELEASE.toArray())).isZero();

        // 3. first start of this release
        moveClockTo("2027-09-20", 8);
        List<Map<String, Object>> rowsAfterUpgrade;
        List<Map<String, Object>> historyAfterUpgrade;
        try (Application app = Application.start(url)) {
            assertThat(app.flywayHistory()).as("V5 et suivantes rejouées, toutes réussies").isEqualTo(migrations);
            assertThat(app.flyway().info().pending()).isEmpty();
            assertThat(app.flyway().info().applied()).extracting(MigrationInfo::getState)
                    .containsOnly(MigrationState.SUCCESS);

            numeros.forEach(numero -> assertThat(app.said(numero)).as("convention " + numero)
                    .isEqualTo(before.get(numero)));
            // not equal by emptiness: the data is there, in the registry as in Cockpit
            String inForce = numeros.get(0);
            Said inForceSays = app.said(inForce);
            assertThat(inForceSays.current().orElseThrow().ecoles()).hasSize(3).contains(NEW_SCHOOL);
            assertThat(inForceSays.registryData().path("referentEnt").path("nom").asText()).isEqualTo("BERNARD Léa");
            assertThat(inForceSays.registryVersions()).hasSize(2);
            assertThat(inForceSays.registryLink()).isEqualTo(app.records().registryLink(inForce));
            assertThat(inForceSays.snapshot().path("version 2").asText())
                    .isEqualTo("signee depuis le 2027-01-11 (Avenant n° 1)");
            Said endedSays = app.said(numeros.get(1));
            assertThat(endedSays.registryData().path("exploitantEnt").asText()).isEqualTo("Exploitant Numérique SAS");
            assertThat(endedSays.registryVersions()).hasSize(1);
            assertThat(app.records().exists(numeros.get(3))).isTrue();
            assertThat(app.said(numeros.get(3)).versions()).isEmpty();
            assertThat(app.jdbc().queryForList(FINISHED_STEPS)).as("étapes du tableau de bord reprises de l'historique")
                    .isNotEmpty().isEqualTo(finishedSteps);
            rowsAfterUpgrade = app.rows();
            historyAfterUpgrade = app.jdbc().queryForList(
                    "select * from flyway_schema_history order by installed_rank");
        }

        // 4. a later start finds nothing to do, and a convention taken over in its circuit goes on to its signature
        moveClockTo("2027-09-21", 8);
        try (Application app = Application.start(url)) {
            assertThat(app.jdbc().queryForList("select * from flyway_schema_history order by installed_rank"))
                    .isEqualTo(historyAfterUpgrade);
            assertThat(app.rows()).as("rien n'est réécrit (enregistree_le compris)").isEqualTo(rowsAfterUpgrade);

            String inCircuit = numeros.get(2);
            for (String step : APPROVALS.subList(1, APPROVALS.size())) {
                app.complete(app.task(inCircuit, step), Circuits.approve());
            }
            app.complete(app.task(inCircuit, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR),
                    Circuits.recteurSigns("2027-09-21"));
            app.complete(app.task(inCircuit, SignatureCircuitProcess.TASK_UPLOAD_SIGNED_SCAN), Circuits.scanUploaded());
            app.executeDueJobs();
            assertThat(app.conventionVariable(inCircuit, ConventionVariables.STATUT))
                    .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
            assertThat(app.records().versions(inCircuit)).containsExactly(
                    new RecordedVersion(1, "signée", LocalDate.parse("2027-09-21"), ConventionVersions.INITIAL));
            assertThat(app.records().current(inCircuit)).isEqualTo(before.get(inCircuit).current());
        }
    }

    /**
     * Drops the tables created by the migrations after {@link #PREVIOUS_RELEASE} (dependants first), removes their
     * rows from Flyway's history and the variables this release adds. A later migration that changes anything else
     * than its own tables fails here: this step then has to learn how to undo it.
     */
    private static List<String> backToThePreviousRelease(JdbcTemplate jdbc, List<String> laterMigrationScripts) {
        Pattern createTable = Pattern.compile("(?is)\\s*create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)\\b.*");
        Pattern createIndex = Pattern.compile(
                "(?is)\\s*create\\s+(?:unique\\s+)?index\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)\\s+on\\s+(\\w+)\\b.*");
        Pattern alterTable = Pattern.compile(
                "(?is)\\s*(?:alter\\s+table|insert\\s+into|delete\\s+from|update)\\s+(\\w+)\\b.*");
        Pattern dropTable = Pattern.compile("(?is)\\s*drop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)\\s*");
        Pattern dropIndex = Pattern.compile("(?is)\\s*drop\\s+index\\s+(?:if\\s+exists\\s+)?(\\w+)\\s*");
        Set<String> tables = new LinkedHashSet<>();
        Set<String> droppedByLaterMigrations = new LinkedHashSet<>();
        Set<String> indexesOnOtherTables = new LinkedHashSet<>();
        for (String script : laterMigrationScripts) {
            for (String statement : statements(script)) {
                Matcher table = createTable.matcher(statement);
                Matcher index = createIndex.matcher(statement);
                Matcher alter = alterTable.matcher(statement);
                Matcher drop = dropTable.matcher(statement);
                Matcher dropOfIndex = dropIndex.matcher(statement);
                if (table.matches()) {
                    tables.add(table.group(1).toLowerCase());
                } else if (alter.matches() && tables.contains(alter.group(1).toLowerCase())) {
                    // a later change of a table that goes anyway, or the rows a migration gives it or takes back
                } else if (drop.matches() && !tables.contains(drop.group(1).toLowerCase())) {
                    droppedByLaterMigrations.add(drop.group(1).toLowerCase());
                } else if (dropOfIndex.matches() && indexesOnOtherTables.contains(dropOfIndex.group(1).toLowerCase())) {
                    // a later migration took back an index of an earlier one: there is none left to undo
                    indexesOnOtherTables.remove(dropOfIndex.group(1).toLowerCase());
                } else if (index.matches() && !tables.contains(index.group(2).toLowerCase())) {
                    // an index on an existing table (the engine's history, say): the previous release had none
                    indexesOnOtherTables.add(index.group(1).toLowerCase());
                } else if (!index.matches()) {
                    throw new AssertionError(script + " change plus que ses propres tables : apprendre à ce test"
                            + " à défaire « " + statement.strip() + " »");
                }
            }
        }
        List<String> dropped = new ArrayList<>(tables);
        Collections.reverse(dropped);
        dropped.forEach(table -> jdbc.execute("drop table " + table));
        indexesOnOtherTables.forEach(index -> jdbc.execute("drop index " + index));
        jdbc.update("delete from flyway_schema_history where cast(version as integer) > ?", PREVIOUS_RELEASE);
        putBack(jdbc, droppedByLaterMigrations);

        String names = String.join(", ", Collections.nCopies(VARIABLES_OF_THIS_RELEASE.size(), "?"));
        Object[] values = VARIABLES_OF_THIS_RELEASE.toArray();
        List<String> byteArrays = new ArrayList<>();
        for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
            byteArrays.addAll(jdbc.queryForList("select bytearray_id_ from " + table + " where name_ in (" + names
                    + ") and bytearray_id_ is not null", String.class, values));
            jdbc.update("delete from " + table + " where name_ in (" + names + ")", values);
        }
        byteArrays.forEach(id -> jdbc.update("delete from act_ge_bytearray where id_ = ?", id));
        // the end dates under the names of that release
        for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
            LEGACY_DATE_NAMES.forEach((now, then) -> jdbc.update("update " + table + " set name_ = ? where name_ = ?",
                    then, now));
        }
        return dropped;
    }

    /** Tables of the previous release that later migrations drop (the registry's copy): created again, empty. */
    private static void putBack(JdbcTemplate jdbc, Set<String> tables) {
        Pattern onTable = Pattern.compile("(?is)\\s*create\\s+(?:unique\\s+)?(?:table|index)\\s+(?:if\\s+not\\s+exists\\s+)?"
                + "(\\w+)(?:\\s+on\\s+(\\w+))?\\b.*");
        for (String script : List.of("V2__Registre_des_conventions.sql", "V3__Campagnes.sql",
                "V4__Index_echeance_des_jobs.sql")) {
            for (String statement : statements(script)) {
                Matcher create = onTable.matcher(statement);
                if (create.matches() && (tables.contains(create.group(1).toLowerCase())
                        || create.group(2) != null && tables.contains(create.group(2).toLowerCase()))) {
                    jdbc.execute(statement);
                }
            }
        }
    }

    private static List<String> statements(String script) {
        try {
            String sql = new ClassPathResource("db/migration/" + script).getContentAsString(StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            for (String statement : sql.replaceAll("--[^\n]*", "").split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveClockTo(String isoDay, int hour) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse(isoDay).atTime(LocalTime.of(hour, 0)).atZone(PARIS)
                .toInstant()));
    }

    /**
     * What the application says about a convention: its record (today's data, its versions and the data of each),
     * the registry's detail page as the DACES sees it, and on its running instance the registry link and Cockpit's
     * read-only copy.
     */
    record Said(Optional<ConventionData> current, List<RecordedVersion> versions, List<ConventionData> everyVersion,
                Map<String, String> registryLine, JsonNode registryData, JsonNode registryVersions, Object registryLink,
                JsonNode snapshot) {
    }

    /** The whole application (profiles postgres and test: jobs run by the test) on the test's database. */
    private static final class Application implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final RuntimeService runtimeService;
        private final TaskService taskService;
        private final ManagementService managementService;
        private final WebSession daces;

        private Application(ConfigurableApplicationContext context) {
            this.context = context;
            this.runtimeService = context.getBean(RuntimeService.class);
            this.taskService = context.getBean(TaskService.class);
            this.managementService = context.getBean(ManagementService.class);
            this.daces = WebSession.loggedIn(context.getEnvironment().getRequiredProperty("local.server.port",
                    Integer.class), "daces");
        }

        static Application start(String url) {
            Path data = DATA;
            return new Application(new SpringApplicationBuilder(ConventionEntApplication.class)
                    .profiles("postgres", "test")
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres", "--server.port=0",
                            "--spring.mail.port=" + SMTP_PORT,
                            "--convention.courriel.dossier=" + data.resolve("courriels"),
                            "--convention.documents.repertoire-partage=" + data.resolve("repertoire-partage"),
                            "--convention.documents.archives=" + data.resolve("archives"),
                            "--convention.aaf.depot=" + data.resolve("aaf/depot"),
                            "--convention.aaf.archives=" + data.resolve("aaf/archives"),
                            "--convention.aaf.cles=" + data.resolve("aaf/cles")));
        }

        ConventionRecords records() {
            return context.getBean(ConventionRecords.class);
        }

        JdbcTemplate jdbc() {
            return context.getBean(JdbcTemplate.class);
        }

        Flyway flyway() {
            return context.getBean(Flyway.class);
        }

        List<Map<String, Object>> flywayHistory() {
            return jdbc().queryForList("select version, description, type, script, checksum, success"
                    + " from flyway_schema_history order by installed_rank");
        }

        /** Every row of the convention tables. */
        List<Map<String, Object>> rows() {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String table : CONVENTION_TABLES) {
                rows.addAll(jdbc().queryForList("select '" + table + "' as table_name, t.* from " + table
                        + " t order by 2, 3, 4"));
            }
            return rows;
        }

        Said said(String numero) {
            JsonNode detail = registryDetail(numero);
            List<ConventionData> everyVersion = records().versions(numero).stream()
                    .map(version -> records().version(numero, version.version()).orElseThrow()).toList();
            ProcessInstance instance = conventionInstance(numero);
            Object link = instance == null ? null
                    : runtimeService.getVariable(instance.getId(), ConventionRecords.REGISTRY_LINK);
            JsonNode snapshot = instance == null ? NullNode.getInstance()
                    : JsonVariables.read(runtimeService.getVariable(instance.getId(), ConventionRecords.SNAPSHOT));
            Map<String, String> line = new LinkedHashMap<>();
            for (String field : REGISTRY_LINE) {
                line.put(field, detail.path("convention").path(field).asText(null));
            }
            return new Said(records().current(numero), records().versions(numero), everyVersion, line,
                    detail.path("donnees"), detail.path("versions"), link, snapshot);
        }

        private JsonNode registryDetail(String numero) {
            var response = daces.get("/registre/api/conventions/" + numero);
            assertThat(response.statusCode()).as("fiche du registre de " + numero).isEqualTo(200);
            try {
                return new ObjectMapper().readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ProcessInstance conventionInstance(String numero) {
            return runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                    .processInstanceBusinessKey(numero).singleResult();
        }

        Object conventionVariable(String numero, String name) {
            return runtimeService.getVariable(conventionInstance(numero).getId(), name);
        }

        String startConvention(String insee) {
            ProcessInstance convention = runtimeService.startProcessInstanceByKey(ConventionProcess.KEY,
                    Map.of(ConventionVariables.COMMUNE_INSEE, insee));
            return (String) runtimeService.getVariable(convention.getId(), ConventionVariables.CONVENTION_NUMERO);
        }

        /** The one open task about a convention still in preparation or in its circuit. */
        Task openTask(String numero) {
            return taskService.createTaskQuery().processInstanceBusinessKey(numero).singleResult();
        }

        Task task(String numero, String taskDefinitionKey) {
            return taskService.createTaskQuery().processInstanceBusinessKey(numero)
                    .taskDefinitionKey(taskDefinitionKey).singleResult();
        }

        void complete(Task task, Map<String, Object> variables) {
            taskService.complete(task.getId(), variables);
        }

        /** Completed by the commune, signed by the Recteur on {@code signature}, in force. */
        String signedConvention(String insee, String commune, String signature) {
            moveClockTo(signature, 9);
            String numero = startConvention(insee);
            complete(openTask(numero), SampleConventions.completion(insee, commune, 2));
            complete(openTask(numero), Circuits.signedCopies());
            for (String step : APPROVALS) {
                complete(task(numero, step), Circuits.approve());
            }
            complete(openTask(numero), Circuits.recteurSigns(signature));
            complete(openTask(numero), Circuits.scanUploaded());
            executeDueJobs();
            assertThat(conventionVariable(numero, ConventionVariables.STATUT))
                    .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
            return numero;
        }

        void restoreLegacyVariables(String numero) {
            LegacyVariables.restore(runtimeService, records(), conventionInstance(numero).getId(), numero);
        }

        /** Avenant n° 1 proposed by the commune (a school added, a new référent), signed on {@code signature}. */
        void applyAvenant(String numero, String signature) {
            moveClockTo(signature, 9);
            IdentityService identity = context.getBean(IdentityService.class);
            identity.setAuthentication("mairie.versailles", List.of(Groups.commune("78646")));
            try {
                runtimeService.startProcessInstanceByKey(AvenantProcess.KEY,
                        Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
            } finally {
                identity.clearAuthentication();
            }
            Task draft = task(numero, AvenantProcess.TASK_DRAFT);
            List<Ecole> ecoles = new ArrayList<>(JsonVariables.readList(
                    taskService.getVariable(draft.getId(), ConventionVariables.ECOLES), Ecole.class));
            ecoles.add(NEW_SCHOOL);
            Map<String, Object> proposal = new HashMap<>();
            proposal.put(AvenantProcess.OBJET, "Ouverture de l'ENT à l'école maternelle Les Lilas");
            proposal.put(AvenantProcess.CLAUSES, "L'article 5 est complété : une formation est organisée.");
            proposal.put(ConventionVariables.ECOLES, JsonVariables.write(ecoles));
            proposal.put(ConventionVariables.REFERENT_ENT, JsonVariables.write(NEW_REFERENT));
            proposal.put(AvenantProcess.ABANDONNER, false);
            complete(draft, proposal);
            complete(task(numero, AvenantProcess.TASK_REVIEW_OBJECTIVES),
                    SampleConventions.decision(ConventionVariables.DECISION_VALIDER, null));
            complete(task(numero, SignatureCircuitProcess.TASK_SIGN_COPIES), Circuits.signedCopies());
            for (String step : APPROVALS) {
                complete(task(numero, step), Circuits.approve());
            }
            complete(task(numero, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR), Circuits.recteurSigns(signature));
            complete(task(numero, SignatureCircuitProcess.TASK_UPLOAD_SIGNED_SCAN), Circuits.scanUploaded());
            executeDueJobs();
            assertThat(conventionVariable(numero, ConventionVariables.VERSION)).isEqualTo(2);
        }

        /** The commune denounces on {@code notification}; three months later the convention has ended. */
        void denounceUntilTheEndOfNotice(String numero, String notification) {
            moveClockTo(notification, 10);
            ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY, Map.of(
                    ConventionVariables.CONVENTION_NUMERO, numero, ConventionVariables.PARTIE_INITIATRICE, "commune",
                    DenonciationProcess.MOTIF_DENONCIATION, "La commune rejoint l'ENT départemental."));
            complete(task(numero, DenonciationProcess.TASK_NOTIFY), Map.of(
                    DenonciationProcess.DECISION_DENONCIATION, DenonciationProcess.DECISION_NOTIFIER,
                    DenonciationProcess.DATE_NOTIFICATION, notification));
            Job noticeEnds = managementService.createJobQuery().processInstanceId(denonciation.getId())
                    .activityId(DenonciationProcess.TIMER_NOTICE_ENDS).timers().singleResult();
            ClockUtil.setCurrentTime(Date.from(noticeEnds.getDuedate().toInstant().plusSeconds(60)));
            executeDueJobs();
        }

        /** Executes every job due now (async steps, mails, fired timers) until none is left. */
        void executeDueJobs() {
            for (int round = 0; round < 100; round++) {
                List<Job> jobs = managementService.createJobQuery().executable().list();
                if (jobs.isEmpty()) {
                    return;
                }
                jobs.forEach(job -> managementService.executeJob(job.getId()));
            }
            throw new AssertionError("Des tâches techniques restent exécutables après 100 tours");
        }

        void moveClockTo(String isoDay, int hour) {
            UpgradeFromVariablesPostgresTest.moveClockTo(isoDay, hour);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
