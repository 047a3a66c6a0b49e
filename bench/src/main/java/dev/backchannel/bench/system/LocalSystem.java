package dev.backchannel.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system started by the benchmark, the way a user runs it: the built jars of broker,
 * api-command, processor and socket-gateway as child processes on free ports, secrets from
 * {@code scripts/KeyGen.java} in a temporary data folder, chaos off and zero queue delay (so
 * end-to-end latency is the system's own), a per-user rate limit out of the way.
 */
public final class LocalSystem implements AutoCloseable {

    /** broker, api-command, processor, socket-gateway: in start order. */
    private static final List<String> MODULES = List.of("broker", "api-command", "processor", "socket-gateway");

    private final Path root;
    private final Path data;
    private final String gatewayHeap;
    private final List<String> jvmOptions;
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, ServiceProcess> processes = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String password;

    private LocalSystem(Path root, Path data, String gatewayHeap, List<String> jvmOptions) {
        this.root = root;
        this.data = data;
        this.gatewayHeap = gatewayHeap;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts every service and waits until each is ready (at most {@code timeout} each).
     * {@code jvmOptions} go to every service's JVM.
     */
    public static LocalSystem start(Path root, Path data, String gatewayHeap, List<String> jvmOptions,
            Duration timeout) {
        LocalSystem system = new LocalSystem(root, data, gatewayHeap, jvmOptions);
        try {
            system.startAll(timeout);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public static Path jar(Path root, String module) {
        return "broker".equals(module) ? root.resolve("broker/target/broker.jar")
                : root.resolve(module + "/target/quarkus-app/quarkus-run.jar");
    }

    /** The built jars this needs, and which of them are missing. */
    public static List<Path> missingJars(Path root) {
        return MODULES.stream().map(m -> jar(root, m)).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    private void startAll(Duration timeout) {
        List<Path> missing = missingJars(root);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing " + missing + ": build them with 'mvn -B install -DskipTests -pl "
                    + "broker,api-command,processor,socket-gateway -am' from the project root (bench.sh does)");
        }
        for (String module : MODULES) {
            ports.put(module, freePort());
        }
        makeSecrets();
        for (String module : MODULES) {
            List<String> arguments = new ArrayList<>();
            arguments.add(module.equals("socket-gateway") ? "-Xmx" + gatewayHeap : "-Xmx512m");
            arguments.add("-XX:+UseG1GC");
            arguments.addAll(jvmOptions);
            arguments.addAll(List.of("-jar", jar(root, module).toString()));
            ServiceProcess process = ServiceProcess.java(module, arguments, environment(module),
                    data.resolve("logs/" + module + ".log"));
            processes.put(module, process);
            process.start();
            if (module.equals("broker")) {
                process.awaitReady(timeout, () -> accepts(ports.get("broker")));
            }
        }
        for (String module : MODULES.subList(1, MODULES.size())) {
            processes.get(module).awaitReady(timeout, () -> isReady(module));
        }
    }

    public SystemUnderTest target() {
        return new SystemUnderTest(url("api-command"), url("processor"),
                URI.create("ws://127.0.0.1:" + ports.get("socket-gateway") + "/ws"), "127.0.0.1", ports.get("broker"),
                "backchannel", password, processes.get("socket-gateway").pid(), processes.get("broker").pid(),
                processes.get("api-command").pid(), processes.get("processor").pid(), true);
    }

    public Path logs() {
        return data.resolve("logs");
    }

    private void makeSecrets() {
        try {
            Files.createDirectories(data.resolve("logs"));
            Process keygen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    root.resolve("scripts/KeyGen.java").toString(), data.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!keygen.waitFor(60, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
                throw new IllegalStateException("scripts/KeyGen.java failed");
            }
            password = Files.readString(data.resolve("secrets/broker-password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment(String module) {
        Map<String, String> env = new HashMap<>();
        env.put("AMQP_HOST", "127.0.0.1");
        env.put("AMQP_PORT", String.valueOf(ports.get("broker")));
        env.put("AMQP_PASSWORD", password);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + data.resolve("keys/public.pem"));
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + data.resolve("keys/private.pem"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(module)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("BACKCHANNEL_CHAOS_ENABLED", "false");
        // end to end measures the system, not the demo's artificial queue delay
        env.put("BACKCHANNEL_API_QUEUE_DELAY_MIN", "0ms");
        env.put("BACKCHANNEL_API_QUEUE_DELAY_MAX", "0ms");
        env.put("BACKCHANNEL_API_RATE_LIMIT_PER_SECOND", "100000");
        env.put("BACKCHANNEL_API_RATE_LIMIT_BURST", "100000");
        env.put("BACKCHANNEL_CLIENT_ORIGINS", "http://localhost:" + ports.get("socket-gateway"));
        env.put("BACKCHANNEL_GATEWAY_CLIENT_API_URL", url("api-command").toString());
        env.put("BACKCHANNEL_GATEWAY_CLIENT_QUERY_URL", url("processor").toString());
        switch (module) {
            case "broker" -> {
                env.put("BROKER_HOST", "127.0.0.1");
                env.put("BROKER_PORT", String.valueOf(ports.get("broker")));
                env.put("BROKER_DATA_DIR", data.resolve("broker").toString());
                env.put("BROKER_PASSWORD", password);
            }
            case "api-command", "processor" -> env.put("BACKCHANNEL_DATA", data.toString());
            case "socket-gateway" -> env.put("BACKCHANNEL_GATEWAY_NODE_ID", "bench-gateway-1");
            default -> throw new IllegalArgumentException(module);
        }
        return env;
    }

    private boolean isReady(String module) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url(module).resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private URI url(String module) {
        return URI.create("http://127.0.0.1:" + ports.get(module));
    }

    @Override
    public void close() {
        for (int i = MODULES.size() - 1; i >= 0; i--) {
            ServiceProcess process = processes.get(MODULES.get(i));
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

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
