package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.support.AxeAudit;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;

/**
 * The registry's pages (DSFR) as the RGAA asks: axe-core finds no serious or critical violation on the list, a
 * convention's record, the campaigns, and the pages that tell an error (not logged in, unknown convention, unknown
 * page); and the filters and the pagination work with the keyboard alone. Screenshots in target/screenshots/accessibilite/.
 */
class RegistryAccessibilityBrowserTest extends ConventionLifeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void requireChromiumAndAxe() throws Exception {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
        AxeAudit.requireAxe();
        ConventionTables.empty(jdbc);
    }

    @Test
    void noPageOfTheRegistryHasASeriousAccessibilityViolation() throws Exception {
        String versailles = numero(signedConvention("78646", "Versailles", "2026-03-02"));

        try (TasklistBrowser browser = new TasklistBrowser(port, "accessibilite")) {
            browser.open("/registre/");
            browser.waitForText("Connectez-vous à la liste des tâches");
            assertAccessible(browser, "registre sans connexion");

            browser.login("daces");
            browser.open("/registre/");
            browser.waitForText(versailles);
            Path list = browser.screenshot("registre");
            assertThat(Files.size(list)).isPositive();
            assertAccessible(browser, "liste du registre");

            browser.clickLink(versailles);
            browser.waitForText("Convention signée (scan PDF)");
            browser.screenshot("fiche");
            assertAccessible(browser, "fiche d'une convention");

            browser.open("/registre/index.html#CONV-00000-1999-01");
            browser.waitForText("Aucune convention n° « CONV-00000-1999-01 » dans votre registre");
            browser.screenshot("convention-inconnue");
            assertAccessible(browser, "convention inconnue");

            browser.open("/registre/page-qui-n-existe-pas");
            browser.waitForText("Page non trouvée");
            assertThat(browser.pageText()).contains("Erreur 404", "Registre des conventions").doesNotContain("Whitelabel");
            browser.screenshot("page-non-trouvee");
            assertAccessible(browser, "page non trouvée (404)");

            browser.open("/registre/campagnes.html");
            browser.waitForText("Nouvelle campagne");
            browser.screenshot("campagnes");
            assertAccessible(browser, "campagnes");
        }
    }

    @Test
    void filtersAndPagingWorkWithTheKeyboardAlone() throws Exception {
        LocalDate signed = LocalDate.now().minusYears(1);
        insert(55, "91", ConventionProcess.STATUT_EN_VIGUEUR, signed);
        insert(5, "92", ConventionProcess.STATUT_EN_VIGUEUR, signed);

        try (TasklistBrowser browser = new TasklistBrowser(port, "clavier")) {
            browser.login("daces");
            browser.open("/registre/");
            browser.waitForText("60 conventions");
            WebDriver driver = browser.driver();

            tabTo(driver, "filtre-statut");
            focused(driver).sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
            assertThat(focused(driver).getDomProperty("value")).isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
            tabTo(driver, "filtre-departement");
            focused(driver).sendKeys("91", Keys.ENTER);
            browser.waitForText("55 conventions");
            browser.waitForText("page 1 sur 2");
            List<String> firstPage = numbers(driver);
            assertThat(firstPage).hasSize(50).allMatch(n -> n.startsWith("CONV-91"));

            tabTo(driver, "page-suivante");
            focused(driver).sendKeys(Keys.ENTER);
            browser.waitForText("page 2 sur 2");
            assertThat(focused(driver).getDomAttribute("aria-current")).as("le focus reste dans la pagination")
                    .isEqualTo("page");
            List<String> secondPage = numbers(driver);
            browser.screenshot("page-2");
            assertThat(secondPage).hasSize(5).allMatch(n -> n.startsWith("CONV-91")).doesNotContainAnyElementsOf(firstPage);

            tabBackTo(driver, "tri-numero");
            focused(driver).sendKeys(Keys.ENTER);
            browser.waitForText("page 1 sur 2");
            assertThat(numbers(driver)).as("tri décroissant des numéros").startsWith(secondPage.get(4));
            assertThat(driver.findElement(By.cssSelector("th[data-tri=numero]")).getDomAttribute("aria-sort"))
                    .isEqualTo("descending");
        }
    }

    private static void assertAccessible(TasklistBrowser browser, String page) throws Exception {
        List<AxeAudit.Violation> violations = AxeAudit.seriousOrCritical(browser.driver(), page);
        assertThat(violations).as(page + " : " + AxeAudit.describe(violations)).isEmpty();
    }

    /** Presses Tab, as a keyboard user does, until the element {@code id} has the focus. */
    private static void tabTo(WebDriver driver, String id) {
        press(driver, id, Keys.TAB);
    }

    private static void tabBackTo(WebDriver driver, String id) {
        press(driver, id, Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    private static void press(WebDriver driver, String id, CharSequence key) {
        for (int i = 0; i < 120; i++) {
            if (id.equals(focused(driver).getDomAttribute("id"))) {
                return;
            }
            focused(driver).sendKeys(key);
        }
        throw new AssertionError("« " + id + " » jamais atteint avec " + key);
    }

    private static WebElement focused(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    private static List<String> numbers(WebDriver driver) {
        return driver.findElements(By.cssSelector("#conventions tbody a.numero")).stream().map(WebElement::getText).toList();
    }

    /** Conventions written straight into the registry's table, as the steps would have left them. */
    private void insert(int count, String departement, String statut, LocalDate signed) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String insee = departement + String.format("%03d", i);
            rows.add(new Object[] {"clavier-" + insee, "CONV-" + insee + "-" + signed.getYear() + "-01", insee,
                    "Commune " + insee, departement, "circo-" + departement, statut, Date.valueOf(signed),
                    Date.valueOf(signed.plusYears(4).minusDays(1)), Date.valueOf(signed.plusYears(4)),
                    Date.valueOf(signed.plusYears(4).minusMonths(3))});
        }
        jdbc.batchUpdate("INSERT INTO convention (process_instance_id, numero, commune_insee, commune_nom, departement,"
                + " circonscription, statut, date_signature, fin_terme_initial, prochain_anniversaire,"
                + " limite_denonciation, version, cree_le) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, CURRENT_TIMESTAMP)",
                rows);
    }
}
