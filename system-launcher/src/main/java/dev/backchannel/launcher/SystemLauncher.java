package dev.backchannel.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the whole system the way a user runs it: the built jars of broker, api-command, processor
 * and one or more socket-gateway nodes as child processes on free ports, with first-run secrets made
 * by the same {@code scripts/KeyGen.java} that {@code run.sh} uses, in a data folder of its own. The
 * end-to-end tests and the benchmark start the system through this; what differs between them
 * (queue delay, rate limits, chaos, heap) is environment and JVM options they pass.
 */
public final class SystemLauncher {

    public static final String BROKER = "broker";
    public static final String API_COMMAND = "api-command";
    public static final String PROCESSOR = "processor";
    public static final String SOCKET_GATEWAY = "socket-gateway";

    /** The broker's user name; its password is made on the first run. */
    public static final String BROKER_USER = "backchannel";

    private static final List<String> MODULES = List.of(BROKER, API_COMMAND, PROCESSOR, SOCKET_GATEWAY);

    private final Path root;
    private final Path data;
    private final Map<String, String> gateways = new LinkedHashMap<>();
    private final List<String> processors = new ArrayList<>();
    private final List<String> brokers = new ArrayList<>();
    private final List<String> apis = new ArrayList<>();
    private final Map<String, String> attachedTo = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, List<String>> serviceJvmOptions = new HashMap<>();
    private String host;
    private SystemTls tls;
    private Duration readyTimeout = Duration.ofMinutes(2);
    private int startWave = Integer.MAX_VALUE;

    private SystemLauncher(Path root, Path data) {
        this.root = root;
        this.data = data;
    }

    /** The system built under {@code root} (the project folder), keeping its data, keys and logs in {@code data}. */
    public static SystemLauncher of(Path root, Path data) {
        return new SystemLauncher(root, data);
    }

    /**
     * Adds a gateway node: its process {@code name} and its {@code backchannel.gateway.node-id} ({@code null}:
     * none configured, the node makes a unique one). One by default.
     */
    public SystemLauncher gateway(String name, String nodeId) {
        gateways.put(name, nodeId);
        return this;
    }

    /**
     * Adds a processor instance by its process name (the first one is {@code processor} by default).
     * Several processors share one database, so they need {@code BACKCHANNEL_DB_KIND=postgresql}.
     */
    public SystemLauncher processor(String name) {
        processors.add(name);
        return this;
    }

    /**
     * Adds a broker by its process name (the first one is {@code broker} by default). Two or more
     * brokers form a cluster (a cluster connection from each to the others) and act as one.
     */
    public SystemLauncher broker(String name) {
        brokers.add(name);
        return this;
    }

    /** Adds an api-command node by its process name (the first one is {@code api-command} by default). */
    public SystemLauncher apiCommand(String name) {
        apis.add(name);
        return this;
    }

    /** Connects a service (api-command, processor or gateway node, by name) to this broker; the first by default. */
    public SystemLauncher attach(String service, String broker) {
        attachedTo.put(service, broker);
        return this;
    }

