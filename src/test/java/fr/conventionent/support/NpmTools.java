package fr.conventionent.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The diagram tools from the npm registry (bpmnlint, its Camunda 7 plugin, bpmn-js), installed
 * once per build under target/npm-tools from src/test/npm/package.json.
 */
public final class NpmTools {

    public static final Path HOME = Path.of("target", "npm-tools").toAbsolutePath();
    private static Boolean installed;

    private NpmTools() {
    }

    public static boolean npmAvailable() {
        try {
            return new ProcessBuilder("npm", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static synchronized boolean install() throws Exception {
        if (installed == null) {
            Files.createDirectories(HOME);
            Files.copy(Path.of("src/test/npm/package.json"), HOME.resolve("package.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            installed = Files.isDirectory(HOME.resolve("node_modules/bpmn-js"))
                    || run(HOME, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")).exitCode() == 0;
        }
        return installed;
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Commande trop longue : " + command);
        }
        return new Result(process.exitValue(), output);
    }
}
