package fr.conventionent.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.LegacyVariables;
import fr.conventionent.support.WebSession;

/**
 * What a convention says is owned by the application's tables: recorded when the commune's text is validated, marked
 * signed with the Recteur's signature, shown read-only in Cockpit, and rebuilt from the processes' variables for the
 * conventions of an earlier release. Runs on H2 here and on PostgreSQL in {@link ConventionRecordsPostgresTest}.
 */
class ConventionRecordsTest extends ConventionLifeTest {

    @Autowired
    ConventionRecords records;
    @Autowired
    ConventionRecordBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void theCommunesTextIsRecordedThenSignedAsVersionOne() {
        ProcessInstance convention = startConvention("78646");
        String numero = numero(convention);
        assertThat(records.exists(numero)).isTrue();
        assertThat(records.latest(numero)).isEmpty();
        assertThat(runtimeService.getVariable(convention.getId(), ConventionRecords.REGISTRY_LINK))
                .isEqualTo("http://127.0.0.1:8080/registre/#" + numero);

        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));

        ConventionData draft = records.latest(numero).orElseThrow();
        assertThat(draft.maireNom()).isEqualTo("Mme Catherine Martin");
        assertThat(draft.ecoles()).hasSize(2);
        assertThat(draft.correspondantsTechniques()).isNotEmpty();
        assertThat(states(numero)).containsExactly("1 en-preparation null null");
        assertThat(runtimeService.getVariable(convention.getId(), ConventionRecords.SNAPSHOT).toString())
                .contains("Mme Catherine Martin", "lecture seule");
    }

    @Test
    void theSignedConventionIsVersionOneInForceFromItsSignature() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        assertThat(states(numero)).containsExactly("1 signee 2026-09-15 Convention initiale");
        assertThat(records.current(numero).orElseThrow()).isEqualTo(ConventionDataMapper.normalize(
                ConventionDataMapper.read(SampleConventions.completion("78646", "Versailles", 2))));
    }

    @Test
    void theRegistryShowsWhatTheConventionSaysAndItsVersions() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        JsonNode detail = new ObjectMapper().readTree(WebSession.loggedIn(port, "daces")
                .get("/registre/api/conventions/" + numero).body());

        assertThat(detail.path("donnees").path("maireNom").asText()).isEqualTo("Mme Catherine Martin");
        assertThat(detail.path("donnees").path("exploitantEnt").asText()).isEqualTo("Exploitant Numérique SAS");
        assertThat(detail.path("donnees").path("ecoles")).hasSize(2);
        assertThat(detail.path("versions")).hasSize(1);
        assertThat(detail.path("versions").get(0).path("etat").asText()).isEqualTo("signée");
        assertThat(detail.path("versions").get(0).path("depuis").asText()).isEqualTo("2026-09-15");
    }

    @Test
    void conventionsOfAnEarlierReleaseAreTakenFromTheirVariablesAtStart() {
        ProcessInstance signed = signedConvention("2026-09-15");
        ProcessInstance completed = startConvention("92050");
        taskService.complete(openTask(completed).getId(), SampleConventions.completion("92050", "Nanterre", 3));
        ProcessInstance opened = startConvention("91228");
        Map<String, List<String>> before = Map.of(numero(signed), states(numero(signed)), numero(completed),
                states(numero(completed)));
        ConventionData signedData = records.current(numero(signed)).orElseThrow();
        ConventionData completedData = records.current(numero(completed)).orElseThrow();
        // a database of the previous release: the same conventions, their data in variables, no record
        LegacyVariables.restore(runtimeService, records, signed.getId(), numero(signed));
        ConventionTables.empty(jdbc);

        backfill.run(null);
        backfill.run(null);

        before.forEach((numero, states) -> assertThat(states(numero)).isEqualTo(states));
        assertThat(records.current(numero(signed))).contains(signedData);
        assertThat(records.current(numero(completed))).contains(completedData);
        assertThat(records.exists(numero(opened))).isTrue();
        assertThat(records.latest(numero(opened))).isEmpty();
    }

    private List<String> states(String numero) {
        return jdbc.queryForList("select version || ' ' || etat || ' ' || coalesce(cast(depuis as varchar(10)),"
                + " 'null') || ' ' || coalesce(origine, 'null') from convention_version where numero = ?"
                + " order by version", String.class, numero);
    }
}
