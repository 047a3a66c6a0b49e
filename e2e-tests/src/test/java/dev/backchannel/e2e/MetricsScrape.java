package dev.backchannel.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of a service's {@code /q/metrics} (Prometheus text). */
final class MetricsScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    static MetricsScrape of(RunningSystem system, Service service) {
        try {
            return new MetricsScrape(HTTP.send(HttpRequest.newBuilder(system.url(service, "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labelFragment} (may be empty). */
    double value(String name, String labelFragment) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(labelFragment))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The samples of metric {@code name}, by the value of their label {@code label}. */
    Map<String, Double> byLabel(String name, String label) {
        Pattern labelled = Pattern.compile(label + "=\"([^\"]+)\"");
        Map<String, Double> values = new HashMap<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            Matcher value = labelled.matcher(sample.group(2));
            if (sample.group(1).equals(name) && value.find()) {
                values.put(value.group(1), Double.valueOf(sample.group(3)));
            }
        }
        return values;
    }
}
