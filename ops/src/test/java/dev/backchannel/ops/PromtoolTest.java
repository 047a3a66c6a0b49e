package dev.backchannel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the scrape config, checked by Prometheus's own {@code promtool} (Debian's
 * {@code prometheus} package): the rules' unit tests in {@code alerts-test.yml} pass and the config
 * (with the rule files it loads) is valid. Without promtool the test fails under {@code CI=true}
 * and is skipped, saying so, elsewhere.
 */
class PromtoolTest {

    static final String NOT_INSTALLED = "promtool not installed: apt-get install -y prometheus";

    private static Path promtool;
    private static final Path OPS = Path.of("").toAbsolutePath();

    @BeforeAll
    static void findPromtool() {
        promtool = Path.of(System.getProperty("backchannel.promtool", "/usr/bin/promtool"));
        if (!Files.isExecutable(promtool)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(NOT_INSTALLED + " (looked for " + promtool + "; CI=true, so this is a failure)");
            }
            System.err.println("SKIPPED PromtoolTest: " + NOT_INSTALLED);
            assumeTrue(false, NOT_INSTALLED);
        }
    }

    @Test
    void shouldPassTheAlertRulesUnitTests() throws Exception {
        Result result = promtool("test", "rules", "alerts-test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void shouldAcceptTheScrapeConfigWithItsRuleFiles() throws Exception {
        Result result = promtool("check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found").contains("SUCCESS: 9 rules found");
    }

    @Test
    void shouldRefuseABrokenRuleSoTheChecksCanFail() throws Exception {
        Path broken = Files.createTempFile("broken-alerts", ".yml");
        Files.writeString(broken, "groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(\n");
        try {
            Result result = promtool("check", "rules", broken.toString());

            assertThat(result.exitCode()).as(result.output()).isNotZero();
        } finally {
            Files.delete(broken);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(OPS.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
