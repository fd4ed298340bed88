package fr.conventionent.identity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.ConventionEntApplication;
import fr.conventionent.support.EngineTest;

/**
 * Local accounts as the postgres profile runs them: Camunda's password policy on, and login throttling (a wrong
 * password delays the next attempt, too many lock the account until an administrator unlocks it).
 */
class LocalAccountsTest extends EngineTest {

    private static final String STRONG = "Convention-Ent-2026";
    private static final String AGENT = "agent.local";
    private static final String AGENT_PASSWORD = "Agent-Local-2026!";

    @DynamicPropertySource
    static void productionPolicy(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.generic-properties.properties.enable-password-policy", () -> "true");
        registry.add("camunda.bpm.admin-user.password", () -> STRONG);
        registry.add("convention.demo-data", () -> "false");
        // a database of its own: admin/admin and the demo users of the other test contexts are not in it
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:convention-comptes-locaux;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    IdentityService identityService;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void anAgentWithAStrongPassword() {
        User agent = identityService.newUser(AGENT);
        agent.setPassword(AGENT_PASSWORD);
        identityService.saveUser(agent);
    }

    @AfterEach
    void removeAgent() {
        identityService.deleteUser(AGENT);
    }

    @Test
    void weakPasswordIsRefusedForALocalAccount() {
        User weak = identityService.newUser("agent.faible");
        weak.setPassword("agent");
        assertThatThrownBy(() -> identityService.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
        assertThat(identityService.createUserQuery().userId("agent.faible").count()).isZero();
        assertThat(identityService.checkPasswordAgainstPolicy("motdepasse").isValid()).isFalse();

        User agent = identityService.createUserQuery().userId(AGENT).singleResult();
        agent.setPassword("1234");
        assertThatThrownBy(() -> identityService.saveUser(agent)).isInstanceOf(ProcessEngineException.class);
        assertThat(identityService.checkPassword(AGENT, AGENT_PASSWORD)).as("old password kept").isTrue();
    }

    @Test
    void weakPasswordThroughTheRestApiGetsTheRulesInFrench() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = rest.withBasicAuth("admin", STRONG).exchange(
                "/engine-rest/user/" + AGENT + "/credentials", HttpMethod.PUT,
                new HttpEntity<>("{\"password\": \"1234\", \"authenticatedUserPassword\": \"" + STRONG + "\"}", json),
                String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("Mot de passe refusé", "compter au moins 10 caractères")
                .doesNotContain("Exception", "policy");
        assertThat(identityService.checkPassword(AGENT, AGENT_PASSWORD)).as("old password kept").isTrue();

        ResponseEntity<String> creation = rest.withBasicAuth("admin", STRONG).postForEntity("/engine-rest/user/create",
                new HttpEntity<>("{\"profile\": {\"id\": \"agent.nouveau\"}, \"credentials\": {\"password\": \"abc\"}}",
                        json), String.class);
        assertThat(creation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(creation.getBody()).contains("Mot de passe refusé");
        assertThat(identityService.createUserQuery().userId("agent.nouveau").count()).isZero();
    }

    @Test
    void adminAccountIsCreatedWithItsStrongPasswordAndNoDemoUser() {
        assertThat(rest.withBasicAuth("admin", STRONG).getForEntity("/engine-rest/user?id=admin", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identityService.createUserQuery().count()).as("admin and the test's agent only").isEqualTo(2);
    }

    @Test
    void aWrongPasswordDelaysTheNextAttempt() {
        assertThat(identityService.checkPassword(AGENT, "mauvais")).isFalse();

        UserEntity agent = entity();
        assertThat(agent.getAttempts()).isEqualTo(1);
        assertThat(agent.getLockExpirationTime()).isAfter(ClockUtil.getCurrentTime());
        assertThat(identityService.checkPassword(AGENT, AGENT_PASSWORD)).as("even the right password waits").isFalse();

        moveClockBy(Duration.ofSeconds(4));
        assertThat(identityService.checkPassword(AGENT, AGENT_PASSWORD)).isTrue();
        assertThat(entity().getAttempts()).isZero();
    }

    @Test
    void tooManyWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(identityService.checkPassword(AGENT, "mauvais-" + attempt)).isFalse();
            moveClockBy(Duration.ofSeconds(61)); // past the longest delay: only the count matters here
        }
        moveClockBy(Duration.ofDays(1));
        assertThat(identityService.checkPassword(AGENT, AGENT_PASSWORD)).as("locked").isFalse();
        assertThat(rest.withBasicAuth(AGENT, AGENT_PASSWORD).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        identityService.unlockUser(AGENT);

        assertThat(identityService.checkPassword(AGENT, AGENT_PASSWORD)).isTrue();
    }

    @Test
    void weakAdministratorPasswordStopsTheStartWithAFrenchMessage() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(ConventionEntApplication.class)
                .profiles("test");
        String[] production = {"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:convention-admin-faible",
                "--camunda.bpm.generic-properties.properties.enable-password-policy=true",
                "--camunda.bpm.admin-user.password=admin"};

        assertThatThrownBy(() -> application.run(production).close()).rootCause()
                .hasMessageContaining("Mot de passe de l'administrateur « admin » (CONVENTION_ADMIN_PASSWORD) trop faible")
                .hasMessageContaining("compter au moins 10 caractères")
                .hasMessageContaining("ne contenir ni l'identifiant");
    }

    private UserEntity entity() {
        return (UserEntity) identityService.createUserQuery().userId(AGENT).singleResult();
    }
}
