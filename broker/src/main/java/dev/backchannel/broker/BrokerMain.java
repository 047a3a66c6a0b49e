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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Backchannel broker stopping");
            broker.close();
            log.info("Backchannel broker stopped");
            stopped.countDown();
        }, "broker-shutdown"));
        log.info("Backchannel broker {} ready on {} (data: {}){}", settings.nodeName(), settings.amqpUrl(),
                settings.dataDir(), settings.cluster().map(cluster -> "; cluster bridges on " + cluster.acceptorUrl()
                        + " to " + cluster.peers()).orElse(""));
        stopped.await();
    }
}
