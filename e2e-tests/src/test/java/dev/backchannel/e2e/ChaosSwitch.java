package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.http.ChaosApi;
import dev.backchannel.client.http.SessionTokens;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.ChaosFlags;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The chaos flags, switched as an operator does, through the client library's {@link ChaosApi}
 * ({@code PUT /api/chaos} with the whole document). {@link #set} returns once every service shows
 * the new flags in its metrics ({@code backchannel_chaos_flag{flag}}), so a test never races the
 * broadcast. It also reads the fault counters ({@code backchannel_chaos_faults_total{flag}}) that
 * tests report.
 */
final class ChaosSwitch {

    /** No faults, and the short queue delay the suite runs with. */
    static final ChaosFlags CALM = ChaosFlags.calm(50, 200);

    private static final String OPERATOR = "chaos-operator";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<Service> APPLYING = List.of(Service.API_COMMAND, Service.PROCESSOR,
            Service.SOCKET_GATEWAY, Service.SOCKET_GATEWAY_B);

    private final RunningSystem system;
    private final ChaosApi api;

    ChaosSwitch(RunningSystem system) {
        this.system = system;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.api = new ChaosApi(http, system.apiUrl(),
                new SessionTokens(http, system.apiUrl(), OPERATOR, TIMEOUT, Scheduler.system()), TIMEOUT);
    }

    /** Puts {@code flags} in force and waits until every service applies them. */
    void set(ChaosFlags flags) {
        api.change(flags).join();
        Map<String, Double> expected = Map.of("apiErrorRate", flags.apiErrorRate(),
                "processorFailureRate", flags.processorFailureRate(),
                "processorCrashRate", flags.processorCrashRate(),
                "publishFailureRate", flags.publishFailureRate(),
                "gatewayDisconnectRate", flags.gatewayDisconnectRate(),
                "queueDelayMs.min", (double) flags.queueDelayMs().min(),
                "queueDelayMs.max", (double) flags.queueDelayMs().max());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (Service service : APPLYING) {
                Map<String, Double> shown = MetricsScrape.of(system, service).byLabel("backchannel_chaos_flag", "flag");
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
        return MetricsScrape.of(system, service).byLabel("backchannel_chaos_faults_total", "flag")
                .getOrDefault(flag, 0.0);
    }
}
