package dev.backchannel.e2e;

import dev.backchannel.launcher.LaunchedSystem;
import dev.backchannel.launcher.PostgresServer;
import dev.backchannel.launcher.SystemLauncher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The whole system as a user runs it, started by {@link SystemLauncher}: broker, api-command,
 * processor and two socket-gateway nodes from their built jars on free ports. One instance serves
 * every test class of this JVM; it stops with the JVM. Short queue delays keep the suite fast (the
 * delay itself is tested in api-command); chaos is enabled and calm until a test turns it on.
 */
final class RunningSystem {

    private static RunningSystem shared;
    private static RunningSystem onPostgresql;

    private final LaunchedSystem system;
    private final AutoCloseable database;

    private RunningSystem(LaunchedSystem system) {
        this(system, () -> { });
    }

    private RunningSystem(LaunchedSystem system, AutoCloseable database) {
        this.system = system;
        this.database = database;
    }

    /** The system for this JVM, started on first use: the processor on its default H2 file. */
    static synchronized RunningSystem get() {
        if (shared == null) {
            Path data = root().resolve("e2e-tests/target/e2e-data/run-" + ProcessHandle.current().pid());
            LaunchedSystem system = launcher(data)
                    .gateway(Service.SOCKET_GATEWAY.module(), "e2e-gateway-a")
                    .gateway(Service.SOCKET_GATEWAY_B.module(), "e2e-gateway-b")
                    // node B's page as in production: without test hooks (BrowserTestHooksTest)
                    .jvmOptions(Service.SOCKET_GATEWAY_B.module(), List.of("-Dbackchannel.gateway.client.test-hooks=false"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(system::close));
            shared = new RunningSystem(system);
        }
        return shared;
    }

    /**
     * A second system for this JVM, started on first use: two processors ({@link Service#PROCESSOR},
     * {@link Service#PROCESSOR_B}) on one real PostgreSQL (Debian's package, started in the data folder),
     * one gateway node. The same jars as {@link #get()}, chosen by environment alone.
     */
    static synchronized RunningSystem onPostgresql() {
        if (onPostgresql == null) {
            Path data = root().resolve("e2e-tests/target/e2e-data/postgresql-" + ProcessHandle.current().pid());
            PostgresServer postgres = PostgresServer.start(data.resolve("postgres"), UUID.randomUUID().toString());
            LaunchedSystem system;
            try {
                system = launcher(data)
                        .processor(Service.PROCESSOR.module())
                        .processor(Service.PROCESSOR_B.module())
                        .gateway(Service.SOCKET_GATEWAY.module(), "e2e-postgresql-gateway")
                        .environment("BACKCHANNEL_DB_KIND", "postgresql")
                        .environment("BACKCHANNEL_DB_URL", postgres.jdbcUrl())
                        .environment("BACKCHANNEL_DB_USER", postgres.user())
                        .environment("BACKCHANNEL_DB_PASSWORD", postgres.password())
                        .start();
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                system.close();
                postgres.close();
            }));
            onPostgresql = new RunningSystem(system);
        }
        return onPostgresql;
    }

    /**
     * A system of its own for the caller, who closes it ({@link #close()}), as {@code run.sh --cluster} runs it: two brokers
     * in a cluster ({@link Service#BROKER}, {@link Service#BROKER_2}); on each an api-command node, a
     * processor (both on one real PostgreSQL) and a gateway node with a node id of its own making:
     * {@link Service#API_COMMAND}, {@link Service#PROCESSOR}, {@link Service#SOCKET_GATEWAY} on the first,
     * {@link Service#API_COMMAND_2}, {@link Service#PROCESSOR_B}, {@link Service#SOCKET_GATEWAY_B} on the second.
     */
    static RunningSystem startCluster() {
        Path data = root().resolve("e2e-tests/target/e2e-data/cluster-" + ProcessHandle.current().pid());
        PostgresServer postgres = PostgresServer.start(data.resolve("postgres"), UUID.randomUUID().toString());
        LaunchedSystem system;
        try {
            SystemLauncher launcher = launcher(data)
                    .broker(Service.BROKER.module()).broker(Service.BROKER_2.module())
                    .apiCommand(Service.API_COMMAND.module()).apiCommand(Service.API_COMMAND_2.module())
                    .processor(Service.PROCESSOR.module()).processor(Service.PROCESSOR_B.module())
                    .gateway(Service.SOCKET_GATEWAY.module(), null)
                    .gateway(Service.SOCKET_GATEWAY_B.module(), null)
                    .environment("BACKCHANNEL_DB_KIND", "postgresql")
                    .environment("BACKCHANNEL_DB_URL", postgres.jdbcUrl())
                    .environment("BACKCHANNEL_DB_USER", postgres.user())
                    .environment("BACKCHANNEL_DB_PASSWORD", postgres.password())
                    // six services booting at once on two cores time each other out: three at a time
                    .startInWavesOf(3);
            for (Service onTheSecond : List.of(Service.API_COMMAND_2, Service.PROCESSOR_B, Service.SOCKET_GATEWAY_B)) {
                launcher.attach(onTheSecond.module(), Service.BROKER_2.module());
            }
            system = launcher.start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new RunningSystem(system, postgres);
    }

    /** Stops every service of a system started for one test class, then its database. */
    void close() {
        system.close();
        try {
            database.close();
        } catch (Exception e) {
            throw new IllegalStateException("the database did not stop", e);
        }
    }

    /** The launched system itself (processes, ports), for tests that start a further process. */
    LaunchedSystem launched() {
        return system;
    }

    private static Path root() {
        return Path.of(System.getProperty("backchannel.root", "..")).toAbsolutePath().normalize();
    }

    private static SystemLauncher launcher(Path data) {
        return SystemLauncher.of(root(), data)
                .jvmOptions(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"))
                .environment("BACKCHANNEL_API_QUEUE_DELAY_MIN", "50ms")
                .environment("BACKCHANNEL_API_QUEUE_DELAY_MAX", "200ms")
                .environment("BACKCHANNEL_API_RATE_LIMIT_PER_SECOND", "1000")
                .environment("BACKCHANNEL_API_RATE_LIMIT_BURST", "1000")
                // every test user signs in from this one address
                .environment("BACKCHANNEL_API_RATE_LIMIT_SESSIONS_PER_MINUTE", "100000")
                .environment("BACKCHANNEL_API_RATE_LIMIT_SESSIONS_BURST", "100000")
                // the chaos tests switch faults on through PUT /api/chaos (ChaosSwitch); calm unless they do
                .environment("BACKCHANNEL_CHAOS_ENABLED", "true")
                // the browser tests drive the page through its test hooks (window.__backchannel)
                .environment("BACKCHANNEL_PAGE_TEST_HOOKS", "true")
                // redeliveries 20 ms, 40 ms, ... apart: the 10 deliveries before a dead letter take ~10 s, not ~2.5 min
                .environment("BROKER_REDELIVERY_DELAY_MS", "20")
                .readyTimeout(Duration.ofMinutes(3));
    }

    /** Waits until the service answers ready (the broker: accepts TCP connections). */
    void awaitReady(Service service) {
        system.awaitReady(service.module());
    }

    /** SIGKILL one service, as a crash would. */
    void kill(Service service) {
        system.kill(service.module());
    }

    /** SIGTERM: the service shuts down as an operator's restart would. */
    void stop(Service service) {
        system.stop(service.module());
    }

    /** Starts a service again (after {@link #kill} or {@link #stop}) and waits until it is ready. */
    void restart(Service service) {
        system.restart(service.module());
    }

    /** The broker's first-run password, for tests that read a queue over AMQP themselves. */
    String brokerPassword() {
        return system.brokerPassword();
    }

    URI url(Service service, String path) {
        return URI.create(system.url(service.module()) + path);
    }

    URI apiUrl() {
        return url(Service.API_COMMAND, "");
    }

    URI queryUrl() {
        return url(Service.PROCESSOR, "");
    }

    URI socketUrl() {
        return socketUrl(Service.SOCKET_GATEWAY);
    }

    /** The websocket of one gateway node. */
    URI socketUrl(Service gateway) {
        return system.socketUrl(gateway.module());
    }
}
