package dev.backchannel.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where Debian's Chromium and its driver are ({@code -Dbackchannel.chromium} and
 * {@code -Dbackchannel.chromedriver} elsewhere), and, as {@code @ExtendWith(BrowserChromium.class)},
 * skips a browser test class without them, saying so on the console as well as in the report.
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
        if (installed()) {
            return ConditionEvaluationResult.enabled("Chromium at " + BINARY + ", driver at " + DRIVER);
        }
        if (context.getTestMethod().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "SKIPPED {0}: {1} (looked for {2} and {3})",
                    context.getDisplayName(), NOT_INSTALLED, BINARY, DRIVER);
        }
        return ConditionEvaluationResult.disabled(NOT_INSTALLED);
    }
}