    /** An environment variable for every service (configuration, such as the queue delay). */
    public SystemLauncher environment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** JVM options for every service. */
    public SystemLauncher jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** JVM options for one service (a gateway node's name, or a module), after those for every service. */
    public SystemLauncher jvmOptions(String service, List<String> options) {
        serviceJvmOptions.computeIfAbsent(service, s -> new ArrayList<>()).addAll(options);
        return this;
    }

    /** Binds every service's HTTP port to {@code host} and names it in the URLs; by default they listen everywhere. */
    public SystemLauncher host(String host) {
        this.host = host;
        return this;
    }

    /**
     * TLS on every link: the broker's acceptor serves AMQPS only, every service connects to it over TLS
     * trusting {@code tls}'s trust store, and serves HTTPS and WSS only (no plain HTTP port) with its key
     * store; {@link LaunchedSystem#url} and {@link LaunchedSystem#socketUrl} then name {@code https}/{@code wss}.
     */
    public SystemLauncher tls(SystemTls tls) {
        this.tls = tls;
        return this;
    }

    /** Starts the services (after the brokers) this many at a time, each group once the one before is ready. */
    public SystemLauncher startInWavesOf(int services) {
        if (services < 1) {
            throw new IllegalArgumentException("a wave has at least one service");
        }
        this.startWave = services;
        return this;
    }

    /** How long each service may take to become ready. */
    public SystemLauncher readyTimeout(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    /** Starts every service in order and waits until each is ready; stops what it started when one fails. */
    public LaunchedSystem start() {
        List<Path> missing = missingJars(root);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing " + missing + ": build them from the project root with 'mvn -B "
                    + "install -DskipTests -pl broker,api-command,processor,socket-gateway -am' (or 'mvn -B verify')");
        }
        Map<String, String> nodes = gateways.isEmpty() ? Map.of(SOCKET_GATEWAY, "gateway-1") : gateways;
        List<String> processorNames = processors.isEmpty() ? List.of(PROCESSOR) : List.copyOf(processors);
        if (processorNames.size() > 1 && !"postgresql".equals(environment.get("BACKCHANNEL_DB_KIND"))) {
            throw new IllegalStateException("several processors share one database: set BACKCHANNEL_DB_KIND=postgresql"
                    + " and BACKCHANNEL_DB_URL (an H2 file belongs to one process)");
        }
        List<String> brokerNames = brokers.isEmpty() ? List.of(BROKER) : List.copyOf(brokers);
        List<String> apiNames = apis.isEmpty() ? List.of(API_COMMAND) : List.copyOf(apis);
        Map<String, Integer> ports = new LinkedHashMap<>();
        brokerNames.forEach(name -> ports.put(name, freePort()));
        apiNames.forEach(name -> ports.put(name, freePort()));
        processorNames.forEach(name -> ports.put(name, freePort()));
        nodes.keySet().forEach(name -> ports.put(name, freePort()));
        Map<String, Integer> clusterPorts = new LinkedHashMap<>();
        if (brokerNames.size() > 1) {
            brokerNames.forEach(name -> clusterPorts.put(name, freePort()));
        }
        String password = makeSecrets();
        LaunchedSystem system = new LaunchedSystem(data, host == null ? "localhost" : host, ports, password,
                readyTimeout, new LaunchedSystem.Roles(brokerNames, apiNames, processorNames,
                        List.copyOf(nodes.keySet())), tls);
        try {
            for (String service : ports.keySet()) {
                String module = nodes.containsKey(service) ? SOCKET_GATEWAY
                        : processorNames.contains(service) ? PROCESSOR
                        : apiNames.contains(service) ? API_COMMAND
                        : brokerNames.contains(service) ? BROKER : service;
                List<String> arguments = new ArrayList<>(jvmOptions);
                arguments.addAll(serviceJvmOptions.getOrDefault(module, List.of()));
                if (!module.equals(service)) {
                    arguments.addAll(serviceJvmOptions.getOrDefault(service, List.of()));
                }
                arguments.addAll(List.of("-jar", jar(root, module).toString()));
                system.add(service, ServiceProcess.java(service, arguments,
                        environment(service, module, nodes.get(service), system, clusterPorts),
                        data.resolve("logs/" + service + ".log")));
            }
            system.startAll(startWave);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Where the built jar of {@code module} is. */
    public static Path jar(Path root, String module) {
        return BROKER.equals(module) ? root.resolve("broker/target/broker.jar")
                : root.resolve(module + "/target/quarkus-app/quarkus-run.jar");
    }

    /** The built jars this needs that are missing. */
    public static List<Path> missingJars(Path root) {
        return MODULES.stream().map(m -> jar(root, m)).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    /** A TCP port free on the loopback interface right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String makeSecrets() {
        try {
            Files.createDirectories(data.resolve("logs"));
            Process keygen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    root.resolve("scripts/KeyGen.java").toString(), data.toString())
                    .redirectErrorStream(true).redirectOutput(data.resolve("logs/keygen.log").toFile()).start();
            if (!keygen.waitFor(60, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
                throw new IllegalStateException("scripts/KeyGen.java failed; see " + data.resolve("logs/keygen.log"));
            }
            return Files.readString(data.resolve("secrets/broker-password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment(String service, String module, String nodeId, LaunchedSystem system,
            Map<String, Integer> clusterPorts) {
        Map<String, String> env = new HashMap<>();
        String broker = attachedTo.getOrDefault(service, system.brokers().get(0));
        env.put("AMQP_HOST", "127.0.0.1");
        env.put("AMQP_PORT", String.valueOf(system.port(broker)));
        env.put("AMQP_PASSWORD", system.brokerPassword());
        // the demo identity provider, as in run.sh; an environment naming an OIDC issuer's JWKS replaces its key
        if (!environment.containsKey("BACKCHANNEL_OIDC_JWKS_URL")) {
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + data.resolve("keys/public.pem"));
        }
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + data.resolve("keys/private.pem"));
        env.put("BACKCHANNEL_DEMO_SIGNIN", "true");
        env.put("BACKCHANNEL_CHAOS_EDITORS", "*");
        if (tls == null) {
            env.put("QUARKUS_HTTP_PORT", String.valueOf(system.port(service)));
        } else {
            env.put("AMQP_TLS", "true");
            env.put("AMQP_TRUSTSTORE", tls.trustStore().toAbsolutePath().toString());
            env.put("AMQP_TRUSTSTORE_PASSWORD", tls.password());
            env.put("QUARKUS_TLS_KEY_STORE_P12_PATH", tls.keyStore().toAbsolutePath().toString());
            env.put("QUARKUS_TLS_KEY_STORE_P12_PASSWORD", tls.password());
            env.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(system.port(service)));
            env.put("QUARKUS_HTTP_PORT", String.valueOf(freePort())); // not opened: insecure requests are disabled
            env.put("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
        }
        if (host != null) {
            env.put("QUARKUS_HTTP_HOST", host);
        }
        // the browser page is served by every gateway node and calls api-command and processor directly
        env.put("BACKCHANNEL_CLIENT_ORIGINS", String.join(",", system.gateways().stream()
                .map(gateway -> (tls == null ? "http" : "https") + "://localhost:" + system.port(gateway)).toList()));
        env.put("BACKCHANNEL_GATEWAY_CLIENT_API_URL", system.url(system.apis().get(0)).toString());
        env.put("BACKCHANNEL_GATEWAY_CLIENT_QUERY_URL", system.url(system.processors().get(0)).toString());
        env.put("BACKCHANNEL_API_QUERY_URL", system.url(system.processors().get(0)).toString());
        switch (module) {
            case BROKER -> {
                env.put("BROKER_HOST", "127.0.0.1");
                env.put("BROKER_PORT", String.valueOf(system.port(service)));
                env.put("BROKER_DATA_DIR", data.resolve(service).toString());
                env.put("BROKER_PASSWORD", system.brokerPassword());
                // its Prometheus endpoint (8083 by default) on a free port too: several systems may run at once
                env.put("BROKER_METRICS_PORT", String.valueOf(freePort()));
                if (tls != null) {
                    env.put("BROKER_TLS_KEYSTORE", tls.keyStore().toAbsolutePath().toString());
                    env.put("BROKER_TLS_KEYSTORE_PASSWORD", tls.password());
                }
                if (!clusterPorts.isEmpty()) {
                    env.put("BROKER_NODE_NAME", service);
                    env.put("BROKER_CLUSTER_PORT", String.valueOf(clusterPorts.get(service)));
                    env.put("BROKER_CLUSTER_PEERS", String.join(",", clusterPorts.entrySet().stream()
                            .filter(peer -> !peer.getKey().equals(service))
                            .map(peer -> "127.0.0.1:" + peer.getValue()).toList()));
                }
            }
            // every api-command node keeps its own H2 file (accepted commands); the first one in the data folder
            case API_COMMAND -> env.put("BACKCHANNEL_DATA",
                    (service.equals(system.apis().get(0)) ? data : data.resolve(service)).toString());
            case PROCESSOR -> env.put("BACKCHANNEL_DATA", data.toString());
            case SOCKET_GATEWAY -> {
                if (nodeId != null) { // none: the node makes a unique one
                    env.put("BACKCHANNEL_GATEWAY_NODE_ID", nodeId);
                }
            }
            default -> throw new IllegalArgumentException(module);
        }
        env.putAll(environment);
        return env;
    }
}
