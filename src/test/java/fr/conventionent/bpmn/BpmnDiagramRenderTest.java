package fr.conventionent.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.support.NpmTools;
import fr.conventionent.support.TasklistBrowser;
import fr.conventionent.support.RequiredTool;

/**
 * Every diagram is drawn by bpmn-js (what Camunda Modeler and Cockpit use) in headless chromium,
 * without import warnings, and saved as target/diagrams/&lt;process-key&gt;.png.
 */
class BpmnDiagramRenderTest {

    private static final Path OUT = Path.of("target", "diagrams");

    @Test
    void everyDiagramIsDrawnByBpmnJs() throws Exception {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
        RequiredTool.assume(NpmTools.npmAvailable(), "npm absent. Installer : apt-get install npm");
        RequiredTool.assume(NpmTools.install(), "outils npm non installés (npm ci, src/test/npm)");
        Files.createDirectories(OUT);
        Path viewer = NpmTools.HOME.resolve("node_modules/bpmn-js/dist/bpmn-viewer.development.js");
        List<Path> diagrams;
        try (var files = Files.list(Path.of("bpmn"))) {
            diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TasklistBrowser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(TasklistBrowser.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        try {
            driver.manage().window().setSize(new Dimension(2400, 900));
            for (Path diagram : diagrams) {
                String key = diagram.getFileName().toString().replace(".bpmn", "");
                Path page = OUT.resolve(key + ".html");
                Files.writeString(page, html(viewer, Files.readString(diagram)));
                driver.get(page.toUri().toString());
                String title = new WebDriverWait(driver, Duration.ofSeconds(20))
                        .until(d -> d.getTitle().startsWith("dessiné") || d.getTitle().startsWith("erreur") ? d.getTitle() : null);
                assertThat(title).as(key).isEqualTo("dessiné:0");
                Files.write(OUT.resolve(key + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                assertThat(OUT.resolve(key + ".png")).isNotEmptyFile();
            }
        } finally {
            driver.quit();
        }
    }

    private static String html(Path viewer, String xml) throws Exception {
        return """
                <!doctype html><html><head><meta charset="utf-8">
                <style>html, body, #canvas { margin: 0; width: 100%%; height: 100%%; background: white; }</style>
                <script src="%s"></script></head><body><div id="canvas"></div>
                <script>
                  const viewer = new BpmnJS({ container: '#canvas' });
                  viewer.importXML(%s)
                    .then(result => { viewer.get('canvas').zoom('fit-viewport'); document.title = 'dessiné:' + result.warnings.length; })
                    .catch(error => { document.title = 'erreur:' + error.message; });
                </script></body></html>
                """.formatted(viewer.toUri(), new ObjectMapper().writeValueAsString(xml));
    }
}
