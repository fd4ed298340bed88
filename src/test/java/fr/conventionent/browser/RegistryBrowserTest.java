package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.TasklistBrowser;
import fr.conventionent.support.RequiredTool;

/**
 * The registry page in headless chromium, reached from Tasklist's header with the same login: the DACES filters the
 * conventions and opens one; a commune sees only its own. Screenshots in target/screenshots/registre/.
 */
class RegistryBrowserTest extends ConventionLifeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void requireChromium() {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
        ConventionTables.empty(jdbc);
    }

    @Test
    void theDacesFollowsTheConventionsFromTasklistsHeader() throws Exception {
        String versailles = numero(signedConvention("78646", "Versailles", "2026-03-02"));
        String nanterre = numero(startConvention("92050"));

        try (TasklistBrowser browser = new TasklistBrowser(port, "registre")) {
            browser.login("daces");
            browser.clickLink("Registre des conventions");
            browser.waitForText("Vous voyez toutes les conventions de l'académie.");
            browser.waitForText(nanterre);
            assertThat(browser.pageText()).contains(versailles, "en vigueur", "02/03/2030",
                    "en préparation à l'étape « Compléter la convention »");
            Path list = browser.screenshot("registre-daces");
            assertThat(Files.size(list)).isPositive();

            browser.select("select[name=statut]", "en-vigueur");
            browser.click("#filtres button[type=submit]");
            browser.waitForText("1 convention");
            assertThat(browser.pageText()).contains(versailles).doesNotContain(nanterre);
            browser.clickLink(versailles);
            browser.waitForText("Convention " + versailles + " – commune de Versailles");
            browser.waitForText("Convention signée (scan PDF)");
            assertThat(browser.pageText()).contains("Bordereau de circuit (DOCX)", "validée");
            browser.screenshot("detail-convention");

            browser.login("mairie.versailles");
            browser.clickLink("Registre des conventions");
            browser.waitForText("Vous voyez les conventions de : commune 78646.");
            browser.waitForText(versailles);
            assertThat(browser.pageText()).doesNotContain(nanterre);
            browser.screenshot("registre-commune");
        }
    }
}
