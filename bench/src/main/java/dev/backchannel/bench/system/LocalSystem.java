package dev.backchannel.bench.system;

import dev.backchannel.launcher.LaunchedSystem;
import dev.backchannel.launcher.SystemLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole system started by the benchmark through {@link SystemLauncher}, the way a user runs it,
 * in a temporary data folder: chaos off and zero queue delay (so end-to-end latency is the system's
 * own), a per-user rate limit out of the way, everything on 127.0.0.1.
 */
public final class LocalSystem implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final LaunchedSystem system;

    private LocalSystem(LaunchedSystem system) {
        this.system = system;
    }

    /**
     * Starts every service and waits until each is ready (at most {@code timeout} each).
     * {@code jvmOptions} go to every service's JVM.
     */
    public static LocalSystem start(Path root, Path data, String gatewayHeap, List<String> jvmOptions,
            Duration timeout) {
        List<String> everyService = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC"));
        everyService.addAll(jvmOptions);
        return new LocalSystem(SystemLauncher.of(root, data)
                .host(HOST)
                .gateway(SystemLauncher.SOCKET_GATEWAY, "bench-gateway-1")
                .jvmOptions(everyService)
                .jvmOptions(SystemLauncher.SOCKET_GATEWAY, List.of("-Xmx" + gatewayHeap))
                .environment("BACKCHANNEL_CHAOS_ENABLED", "false")
                // end to end measures the system, not the demo's artificial queue delay
                .environment("BACKCHANNEL_API_QUEUE_DELAY_MIN", "0ms")
                .environment("BACKCHANNEL_API_QUEUE_DELAY_MAX", "0ms")
                .environment("BACKCHANNEL_API_RATE_LIMIT_PER_SECOND", "100000")
                .environment("BACKCHANNEL_API_RATE_LIMIT_BURST", "100000")
                // every test user signs in from this one address
                .environment("BACKCHANNEL_API_RATE_LIMIT_SESSIONS_PER_MINUTE", "1000000")
                .environment("BACKCHANNEL_API_RATE_LIMIT_SESSIONS_BURST", "1000000")
                .readyTimeout(timeout)
                .start());
    }

    public static Path jar(Path root, String module) {
        return SystemLauncher.jar(root, module);
    }

    /** The built jars this needs, and which of them are missing. */
    public static List<Path> missingJars(Path root) {
        return SystemLauncher.missingJars(root);
    }

    public SystemUnderTest target() {
        return new SystemUnderTest(system.url(SystemLauncher.API_COMMAND), system.url(SystemLauncher.PROCESSOR),
                system.socketUrl(SystemLauncher.SOCKET_GATEWAY), HOST, system.port(SystemLauncher.BROKER),
                SystemLauncher.BROKER_USER, system.brokerPassword(), system.pid(SystemLauncher.SOCKET_GATEWAY),
                system.pid(SystemLauncher.BROKER), system.pid(SystemLauncher.API_COMMAND),
                system.pid(SystemLauncher.PROCESSOR), true);
    }

    public Path logs() {
        return system.logs();
    }

    @Override
    public void close() {
        system.close();
    }

    public static int freePort() {
        return SystemLauncher.freePort();
    }
}
