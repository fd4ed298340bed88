package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.identity.delegation.Absence;
import fr.conventionent.identity.delegation.Delegation;
import fr.conventionent.identity.delegation.DelegationRegister;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.support.AxeAudit;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;

/**
 * The page « Délégations et absences » in Debian's chromium: the Recteur's office reaches it from the registry, sees
 * a wrong delegation refused in French with nothing saved, adds a right one; the DACES declares an absence. axe-core
 * finds no serious accessibility violation. Screenshots under target/screenshots/delegations/.
 */
class DelegationsPageBrowserTest extends EngineTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "delegations");

    @LocalServerPort
    int port;
    @Autowired
    DelegationRegister register;
    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private int shot;

    @BeforeEach
    void openChromium() throws Exception {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
        AxeAudit.requireAxe();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TasklistBrowser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1300,1000", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(TasklistBrowser.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeChromium() {
        if (driver != null) {
            driver.quit();
        }
        jdbc.update("delete from delegation_signature");
        jdbc.update("delete from absence");
    }

    @Test
    void theCabinetKeepsTheDelegationsAndTheDacesDeclaresAnAbsence() throws Exception {
        LocalDate today = SubmittedDates.today();
        loginToTasklist("recteur");
        driver.get(url("/registre/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Délégations et absences"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("formulaire-delegation")));

        // a delegation ending before it begins and covering nothing: refused, in French, nothing saved
        driver.findElement(By.id("delegation-utilisateur")).sendKeys("dsi");
        driver.findElement(By.id("delegation-fonction")).sendKeys("directeur des systèmes d'information");
        typeDate("delegation-debut", today.plusDays(10));
        typeDate("delegation-fin", today.plusDays(2));
        driver.findElement(By.cssSelector("#formulaire-delegation button[type=submit]")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alerte-delegation")));
        screenshot("delegation-refusee");
        assertThat(refused.getText()).contains("n’a pas été enregistrée", "précède sa date de début",
                "Indiquez ce que la délégation couvre").doesNotContain("Exception", "java.");
        assertThat(register.delegations()).isEmpty();
        assertThat(driver.findElement(By.id("aucune-delegation")).isDisplayed()).isTrue();
        List<AxeAudit.Violation> withError = AxeAudit.seriousOrCritical(driver, "délégations, erreur affichée");
        assertThat(withError).as(AxeAudit.describe(withError)).isEmpty();

        // corrected from the keyboard: the letters box is ticked with the space bar
        typeDate("delegation-fin", today.plusDays(40));
        driver.findElement(By.id("delegation-lettres")).sendKeys(" ");
        driver.findElement(By.cssSelector("#formulaire-delegation button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("liste-delegations"), "dsi"));
        screenshot("delegation-enregistree");
        assertThat(driver.findElement(By.id("alerte-delegation")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("liste-delegations")).getText())
                .contains("directeur des systèmes d'information", "lettres").doesNotContain("avenants");
        assertThat(register.delegations()).extracting(Delegation::utilisateur, Delegation::debut, Delegation::fin,
                Delegation::lettres, Delegation::conventions)
                .containsExactly(tuple("dsi", today.plusDays(10), today.plusDays(40),
                        true, false));

        driver.manage().deleteAllCookies();
        loginToTasklist("daces");
        driver.get(url("/registre/delegations.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("formulaire-absence")));
        assertThat(driver.findElement(By.id("delegations"))
                .isDisplayed()).as("le registre des délégations est réservé au cabinet").isFalse();
        assertThat(driver.findElement(By.id("champ-absent")).isDisplayed()).as("ses propres absences").isFalse();
        typeDate("absence-debut", today.plusDays(3));
        typeDate("absence-fin", today.plusDays(7));
        driver.findElement(By.id("absence-suppleant")).sendKeys("inconnu.absent");
        driver.findElement(By.cssSelector("#formulaire-absence button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerte-absence"), "Suppléant inconnu"));
        assertThat(register.absences()).isEmpty();

        driver.findElement(By.id("absence-suppleant")).clear();
        driver.findElement(By.id("absence-suppleant")).sendKeys("dsi");
        driver.findElement(By.cssSelector("#formulaire-absence button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("liste-absences"), "dsi"));
        screenshot("absence-declaree");
        assertThat(register.absences()).extracting(Absence::utilisateur, Absence::suppleant, Absence::debut)
                .containsExactly(tuple("daces", "dsi", today.plusDays(3)));
        assertThat(driver.findElement(By.id("liste-absences")).getText()).contains("daces", "Retirer");
        List<AxeAudit.Violation> violations = AxeAudit.seriousOrCritical(driver, "absences, absence déclarée");
        assertThat(violations).as(AxeAudit.describe(violations)).isEmpty();

        driver.findElement(By.cssSelector("#liste-absences button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aucune-absence")));
        assertThat(register.absences()).isEmpty();
    }

    /** Date fields are filled as the browser's date picker would, whatever the locale's typing order. */
    private void typeDate(String id, LocalDate day) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), day.toString());
    }

    private void loginToTasklist(String user) {
        driver.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Démarrer un processus")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
