package dev.backchannel.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where Debian's Chromium and its driver are ({@code -Dbackchannel.chromium} and
 * {@code -Dbackchannel.chromedriver} elsewhere), and, as {@code @ExtendWith(BrowserChromium.class)},
 * without them: <b>fails</b> a browser test class under CI ({@code CI=true}, which {@code .ci/run}
 * sets), so that a green build always includes the browser tests; elsewhere skips it, saying so on the
 * console as well as in the report.
 */
final class BrowserChromium implements ExecutionCondition {

    static final Path BINARY = Path.of(System.getProperty("backchannel.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("backchannel.chromedriver", "/usr/bin/chromedriver"));
    static final String NOT_INSTALLED = "Chromium not installed: apt-get install -y chromium chromium-driver";

    private static final System.Logger LOG = System.getLogger(BrowserChromium.class.getName());

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = evaluate(BINARY, DRIVER, "true".equalsIgnoreCase(System.getenv("CI")));
        if (result.isDisabled() && context.getTestMethod().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "SKIPPED {0}: {1} (looked for {2} and {3})",
                    context.getDisplayName(), NOT_INSTALLED, BINARY, DRIVER);
        }
        return result;
    }

    /** Enabled with both binaries; without them a failure under CI, else disabled. */
    static ConditionEvaluationResult evaluate(Path binary, Path driver, boolean ci) {
        if (Files.isExecutable(binary) && Files.isExecutable(driver)) {
            return ConditionEvaluationResult.enabled("Chromium at " + binary + ", driver at " + driver);
        }
        if (ci) {
            throw new IllegalStateException(NOT_INSTALLED + " (looked for " + binary + " and " + driver
                    + "); under CI=true the browser tests must run, not skip");
        }
        return ConditionEvaluationResult.disabled(NOT_INSTALLED);
    }
}
