package fr.conventionent.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.conventionent.support.NpmTools;
import fr.conventionent.support.RequiredTool;

/** Every diagram passes bpmnlint's recommended rules and its Camunda Platform 7.24 compatibility plugin (.bpmnlintrc). */
class BpmnLintTest {

    @Test
    void everyDiagramPassesBpmnlint() throws Exception {
        RequiredTool.assume(NpmTools.npmAvailable(), "npm absent. Installer : apt-get install npm");
        RequiredTool.assume(NpmTools.install(), "outils npm non installés (npm ci, src/test/npm)");
        List<String> command = new ArrayList<>(List.of(
                NpmTools.HOME.resolve("node_modules/.bin/bpmnlint").toString(),
                "--config", Path.of(".bpmnlintrc").toAbsolutePath().toString()));
        try (var files = Files.list(Path.of("bpmn"))) {
            files.filter(f -> f.toString().endsWith(".bpmn")).sorted()
                    .forEach(f -> command.add(f.toAbsolutePath().toString()));
        }

        NpmTools.Result result = NpmTools.run(NpmTools.HOME, command);

        assertThat(result.output()).as("bpmnlint").doesNotContain("warning", "error");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
