package fr.conventionent.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test tools from the npm registry (bpmnlint, its Camunda 7 plugin, bpmn-js, axe-core), pinned by the committed
 * src/test/npm/package.json and package-lock.json, installed once under target/npm-tools with {@code npm ci}.
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

    /**
     * Installs exactly the committed versions ({@code npm ci} from src/test/npm/package-lock.json), unless the same
     * lock file is already installed (a later build).
     */
    public static synchronized boolean install() throws Exception {
        if (installed == null) {
            Files.createDirectories(HOME);
            Path lock = Path.of("src/test/npm/package-lock.json");
            boolean sameLock = Files.exists(HOME.resolve("package-lock.json"))
                    && Files.mismatch(lock, HOME.resolve("package-lock.json")) == -1;
            if (sameLock && Files.isDirectory(HOME.resolve("node_modules/bpmn-js"))) {
                installed = true;
            } else {
                Files.copy(Path.of("src/test/npm/package.json"), HOME.resolve("package.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.copy(lock, HOME.resolve("package-lock.json"), StandardCopyOption.REPLACE_EXISTING);
                installed = run(HOME, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"))
                        .exitCode() == 0;
            }
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
