package dev.backchannel.launcher;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system {@link SystemLauncher} started: where each service listens, its process (to kill,
 * stop or restart it), the broker's password. Services are named by module ({@code broker},
 * {@code api-command}, {@code processor}) or by the name given to a gateway node.
 */
public final class LaunchedSystem implements AutoCloseable {

    private final Path data;
    private final String host;
    private final Map<String, Integer> ports;
    private final String brokerPassword;
    private final Duration readyTimeout;
    private final Roles roles;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final boolean tls;
    private final HttpClient http;

    /** The names of the processes in each role, in start order. */
    record Roles(List<String> brokers, List<String> apis, List<String> processors, List<String> gateways) {
        Roles {
            brokers = List.copyOf(brokers);
            apis = List.copyOf(apis);
            processors = List.copyOf(processors);
            gateways = List.copyOf(gateways);
        }
    }

    LaunchedSystem(Path data, String host, Map<String, Integer> ports, String brokerPassword, Duration readyTimeout,
            Roles roles, SystemTls tls) {
        this.data = data;
        this.tls = tls != null;
        HttpClient.Builder probes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (tls != null) {
            probes.sslContext(tls.trusting());
        }
        this.http = probes.build();
        this.host = host;
        this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports)); // start order
        this.roles = roles;
        this.brokerPassword = brokerPassword;
        this.readyTimeout = readyTimeout;
    }

    void add(String service, ServiceProcess process) {
        processes.put(service, process);
    }

    /**
     * Starts the brokers and waits for them, then starts the others, {@code wave} at a time, and waits
     * until each wave is ready (many JVMs booting at once on a small machine time each other out).
     */
    void startAll(int wave) {
        roles.brokers().forEach(broker -> process(broker).start());
        roles.brokers().forEach(this::awaitReady);
        List<String> others = new ArrayList<>(processes.keySet());
        others.removeAll(roles.brokers());
        for (int from = 0; from < others.size(); from += wave) {
            List<String> starting = others.subList(from, Math.min(others.size(), from + wave));
            starting.forEach(service -> processes.get(service).start());
            starting.forEach(this::awaitReady);
        }
    }

    /** Waits until the service answers ready (a broker: accepts TCP connections). */
    public void awaitReady(String service) {
        process(service).awaitReady(readyTimeout, () -> roles.brokers().contains(service)
                ? accepts(port(service)) : isReady(service));
    }

    /** SIGKILL one service, as a crash would. */
    public void kill(String service) {
        process(service).kill();
    }

    /** SIGTERM: the service shuts down as an operator's restart would. */
    public void stop(String service) {
        process(service).stop();
    }

    /** Starts a service again (after {@link #kill} or {@link #stop}) and waits until it is ready. */
    public void restart(String service) {
        process(service).start();
        awaitReady(service);
    }

    public ServiceProcess process(String service) {
        return known(processes, service);
    }

    /**
     * A process like {@code service} (same jar, same broker, same options), named {@code name}, on a
     * free HTTP port, with {@code changes} to its environment; not started, and not stopped by
     * {@link #close}: the caller owns it.
     */
    public ServiceProcess another(String service, String name, Map<String, String> changes) {
        Map<String, String> environment = new java.util.HashMap<>(changes);
        environment.putIfAbsent("QUARKUS_HTTP_PORT", String.valueOf(SystemLauncher.freePort()));
        return process(service).copy(name, environment, logs().resolve(name + ".log"));
    }

    public long pid(String service) {
        return process(service).pid();
    }

    public int port(String service) {
        return known(ports, service);
    }

    /** {@code http://host:port} of the service ({@code https://} when the system runs with TLS). */
    public URI url(String service) {
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port(service));
    }

    /** The websocket of one gateway node ({@code wss://} when the system runs with TLS). */
    public URI socketUrl(String gateway) {
        return URI.create((tls ? "wss" : "ws") + "://" + host + ":" + port(gateway) + "/ws");
    }

    /** The names of the gateway nodes, in start order. */
    public List<String> gateways() {
        return roles.gateways();
    }

    /** The names of the processor instances, in start order; the first answers the query side by default. */
    public List<String> processors() {
        return roles.processors();
    }

    /** The names of the brokers, in start order (two or more form a cluster). */
    public List<String> brokers() {
        return roles.brokers();
    }

    /** The names of the api-command nodes, in start order. */
    public List<String> apis() {
        return roles.apis();
    }

    /** The host the URLs name. */
    public String host() {
        return host;
    }

    /** The broker's first-run password, for clients that read or write its addresses themselves. */
    public String brokerPassword() {
        return brokerPassword;
    }

    /** Every service's log file is here. */
    public Path logs() {
        return data.resolve("logs");
    }

    /** Stops every service, the last started first. */
    @Override
    public void close() {
        List<ServiceProcess> started = new ArrayList<>(processes.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    private boolean isReady(String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url(service).resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T known(Map<String, T> byService, String service) {
        T value = byService.get(service);
        if (value == null) {
            throw new IllegalArgumentException("no service " + service + " in " + byService.keySet());
        }
        return value;
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
