package fr.conventionent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.conventionent.support.AxeAudit;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.TasklistBrowser;
import fr.conventionent.support.RequiredTool;

/**
 * The campaigns page in Debian's chromium, after logging in to Tasklist as the DACES: a département campaign, then
 * a file with a bad code and an already-opened commune, each followed to its report, which axe-core finds free of
 * serious accessibility violations. Screenshots under
 * target/screenshots/campagnes/.
 */
class CampaignPageBrowserTest extends EngineTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "campagnes");

    @LocalServerPort
    int port;

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
    }

    @Test
    void dacesRunsCampaignsFromThePageAndReadsTheirReports() throws Exception {
        loginToTasklist("daces");
        driver.get(url("/registre/campagnes.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lancement")));

        // the DSFR draws the radio button in its label, which takes the click
        driver.findElement(By.cssSelector("label[for=source-departement]")).click();
        driver.findElement(By.id("departement")).sendKeys("95");
        driver.findElement(By.id("lancer")).click();
        awaitFinished();
        screenshot("departement-95");
        assertThat(reportText()).contains("Cergy", "Pontoise", "démarrée").doesNotContain("refusée");

        Path file = Files.createTempFile("campagne", ".csv");
        Files.writeString(file, "Code INSEE\n95127\n9512\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("libelle")).sendKeys("Relance Cergy");
        driver.findElement(By.id("fichier")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("lancer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suivi-titre"), "Relance Cergy"));
        awaitFinished();
        screenshot("fichier-refus");
        assertThat(reportText()).contains("une convention est déjà en cours pour cette commune : CONV-95127-",
                "« 9512 » n'est pas un code INSEE (5 caractères)");
        assertThat(driver.findElement(By.id("suivi-etat")).getText())
                .startsWith("2 sur 2 lignes traitées — 0 convention(s) démarrée(s), 2 ligne(s) refusée(s)");
        wait.until(d -> d.findElements(By.cssSelector("#campagnes tr")).size() >= 2);
        assertThat(driver.findElement(By.id("campagnes")).getText()).contains("Relance Cergy", "Département 95");
        List<AxeAudit.Violation> violations = AxeAudit.seriousOrCritical(driver, "campagnes, rapport affiché");
        assertThat(violations).as(AxeAudit.describe(violations)).isEmpty();
    }

    private void loginToTasklist(String user) {
        driver.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Démarrer un processus")));
    }

    private void awaitFinished() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suivi-etat"), "terminée"));
    }

    private String reportText() {
        return driver.findElement(By.id("lignes")).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
