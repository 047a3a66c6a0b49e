package dev.backchannel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** This service's {@code /q/metrics}, read as Prometheus text, and the metrics {@code docs/metrics.md} documents. */
public final class MetricsPage {

    /** A row of the table in docs/metrics.md: | `name` | type | service | ... */
    private static final Pattern DOCUMENTED =
            Pattern.compile("^\\|\\s*`(backchannel_[a-z0-9_]+)`\\s*\\|[^|]*\\|([^|]*)\\|");

    private final String text;

    private MetricsPage(String text) {
        this.text = text;
    }

    public static MetricsPage scrape() {
        return new MetricsPage(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels}; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** Whether any sample of the family {@code name} is on the page (histograms: its buckets or count). */
    public boolean has(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{| |_bucket|_count)").matcher(text);
        return matcher.find();
    }

    /** Metric names that {@code docs/metrics.md} says {@code service} exposes. */
    public static List<String> documentedFor(String service) {
        try {
            return Files.readAllLines(Path.of("..", "docs", "metrics.md")).stream()
                    .map(DOCUMENTED::matcher).filter(Matcher::find)
                    .filter(row -> row.group(2).contains(service) || row.group(2).contains("all three"))
                    .map(row -> row.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertEveryDocumentedMetricIsExposed(String service) {
        List<String> documented = documentedFor(service);
        assertThat(documented).as("metrics documented for " + service).isNotEmpty();
        MetricsPage page = scrape();
        assertThat(documented).allSatisfy(name -> assertThat(page.has(name)).as(name + " on /q/metrics").isTrue());
    }
}
