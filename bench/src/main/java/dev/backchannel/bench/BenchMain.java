package dev.backchannel.bench;

import dev.backchannel.bench.report.ReportWriter;
import dev.backchannel.bench.report.Report;
import dev.backchannel.bench.system.SystemUnderTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench.sh [quick|full|smoke] [options]}: runs the benchmark and prints the table.
 *
 * <pre>
 *   --results DIR            where result folders go (default bench/results)
 *   --only a,b               only these scenarios (capacity, reconnect-storm, fan-out, slow-consumers, end-to-end, presence)
 *   --socket-url ws://...    measure running services instead of starting them; then also
 *   --api-url, --query-url   (env BACKCHANNEL_API_URL, BACKCHANNEL_QUERY_URL, BACKCHANNEL_SOCKET_URL)
 *   --amqp HOST:PORT         the broker (env AMQP_HOST, AMQP_PORT); --amqp-user, --amqp-password (env AMQP_PASSWORD)
 *   --gateway-pid N          for memory and CPU figures (env GATEWAY_PID); --broker-pid N (env BROKER_PID)
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = new HashMap<>();
        String mode = "quick";
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                flags.put(args[i].substring(2), args[++i]);
            } else {
                mode = args[i];
            }
        }
        Path root = Path.of(System.getProperty("backchannel.root", ".")).toAbsolutePath().normalize();
        Path results = Path.of(flags.getOrDefault("results", root.resolve("bench/results").toString()));
        Set<String> only = flags.containsKey("only") ? new HashSet<>(Arrays.asList(flags.get("only").split(",")))
                : Set.of();
        Report report = Bench.run(new Bench.Options(BenchProfile.named(mode), root, results, target(flags), only,
                line -> System.out.println("bench: " + line)));
        System.out.println();
        System.out.println(ReportWriter.table(report));
        System.exit(0);
    }

    private static SystemUnderTest target(Map<String, String> flags) {
        String socket = value(flags, "socket-url", "BACKCHANNEL_SOCKET_URL", null);
        if (socket == null) {
            return null;
        }
        String[] amqp = value(flags, "amqp", null, env("AMQP_HOST", "127.0.0.1") + ":" + env("AMQP_PORT", "5672"))
                .split(":");
        return new SystemUnderTest(URI.create(value(flags, "api-url", "BACKCHANNEL_API_URL", "http://localhost:8081")),
                URI.create(value(flags, "query-url", "BACKCHANNEL_QUERY_URL", "http://localhost:8082")),
                URI.create(socket), amqp[0], Integer.parseInt(amqp[1]),
                value(flags, "amqp-user", "AMQP_USER", "backchannel"), value(flags, "amqp-password", "AMQP_PASSWORD", ""),
                Long.parseLong(value(flags, "gateway-pid", "GATEWAY_PID", "0")),
                Long.parseLong(value(flags, "broker-pid", "BROKER_PID", "0")), 0, 0, false);
    }

    private static String value(Map<String, String> flags, String flag, String variable, String fallback) {
        if (flags.containsKey(flag)) {
            return flags.get(flag);
        }
        return variable == null ? fallback : env(variable, fallback);
    }

    private static String env(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
