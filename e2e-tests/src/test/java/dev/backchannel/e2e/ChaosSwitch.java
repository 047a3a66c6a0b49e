package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chaos flags, switched as an operator does: {@code PUT /api/chaos} with the whole document and
 * a bearer token. {@link #set} returns once every service shows the new flags in its metrics
 * ({@code backchannel_chaos_flag{flag}}), so a test never races the broadcast. It also reads the
 * fault counters ({@code backchannel_chaos_faults_total{flag}}) that tests report.
 */
final class ChaosSwitch {

    /** No faults, and the short queue delay the suite runs with. */
    static final ChaosFlags CALM = ChaosFlags.calm(50, 200);

    private static final String OPERATOR = "chaos-operator";
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);
    private static final List<Service> APPLYING = List.of(Service.API_COMMAND, Service.PROCESSOR,
            Service.SOCKET_GATEWAY, Service.SOCKET_GATEWAY_B);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final RunningSystem system;
    private final String token;

    ChaosSwitch(RunningSystem system) {
        this.system = system;
        HttpResponse<String> session = send(HttpRequest.newBuilder(system.url(Service.API_COMMAND, "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + OPERATOR + "\"}")).build());
        this.token = Json.read(session.body(), Session.class).token();
    }

    /** Puts {@code flags} in force and waits until every service applies them. */
    void set(ChaosFlags flags) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(system.url(Service.API_COMMAND, "/api/chaos"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(flags))).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/chaos answered " + answer.statusCode() + ": " + answer.body());
        }
        Map<String, Double> expected = Map.of("apiErrorRate", flags.apiErrorRate(),
                "processorFailureRate", flags.processorFailureRate(),
                "processorCrashRate", flags.processorCrashRate(),
                "publishFailureRate", flags.publishFailureRate(),
                "gatewayDisconnectRate", flags.gatewayDisconnectRate(),
                "queueDelayMs.min", (double) flags.queueDelayMs().min(),
                "queueDelayMs.max", (double) flags.queueDelayMs().max());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (Service service : APPLYING) {
                Map<String, Double> shown = samples(service, "backchannel_chaos_flag");
                assertThat(shown).as("chaos flags in effect on %s", service.module()).isNotEmpty()
                        .allSatisfy((flag, value) -> assertThat(value).as(flag).isEqualTo(expected.get(flag)));
            }
        });
    }

    /** Back to {@link #CALM}. */
    void calm() {
        set(CALM);
    }

    /** How often {@code flag} fired on {@code service} since it started. */
    double faults(Service service, String flag) {
        return samples(service, "backchannel_chaos_faults_total").getOrDefault(flag, 0.0);
    }

    /** The samples of one metric of {@code service}, by their {@code flag} label. */
    private Map<String, Double> samples(Service service, String metric) {
        String body = send(HttpRequest.newBuilder(system.url(service, "/q/metrics")).GET().build()).body();
        Map<String, Double> values = new HashMap<>();
        Matcher sample = SAMPLE.matcher(body);
        while (sample.find()) {
            Matcher flag = Pattern.compile("flag=\"([^\"]+)\"").matcher(sample.group(2));
            if (sample.group(1).equals(metric) && flag.find()) {
                values.put(flag.group(1), Double.valueOf(sample.group(3)));
            }
        }
        return values;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
