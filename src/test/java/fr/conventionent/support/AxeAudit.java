package fr.conventionent.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (pinned in src/test/npm, installed by {@link NpmTools}) injected into the page the browser shows, run
 * against the WCAG 2.x A and AA rules (which the RGAA follows) and axe's best practices.
 */
public final class AxeAudit {

    private static final Path AXE = NpmTools.HOME.resolve("node_modules/axe-core/axe.min.js");
    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values:"
            + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
            + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            + " nodes: v.nodes.map(n => n.target.join(' ') + ' : ' + n.failureSummary)})))))"
            + ".catch(e => done(JSON.stringify([{id: 'axe', impact: 'critical', help: String(e), nodes: []}])));";

    private AxeAudit() {
    }

    /** One rule broken, with the elements that break it and what to fix. */
    public record Violation(String id, String impact, String help, List<String> nodes) {

        public boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + id + " – " + help + nodes.stream().map(n -> "\n    " + n)
                    .collect(Collectors.joining());
        }
    }

    /** Installs axe-core (npm ci), or skips the test — fails it under CI=true — without npm. */
    public static void requireAxe() throws Exception {
        RequiredTool.assume(NpmTools.npmAvailable(), "npm absent. Installer : apt-get install npm");
        RequiredTool.assume(NpmTools.install() && Files.isRegularFile(AXE),
                "axe-core non installé (npm ci, src/test/npm)");
    }

    /** Every violation on the page as it is now, printed with the name of the page. */
    public static List<Violation> audit(WebDriver driver, String page) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Files.readString(AXE));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        String json = (String) js.executeAsyncScript(RUN);
        List<Violation> violations = new ObjectMapper().readValue(json, new TypeReference<List<Violation>>() {
        });
        long grave = violations.stream().filter(Violation::seriousOrCritical).count();
        System.out.printf("axe-core, %s : %d violation(s) graves ou critiques, %d au total%s%n", page, grave,
                violations.size(), violations.stream().map(v -> "\n  " + v).collect(Collectors.joining()));
        return violations;
    }

    /** The serious and critical violations only: those the pages must not have. */
    public static List<Violation> seriousOrCritical(WebDriver driver, String page) throws Exception {
        return audit(driver, page).stream().filter(Violation::seriousOrCritical).toList();
    }

    public static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n", "Violations axe-core :\n", ""));
    }
}
