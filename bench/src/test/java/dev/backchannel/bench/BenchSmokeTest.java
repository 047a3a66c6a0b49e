package dev.backchannel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness at smoke size (a few dozen sockets, sub-second runs) against the built jars,
 * so it cannot rot: every scenario must finish with numbers. No speed is asserted here; speed
 * targets belong in the report.
 */
class BenchSmokeTest {

    @Test
    @Timeout(180)
    void shouldReportEveryScenarioWithNumbersWhenRunAtSmokeSize(@TempDir Path results) throws Exception {
        Path root = Path.of(System.getProperty("backchannel.root", "..")).toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();

        Bench.run(new Bench.Options(BenchProfile.named("smoke"), root, results, null, Set.of(), line -> {
            lines.add(line);
            System.out.println(line);
        }));

        JsonNode report = new ObjectMapper().readTree(results.resolve("latest/report.json").toFile());
        assertThat(report.path("mode").asText()).isEqualTo("smoke");
        List<String> names = new ArrayList<>();
        for (JsonNode scenario : report.path("scenarios")) {
            names.add(scenario.path("name").asText());
            assertThat(scenario.path("status").asText()).as(scenario.path("name") + ": " + scenario.path("error"))
                    .isEqualTo("ok");
            assertThat(scenario.path("figures").size()).as(scenario.path("name").asText()).isPositive();
            for (JsonNode figure : scenario.path("figures")) {
                assertThat(figure.path("value").isNumber()).as(scenario.path("name") + " / " + figure.path("name"))
                        .isTrue();
            }
        }
        assertThat(names).containsExactlyElementsOf(Bench.SCENARIOS);
        assertThat(figure(report, "reconnect-storm", "failures")).isZero();
        assertThat(figure(report, "end-to-end", "commands without a success frame")).isZero();
        assertThat(figure(report, "fan-out", "frames missing at target rate")).isZero();
        assertThat(figure(report, "presence", "push frames missing with churn")).isZero();
        assertThat(figure(report, "presence", "failed rejoins")).isZero();
        assertThat(figure(report, "presence", "presence frames per join (measured alone)")).isPositive();
        assertThat(Files.readString(results.resolve("latest/report.md"))).contains("| Fan-out |", "| End to end |",
                "| Presence |");
        assertThat(results.resolve("latest/fan-out-latency.png")).isNotEmptyFile();
    }

    private static double figure(JsonNode report, String scenario, String name) {
        for (JsonNode s : report.path("scenarios")) {
            if (s.path("name").asText().equals(scenario)) {
                for (JsonNode f : s.path("figures")) {
                    if (f.path("name").asText().equals(name)) {
                        return f.path("value").asDouble();
                    }
                }
            }
        }
        throw new AssertionError("no figure " + scenario + " / " + name);
    }
}
