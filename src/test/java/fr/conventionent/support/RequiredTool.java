package fr.conventionent.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs a tool of the machine (chromium, chromedriver, LibreOffice, npm): skipped on a developer's
 * machine that lacks it, failed under CI ({@code CI=true}), where a missing tool means a broken installation and a
 * skipped test would leave the build green for nothing.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    public static void assume(boolean available, String whatIsMissing) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(whatIsMissing + " (CI=true : le test ne peut pas être ignoré)");
        }
        Assumptions.assumeTrue(false, whatIsMissing);
    }
}
