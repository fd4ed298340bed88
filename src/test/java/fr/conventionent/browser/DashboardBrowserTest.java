package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.support.AxeAudit;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;

/**
 * The dashboard page as the DACES reads it: every chart drawn with its data table and its CSV link, no serious or
 * critical axe-core violation, and filters that end up in the address (so that a view can be bookmarked). Screenshots
 * in target/screenshots/tableau-de-bord/.
 */
class DashboardBrowserTest extends ConventionLifeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void requireChromiumAndAxe() throws Exception {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
        AxeAudit.requireAxe();
        ConventionTables.empty(jdbc);
        jdbc.update("DELETE FROM etape_terminee");
        jdbc.update("DELETE FROM etape_duree_mois");
    }

    @Test
    void theDacesReadsEveryChartWithItsTableAndKeepsTheFiltersInTheAddress() throws Exception {
        signedConvention("78646", "Versailles", "2026-01-20");
        moveClockTo("2026-01-05", 9);
        ProcessInstance nanterre = startConvention("92050");
        moveClockTo("2026-01-07", 9);
        taskService.complete(openTask(nanterre).getId(), SampleConventions.completion("92050", "Nanterre", 1));
        taskService.complete(openTask(nanterre).getId(), Circuits.signedCopies());
        moveClockTo("2026-01-19", 9);
        taskService.complete(openTask(nanterre).getId(), Circuits.reject("Annexe 1 incomplète"));
        startConvention("91228");
        moveClockTo("2026-03-01", 9);

        try (TasklistBrowser browser = new TasklistBrowser(port, "tableau-de-bord")) {
            browser.open("/registre/tableau-de-bord.html");
            browser.waitForText("Connectez-vous à la liste des tâches");
            assertAccessible(browser, "tableau de bord sans connexion");

            browser.login("daces");
            browser.open("/registre/tableau-de-bord.html?du=2026-01-01&au=2026-02-28&seuil=20");
            browser.waitForText("Échéances des 12 prochains mois");
            waitUntilLoaded(browser);
            assertThat(browser.pageText()).contains("toutes les conventions de l'académie", "Durée des étapes du circuit",
                    "Rejets par étape", "annexe 1 incomplete", "Couverture des communes", "Conventions bloquées",
                    "Santé des livraisons AAF", "Incidents de sécurité");
            assertThat(browser.driver().findElements(By.cssSelector("bar-chart"))).hasSizeGreaterThanOrEqualTo(4);
            List<WebElement> tables = browser.driver().findElements(By.cssSelector("#graphiques table"));
            List<WebElement> csvLinks = browser.driver().findElements(By.cssSelector("#graphiques a[href*='.csv?']"));
            assertThat(tables).hasSize(9);
            assertThat(csvLinks).hasSize(9);
            assertThat(csvLinks.get(0).getDomAttribute("href")).contains("du=2026-01-01", "au=2026-02-28", "seuil=20");
            browser.screenshot("haut-de-page");
            scrollTo(browser, "#graphique-couverture");
            browser.screenshot("couverture");
            assertAccessible(browser, "tableau de bord de la DACES");

            new Select(browser.driver().findElement(By.id("filtre-par"))).selectByValue("circonscription");
            new Select(browser.driver().findElement(By.id("filtre-departement"))).selectByValue("92");
            browser.driver().findElement(By.cssSelector("#filtres button[type=submit]")).click();
            browser.waitForText("nanterre");
            waitUntilLoaded(browser);
            assertThat(browser.driver().getCurrentUrl()).contains("par=circonscription", "departement=92",
                    "du=2026-01-01");
            assertThat(browser.driver().findElement(By.cssSelector("#graphique-couverture tbody")).getText())
                    .startsWith("nanterre").doesNotContain("versailles");
            browser.driver().navigate().refresh();
            waitUntilLoaded(browser);
            assertThat(new Select(browser.driver().findElement(By.id("filtre-departement"))).getFirstSelectedOption()
                    .getText()).as("les filtres reviennent de l'adresse").isEqualTo("92");
        }
    }

    @Test
    void theRegistryLinksToTheDashboardOnlyForThoseWhoMayOpenIt() throws Exception {
        signedConvention("78646", "Versailles", "2026-01-20");
        try (TasklistBrowser browser = new TasklistBrowser(port, "tableau-de-bord-lien")) {
            browser.login("mairie.versailles");
            browser.open("/registre/");
            browser.waitForText("Vous voyez");
            assertThat(browser.driver().findElement(By.id("lien-tableau-de-bord")).isDisplayed())
                    .as("un agent communal aurait un 403 sur le tableau de bord").isFalse();
            assertThat(browser.driver().findElements(By.linkText("Tableau de bord"))).allMatch(link -> !link.isDisplayed());
            browser.screenshot("registre-commune");
        }
        try (TasklistBrowser browser = new TasklistBrowser(port, "tableau-de-bord-lien")) {
            browser.login("ien.versailles");
            browser.open("/registre/");
            browser.waitForText("Vous voyez");
            WebElement link = browser.driver().findElement(By.cssSelector("#lien-tableau-de-bord a"));
            assertThat(link.isDisplayed()).isTrue();
            link.click();
            browser.waitForText("Échéances des 12 prochains mois");
            assertThat(browser.driver().getCurrentUrl()).contains("/registre/tableau-de-bord.html");
        }
    }

    private static void waitUntilLoaded(TasklistBrowser browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(driver -> "oui".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-charge")));
    }

    private static void scrollTo(TasklistBrowser browser, String selector) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(arguments[0]).scrollIntoView()", selector);
    }

    private static void assertAccessible(TasklistBrowser browser, String page) throws Exception {
        List<AxeAudit.Violation> violations = AxeAudit.seriousOrCritical(browser.driver(), page);
        assertThat(violations).as(page + " : " + AxeAudit.describe(violations)).isEmpty();
    }
}
