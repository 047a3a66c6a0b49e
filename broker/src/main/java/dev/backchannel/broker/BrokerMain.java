package dev.backchannel.broker;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar broker.jar}: runs the broker until the process is stopped. */
public final class BrokerMain {

    static final int EXIT_CONFIGURATION_ERROR = 2;
    static final int EXIT_START_FAILED = 1;

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneLogging.configure();
        BrokerSettings settings;
        try {
            settings = BrokerSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("broker: " + e.getMessage());
            System.exit(EXIT_CONFIGURATION_ERROR);
            return;
        }
        Logger log = LoggerFactory.getLogger(BrokerMain.class);
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(settings);
        } catch (EmbeddedBroker.BrokerStartException e) {
            log.error(e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        }
        MetricsEndpoint metrics = startMetrics(settings, broker, log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Backchannel broker stopping");
            if (metrics != null) {
                metrics.close();
            }
            broker.close();
            log.info("Backchannel broker stopped");
            stopped.countDown();
        }, "broker-shutdown"));
        log.info("Backchannel broker {} ready on {} (data: {}){}", settings.nodeName(), settings.amqpUrl(),
                settings.dataDir(), settings.cluster().map(cluster -> "; cluster bridges on " + cluster.acceptorUrl()
                        + " to " + cluster.peers()).orElse(""));
        stopped.await();
    }

    /** {@code BROKER_METRICS_PORT} (default 8083; {@code off} for none) on {@code BROKER_METRICS_HOST} (default the broker's host). */
    private static MetricsEndpoint startMetrics(BrokerSettings settings, EmbeddedBroker broker, Logger log) {
        String port = setting("BROKER_METRICS_PORT", String.valueOf(MetricsEndpoint.DEFAULT_PORT));
        if ("off".equalsIgnoreCase(port)) {
            return null;
        }
        String host = setting("BROKER_METRICS_HOST", settings.host());
        try {
            MetricsEndpoint endpoint = MetricsEndpoint.start(host, Integer.parseInt(port.trim()), broker.metrics());
            log.info("Broker metrics on http://{}:{}/metrics", host, endpoint.port());
            return endpoint;
        } catch (RuntimeException e) {
            log.error("broker: {}", e.getMessage());
            broker.close();
            System.exit(EXIT_START_FAILED);
            return null;
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null) {
            value = System.getProperty(name.toLowerCase().replace('_', '.'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
