package dev.backchannel.bench.system;

import java.net.URI;

/**
 * Where the system under test is. The pids are 0 when the benchmark did not start the process
 * itself and was not told them (then memory and CPU figures of that process are not measured).
 */
public record SystemUnderTest(URI apiUrl, URI queryUrl, URI socketUrl, String amqpHost, int amqpPort,
        String amqpUser, String amqpPassword, long gatewayPid, long brokerPid, long apiPid, long processorPid,
        boolean startedHere) {

    /** The gateway's Prometheus endpoint. */
    public URI gatewayMetricsUrl() {
        return URI.create("http://" + socketUrl.getHost() + ":" + socketUrl.getPort() + "/q/metrics");
    }
}
