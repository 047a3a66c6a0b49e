package dev.backchannel.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One read of a service's {@code /q/metrics} (Prometheus text). */
final class MetricsScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
}
