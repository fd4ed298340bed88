package fr.conventionent.identity.proconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;
import fr.conventionent.support.proconnect.ProConnectTestProvider;
import fr.conventionent.support.proconnect.ProConnectTestProvider.Signature;

/**
 * Commune agents log in through a real OpenID Connect provider (shaped like ProConnect, on its own port) in
 * chromium: one login opens Tasklist and the registry; an unknown organisation, or an ID token or a userinfo answer
 * the provider's key did not sign, opens nothing and creates no account; logout ends the provider's session too.
 * Screenshots in target/screenshots/proconnect/.
 */
class ProConnectLoginBrowserTest extends ConventionLifeTest {

    private static final ProConnectTestProvider PROVIDER = ProConnectTestProvider.start();

    @DynamicPropertySource
    static void proConnect(DynamicPropertyRegistry registry) {
        registry.add("convention.proconnect.emetteur", PROVIDER::issuer);
        registry.add("convention.proconnect.client-id", () -> ProConnectTestProvider.CLIENT_ID);
        registry.add("convention.proconnect.client-secret", () -> ProConnectTestProvider.CLIENT_SECRET);
        registry.add("convention.proconnect.contact-daces", () -> "daces@ac-versailles.fr");
        // a database of its own: the accounts this test creates stay out of the other test contexts
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:convention-proconnect;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identities;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void providerKnowsTheApplication() {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
        PROVIDER.clientOf(application(""));
        PROVIDER.signIdTokens(Signature.PROVIDER_KEY);
        PROVIDER.signUserInfo(Signature.PROVIDER_KEY);
        ConventionTables.empty(jdbc);
    }

    @AfterEach
    void removeAgents() {
        agents().forEach(agent -> identities.deleteUser(agent.getId()));
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void communeAgentLandsInTasklistWithTheCommunesTasksAndOpensTheRegistryWithoutASecondLogin() throws Exception {
        String versailles = numero(startConvention("78646"));
        String nanterre = numero(startConvention("92050"));

        try (TasklistBrowser browser = new TasklistBrowser(port, "proconnect")) {
            logInThroughProvider(browser, ProConnectTestProvider.AGENT_VERSAILLES);

            browser.waitForTasklist();
            assertThat(browser.currentUrl()).startsWith(application("/camunda/app/tasklist/default/"));
            browser.clickLink("Tâches de mon groupe");
            browser.waitForText("Compléter la convention");
            assertThat(browser.count(".tasks-list li.task")).as("Versailles's task only, not Nanterre's").isEqualTo(1);
            browser.screenshot("tasklist-agent");

            browser.clickLink("Registre des conventions");
            browser.waitForText("Vous voyez les conventions de : commune 78646.");
            browser.waitForText(versailles);
            assertThat(browser.pageText()).doesNotContain(nanterre);
            browser.screenshot("registre-agent");
        }

        User agent = agents().get(0);
        assertThat(agent.getFirstName()).isEqualTo("Claire");
        assertThat(agent.getLastName()).isEqualTo("Dupont");
        assertThat(agent.getEmail()).isEqualTo("claire.dupont@versailles.example");
        assertThat(identities.createGroupQuery().groupMember(agent.getId()).list())
                .extracting(group -> group.getId()).containsExactly("commune-78646");
    }

    @Test
    void organisationThatIsNoCommuneIsRefusedWithAFrenchPageAndNothingIsCreated() throws Exception {
        try (TasklistBrowser browser = new TasklistBrowser(port, "proconnect")) {
            logInThroughProvider(browser, ProConnectTestProvider.AGENT_INCONNU);

            browser.waitForText("Accès refusé : organisation sans convention");
            assertThat(browser.pageText()).contains("Votre organisation (SIRET 11002001300097) n'est partie à aucune"
                    + " convention ENT de l'académie", "daces@ac-versailles.fr");
            browser.screenshot("organisation-inconnue");

            browser.visit(application("/camunda/app/tasklist/default/"));
            browser.waitForElement("input[ng-model=username]");
            assertThat(browser.pageText()).as("no session: Camunda's login form").doesNotContain("Démarrer un processus");
        }
        assertThat(agents()).isEmpty();
    }

    @Test
    void idTokenForgedOrUnsignedIsRefusedAndCreatesNothing() throws Exception {
        try (TasklistBrowser browser = new TasklistBrowser(port, "proconnect")) {
            PROVIDER.signIdTokens(Signature.FOREIGN_KEY);
            logInThroughProvider(browser, ProConnectTestProvider.AGENT_VERSAILLES);
            assertLoginRefused(browser, "jeton-falsifie");

            PROVIDER.signIdTokens(Signature.NONE);
            logInAgainThroughProvider(browser);
            assertLoginRefused(browser, "jeton-non-signe");

            PROVIDER.signIdTokens(Signature.PROVIDER_KEY);
            logInAgainThroughProvider(browser);
            browser.waitForTasklist();
        }
        assertThat(agents()).as("the same login, with a token signed by the published key, opens Tasklist").hasSize(1);
    }

    @Test
    void userInfoForgedOrUnsignedIsRefusedAndCreatesNothing() throws Exception {
        try (TasklistBrowser browser = new TasklistBrowser(port, "proconnect")) {
            PROVIDER.signUserInfo(Signature.FOREIGN_KEY);
            logInThroughProvider(browser, ProConnectTestProvider.AGENT_VERSAILLES);
            assertLoginRefused(browser, "userinfo-falsifie");

            PROVIDER.signUserInfo(Signature.NONE);
            logInAgainThroughProvider(browser);
            assertLoginRefused(browser, "userinfo-non-signe");

            PROVIDER.signUserInfo(Signature.PROVIDER_KEY);
            logInAgainThroughProvider(browser);
            browser.waitForTasklist();
        }
        assertThat(agents()).as("the signed userinfo, as ProConnect sends it, opens Tasklist").hasSize(1);
    }

    /** The French page of a failed login, and no account. */
    private void assertLoginRefused(TasklistBrowser browser, String screenshot) throws Exception {
        browser.waitForText("La connexion par ProConnect n'a pas abouti.");
        assertThat(browser.currentUrl()).isEqualTo(application("/connexion?echec"));
        browser.screenshot(screenshot);
        assertThat(agents()).as("no account from what the provider's key did not sign").isEmpty();
    }

    /** From the plain login page (the provider remembers the agent: no password asked). */
    private void logInAgainThroughProvider(TasklistBrowser browser) {
        browser.visit(application("/connexion"));
        browser.clickLink("Se connecter avec ProConnect");
    }

    @Test
    void tasklistsLogoutEndsTheProviderSessionToo() throws Exception {
        try (TasklistBrowser browser = new TasklistBrowser(port, "proconnect")) {
            logInThroughProvider(browser, ProConnectTestProvider.AGENT_VERSAILLES);
            browser.waitForTasklist();

            browser.click("li.logout a");

            browser.waitForText("Vous êtes déconnecté de Convention ENT et de ProConnect.");
            assertThat(browser.currentUrl()).isEqualTo(application("/connexion?deconnecte"));
            browser.screenshot("deconnecte");

            browser.clickLink("Se connecter avec ProConnect");
            browser.waitForText("Please sign in");
            assertThat(browser.currentUrl()).as("the provider asks for the password again").startsWith(PROVIDER.issuer());
        }
    }

    private void logInThroughProvider(TasklistBrowser browser, String agent) throws Exception {
        browser.visit(application("/connexion"));
        browser.clickLink("Se connecter avec ProConnect");
        browser.type("input#username", agent);
        browser.type("input#password", ProConnectTestProvider.PASSWORD);
        browser.click("button[type=submit]");
    }

    private java.util.List<User> agents() {
        return identities.createUserQuery().list().stream().filter(user -> user.getId().startsWith("pc.")).toList();
    }

    private String application(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
