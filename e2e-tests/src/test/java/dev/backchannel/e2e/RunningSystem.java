package dev.backchannel.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a user runs it: the built jars of broker, api-command, processor and
 * socket-gateway as child processes on free ports, with first-run secrets made by the same
 * {@code scripts/KeyGen.java} that {@code run.sh} uses. One instance serves every test class of
 * this JVM; it stops with the JVM.
 */
final class RunningSystem {

    private static RunningSystem shared;

    private final Path root;
    private final Path data;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningSystem(Path root, Path data) {
        this.root = root;
        this.data = data;
    }

    /** The system for this JVM, started on first use. */
    static synchronized RunningSystem get() {
        if (shared == null) {
            Path root = Path.of(System.getProperty("backchannel.root", "..")).toAbsolutePath().normalize();
            Path data = root.resolve("e2e-tests/target/e2e-data/run-" + ProcessHandle.current().pid());
            RunningSystem system = new RunningSystem(root, data);
            Runtime.getRuntime().addShutdownHook(new Thread(system::stopAll));
            try {
                system.start();
            } catch (RuntimeException e) {
                system.stopAll();
                throw e;
            }
            shared = system;
        }
        return shared;
    }

    private void start() {
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.jar(root))) {
                throw new IllegalStateException(service.jar(root) + " is missing: build with 'mvn -B verify' "
                        + "from the project root (the e2e tests run the built jars)");
            }
            ports.put(service, freePort());
        }
        makeSecrets();
        for (Service service : Service.values()) {
            ServiceProcess process = new ServiceProcess(service, service.jar(root), environment(service),
                    data.resolve("logs/" + service.module() + ".log"));
            processes.put(service, process);
            process.start();
            if (service == Service.BROKER) {
                awaitReady(service);
            }
        }
        for (Service service : Service.values()) {
            awaitReady(service);
        }
    }

    private void makeSecrets() {
        try {
            Files.createDirectories(data.resolve("logs"));
            Process keygen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    root.resolve("scripts/KeyGen.java").toString(), data.toString()).inheritIO().start();
            if (!keygen.waitFor(60, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
                throw new IllegalStateException("scripts/KeyGen.java failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment(Service service) {
        String password = read(data.resolve("secrets/broker-password"));
        Map<String, String> env = new HashMap<>();
        env.put("AMQP_HOST", "127.0.0.1");
        env.put("AMQP_PORT", String.valueOf(ports.get(Service.BROKER)));
        env.put("AMQP_PASSWORD", password);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + data.resolve("keys/public.pem"));
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + data.resolve("keys/private.pem"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        // short delays keep the suite fast; the delay itself is tested in api-command
        env.put("BACKCHANNEL_API_QUEUE_DELAY_MIN", "50ms");
        env.put("BACKCHANNEL_API_QUEUE_DELAY_MAX", "200ms");
        env.put("BACKCHANNEL_API_RATE_LIMIT_PER_SECOND", "1000");
        env.put("BACKCHANNEL_API_RATE_LIMIT_BURST", "1000");
        env.put("BACKCHANNEL_CLIENT_ORIGINS", "http://localhost:" + ports.get(Service.SOCKET_GATEWAY)
                + ",http://localhost:" + ports.get(Service.SOCKET_GATEWAY_B));
        env.put("BACKCHANNEL_GATEWAY_CLIENT_API_URL", url(Service.API_COMMAND, "").toString());
        env.put("BACKCHANNEL_GATEWAY_CLIENT_QUERY_URL", url(Service.PROCESSOR, "").toString());
        // the chaos tests switch faults on through PUT /api/chaos (ChaosSwitch); calm unless they do
        env.put("BACKCHANNEL_CHAOS_ENABLED", "true");
        switch (service) {
            case BROKER -> {
                env.put("BROKER_HOST", "127.0.0.1");
                env.put("BROKER_PORT", String.valueOf(ports.get(Service.BROKER)));
                env.put("BROKER_DATA_DIR", data.resolve("broker").toString());
                env.put("BROKER_PASSWORD", password);
            }
            case API_COMMAND, PROCESSOR -> env.put("BACKCHANNEL_DATA", data.toString());
            case SOCKET_GATEWAY -> env.put("BACKCHANNEL_GATEWAY_NODE_ID", "e2e-gateway-a");
            case SOCKET_GATEWAY_B -> env.put("BACKCHANNEL_GATEWAY_NODE_ID", "e2e-gateway-b");
        }
        return env;
    }

    /** Waits until the service answers ready (the broker: accepts TCP connections). */
    void awaitReady(Service service) {
        ServiceProcess process = processes.get(service);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .failFast(service.module() + " exited; see " + process.log(), () -> !process.isAlive())
                .until(() -> service == Service.BROKER ? accepts(ports.get(service)) : isReady(service));
    }

    private boolean isReady(Service service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url(service, "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL one service, as a crash would. */
    void kill(Service service) {
        processes.get(service).kill();
    }

    /** SIGTERM: the service shuts down as an operator's restart would. */
    void stop(Service service) {
        processes.get(service).stop();
    }

    /** Starts a service again (after {@link #kill} or {@link #stop}) and waits until it is ready. */
    void restart(Service service) {
        processes.get(service).start();
        awaitReady(service);
    }

    /** The broker's first-run password, for tests that read a queue over AMQP themselves. */
    String brokerPassword() {
        return read(data.resolve("secrets/broker-password"));
    }

    URI url(Service service, String path) {
        return URI.create("http://localhost:" + ports.get(service) + path);
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
        return URI.create("ws://localhost:" + ports.get(gateway) + "/ws");
    }

    private void stopAll() {
        Service[] order = Service.values();
        for (int i = order.length - 1; i >= 0; i--) {
            ServiceProcess process = processes.get(order[i]);
            if (process != null) {
                process.stop();
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
