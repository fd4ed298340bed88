package fr.conventionent.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real Camunda Tasklist in Debian's headless chromium, driven as a user would: log in,
 * open a task of one's group, claim it, fill the form, complete it. Screenshots go to
 * target/screenshots/&lt;journey&gt;/.
 */
public class TasklistBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path screenshots;
    private int shot;

    public TasklistBrowser(int port, String journey) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1100", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        // 60 s: on a build machine shared by several builds, the first Tasklist page of a cold server took over 30 s
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        this.baseUrl = "http://127.0.0.1:" + port + "/camunda/app/tasklist/default/";
        this.screenshots = Path.of("target", "screenshots", journey);
        Files.createDirectories(screenshots);
    }

    /** Waits, and leaves a screenshot of what the user saw when the wait fails. */
    private <T> T until(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("echec");
            } catch (IOException ignored) {
                // the timeout is what matters
            }
            throw e;
        }
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Logs in to Tasklist. Under load, the login form may still be re-rendered while typing (a field then holds
     * "dacesdaces", another nothing): each field is typed until it holds the login, before submitting.
     */
    public void login(String user) {
        driver.manage().deleteAllCookies();
        loadTasklist(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        typeUntilHeld(By.cssSelector("input[ng-model=username]"), user);
        typeUntilHeld(By.cssSelector("input[ng-model=password]"), user);
        typeUntilHeld(By.cssSelector("input[ng-model=username]"), user);
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Démarrer un processus")));
    }

    /**
     * Opens Tasklist and waits until {@code ready}. Under load, a Tasklist page may stay on its spinner for good (one
     * of its scripts came too late): it is then loaded again, once.
     */
    private void loadTasklist(org.openqa.selenium.support.ui.ExpectedCondition<?> ready) {
        driver.get(baseUrl);
        try {
            until(ready);
        } catch (org.openqa.selenium.TimeoutException e) {
            driver.navigate().refresh();
            until(ready);
        }
    }

    private void typeUntilHeld(By field, String value) {
        until(d -> {
            WebElement input = d.findElement(field);
            if (value.equals(input.getDomProperty("value"))) {
                return true;
            }
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(value);
            return false;
        });
    }

    /**
     * Starts a process from the "Démarrer un processus" dialog. Under load, the click on the process may land while
     * the dialog's list is still being rendered and open nothing: the dialog is then closed and opened again (three
     * attempts), leaving a screenshot of each miss.
     */
    public void startProcess(String processName, String fieldSuffix, String value) {
        By dialog = By.cssSelector(".modal-dialog");
        for (int attempt = 1; ; attempt++) {
            if (driver.findElements(dialog).isEmpty()) {
                until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Démarrer un processus"))).click();
            }
            until(ExpectedConditions.elementToBeClickable(By.linkText(processName))).click();
            try {
                fill(fieldSuffix, value);
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                driver.findElements(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Fermer']"))
                        .forEach(close -> ((JavascriptExecutor) driver).executeScript("arguments[0].click();", close));
                until(ExpectedConditions.invisibilityOfElementLocated(dialog));
            }
        }
        driver.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
    }

    /** Opens the group filter and the task of that name, and claims it. */
    public void openTask(String taskName) {
        loadTasklist(ExpectedConditions.elementToBeClickable(By.partialLinkText("Tâches de mon groupe")));
        driver.findElement(By.partialLinkText("Tâches de mon groupe")).click();
        until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + taskName + "\")]"))).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2, .names h2, h2"),
                taskName.substring(0, Math.min(20, taskName.length()))));
        By claim = By.xpath("//*[self::a or self::button][contains(normalize-space(.), 'Prendre en charge')]");
        WebElement claimLink = until(ExpectedConditions.visibilityOfElementLocated(claim));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", claimLink);
        until(ExpectedConditions.invisibilityOfElementLocated(claim));
    }

    /** A Camunda Forms field, by the end of its id (Field_CommuneNom, Field_EcoleUai_0…). */
    public void fill(String fieldSuffix, String value) {
        WebElement input = until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "input[id$='" + fieldSuffix + "'], textarea[id$='" + fieldSuffix + "'], input[id*='" + fieldSuffix + "-']")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
    }

    /**
     * Like {@link #fill}, but only when the field does not hold the value yet, and until it holds it: under load, a
     * form re-rendered for a field typed just before may reset the one just typed. Call it again for every field
     * before completing, to check nothing was lost meanwhile.
     */
    public void fillChecked(String fieldSuffix, String value) {
        By field = By.cssSelector("input[id$='" + fieldSuffix + "'], textarea[id$='" + fieldSuffix + "']");
        new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            WebElement input = d.findElement(field);
            if (value.equals(input.getAttribute("value"))) {
                return true;
            }
            fill(fieldSuffix, value);
            return false;
        });
    }

    /** A field of an embedded HTML form, by its name attribute. */
    public void fillNamed(String name, String value) {
        WebElement input = until(ExpectedConditions.elementToBeClickable(By.cssSelector("[name='" + name + "']")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    /** A Camunda Forms radio button, by the beginning of its label. */
    public void choose(String labelStart) {
        WebElement label = until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//label[.//input[@type='radio']][starts-with(normalize-space(.), \"" + labelStart + "\")]")));
        WebElement radio = label.findElement(By.cssSelector("input[type=radio]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", radio);
    }

    public void check(String cssSelector) {
        WebElement box = until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", box);
    }

    public void addListRow(int listIndex) {
        List<WebElement> buttons = driver.findElements(By.cssSelector("button.fjs-repeat-render-add"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();",
                buttons.get(listIndex));
    }

    /** Sets an input's value as typing would (date inputs whatever the browser's locale), for AngularJS too. */
    public void setValue(String cssSelector, String value) {
        WebElement input = until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    /** Chooses an option of a select of an embedded HTML form, by its value. */
    public void select(String cssSelector, String value) {
        WebElement select = until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
    }

    /** Follows a link of the page, by its text. */
    public void clickLink(String text) {
        until(ExpectedConditions.elementToBeClickable(By.partialLinkText(text))).click();
    }

    public void click(String cssSelector) {
        WebElement element = until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", element);
    }

    public void upload(String cssSelector, Path file) {
        driver.findElement(By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
    }

    /** Clicks "Terminer" (task) and waits for the form to go away or for a notification. */
    public void complete() {
        By terminer = By.xpath("//button[normalize-space(.)='Terminer']");
        WebElement button;
        try {
            button = wait.until(d -> d.findElements(terminer).stream()
                    .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Bouton « Terminer » inactif ; champs invalides : " + driver.findElements(
                    By.cssSelector("[aria-invalid=true]")).stream().map(f -> f.getAttribute("id")).toList(), e);
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", button);
    }

    public void waitForElementGone(String cssSelector) {
        until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public void waitForTaskGone(String taskName) {
        until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + taskName + "\")]")));
    }

    /** Text of the notifications Tasklist shows (errors and successes). */
    public String waitForNotificationContaining(String text) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'notification')][contains(normalize-space(.), \"" + text + "\")]"))).getText();
    }

    /** Opens any address (another page of the application, an identity provider). */
    public void visit(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Types into a field of a plain HTML page (a provider's login form…). */
    public void type(String cssSelector, String text) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).sendKeys(text);
    }

    /** Waits for Tasklist to be open for a logged-in user. */
    public void waitForTasklist() {
        until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Démarrer un processus")));
    }

    public void waitForElement(String cssSelector) {
        until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public int count(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).size();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void waitForText(String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** Opens a page of the application, by its path (/registre/…). */
    public void open(String path) {
        driver.get(baseUrl.substring(0, baseUrl.indexOf("/camunda/")) + path);
    }

    /** The browser itself, for what the methods above do not cover (axe-core, keyboard). */
    public ChromeDriver driver() {
        return driver;
    }

    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
