package dev.backchannel.testsupport;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.amqptest.TestCertificates;
import dev.backchannel.broker.BrokerSettings;
import dev.backchannel.broker.BrokerTlsSettings;
import dev.backchannel.broker.EmbeddedBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Starts an embedded broker on a free port in a temp dir and points the SmallRye AMQP connector at
 * it. Use with {@code @QuarkusTestResource(BrokerTestResource.class)}; in the test, call
 * {@link #stopBroker()} / {@link #startBroker()} to simulate an outage and recovery.
 *
 * <p>With the init argument {@code tls=true} ({@code @WithTestResource(value = BrokerTestResource.class,
 * initArgs = @ResourceArg(name = "tls", value = "true"))}) the broker serves AMQPS only, with a certificate
 * for {@code 127.0.0.1} made at start ({@link TestCertificates}), and the service gets {@code amqp-tls=true}
 * and the trust store: every link of the service then runs over TLS, as an operator configures it.
 */
public final class BrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static final ObjectName CONTROL_NAME = objectName("dev.backchannel.test:type=BrokerControl");

    private static volatile BrokerControl current;

    /** Where the certificates of a TLS broker are made (and kept for the next test class). */
    public static final Path CERTIFICATES = Path.of("target/broker-tls");

    private BrokerControl control;
    private Path dataDir;
    private boolean tls;

    @Override
    public void init(Map<String, String> initArgs) {
        tls = Boolean.parseBoolean(initArgs.getOrDefault("tls", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("backchannel-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerSettings settings = BrokerSettings.forTests(dataDir);
        Map<String, String> config = new HashMap<>();
        if (tls) {
            TestCertificates certificates = TestCertificates.in(CERTIFICATES);
            settings = settings.withTls(new BrokerTlsSettings(certificates.keyStore(), TestCertificates.PASSWORD));
            config.put("amqp-tls", "true");
            config.put("amqp-truststore", certificates.trustStore().toAbsolutePath().toString());
            config.put("amqp-truststore-password", TestCertificates.PASSWORD);
        }
        control = BrokerControl.start(settings);
        register(control);
        current = control;
        config.putAll(Map.of(
                "amqp-host", control.getHost(),
                "amqp-port", String.valueOf(control.getPort()),
                "amqp-username", control.getUsername(),
                "amqp-password", control.getPassword(),
                "quarkus.amqp.devservices.enabled", "false",
                "quarkus.log.category.\"org.apache.activemq.audit\".level", "WARN",
                "quarkus.log.category.\"org.apache.activemq.artemis\".level", "WARN"));
        return config;
    }

    @Override
    public void stop() {
        unregister();
        current = null;
        if (control != null) {
            control.close();
            control = null;
        }
        deleteRecursively(dataDir);
    }

    /**
     * The running broker itself, for tests loaded in the same class loader as this resource; when
     * Quarkus separates them this throws: use {@link #control()} instead, which always works.
     */
    public static EmbeddedBroker broker() {
        BrokerControl local = current;
        if (local == null) {
            throw new IllegalStateException("no test broker in this class loader: use BrokerTestResource.control()");
        }
        return local.broker();
    }

    /** The running test broker's control, reachable from any class loader in this JVM. */
    public static BrokerControlMBean control() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (!server.isRegistered(CONTROL_NAME)) {
            throw new IllegalStateException("no test broker: annotate the test with "
                    + "@QuarkusTestResource(BrokerTestResource.class)");
        }
        return JMX.newMBeanProxy(server, CONTROL_NAME, BrokerControlMBean.class);
    }

    /** An AMQP client signed in to the running test broker (over TLS when it serves AMQPS); close it after use. */
    public static AmqpTestClient client() throws Exception {
        BrokerControlMBean broker = control();
        if (broker.isTls()) {
            return AmqpTestClient.connectTls(broker.getHost(), broker.getPort(), broker.getUsername(),
                    broker.getPassword(), TestCertificates.in(CERTIFICATES).trustStore(), TestCertificates.PASSWORD);
        }
        return AmqpTestClient.connect(broker.getHost(), broker.getPort(), broker.getUsername(), broker.getPassword());
    }

    public static void stopBroker() {
        control().stopBroker();
    }

    public static void startBroker() {
        control().startBroker();
    }

    public static long messageCount(String queueName) {
        return control().messageCount(queueName);
    }

    public static long scheduledCount(String queueName) {
        return control().scheduledCount(queueName);
    }

    private static void register(BrokerControl control) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(CONTROL_NAME)) {
                server.unregisterMBean(CONTROL_NAME);
            }
            server.registerMBean(new StandardMBean(control, BrokerControlMBean.class), CONTROL_NAME);
        } catch (JMException e) {
            throw new IllegalStateException("cannot publish the test broker control", e);
        }
    }

    private static void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(CONTROL_NAME)) {
                server.unregisterMBean(CONTROL_NAME);
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot withdraw the test broker control", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
