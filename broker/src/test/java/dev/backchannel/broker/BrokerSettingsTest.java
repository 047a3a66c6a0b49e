package dev.backchannel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSettingsTest {

    @Test
    void shouldRefuseToStartWithoutPassword() {
        assertThatThrownBy(() -> BrokerSettings.fromLookup(Map.<String, String>of()::get))
                .isInstanceOf(BrokerSettings.MissingPasswordException.class)
                .hasMessageContaining("BROKER_PASSWORD");
    }

    @Test
    void shouldUseDefaultsWhenOnlyPasswordIsSet() {
        BrokerSettings settings = BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "s3cret")::get);

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(5672);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data/broker"));
        assertThat(settings.user()).isEqualTo("backchannel");
        assertThat(settings.maxDeliveryAttempts()).isEqualTo(10);
        assertThat(settings.redeliveryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.statusTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldReadEveryEnvironmentVariable() {
        BrokerSettings settings = BrokerSettings.fromLookup(Map.of(
                "BROKER_HOST", "0.0.0.0", "BROKER_PORT", "5673", "BROKER_DATA_DIR", "/tmp/b",
                "BROKER_USER", "ops", "BROKER_PASSWORD", "s3cret",
                "BROKER_MAX_DELIVERY_ATTEMPTS", "4", "BROKER_REDELIVERY_DELAY_MS", "250",
                "BROKER_STATUS_TTL_MS", "60000")::get);

        assertThat(settings).isEqualTo(new BrokerSettings("0.0.0.0", 5673, Path.of("/tmp/b"), "ops", "s3cret",
                4, Duration.ofMillis(250), Duration.ofMinutes(1)));
    }

    @Test
    void shouldServeAmqpsWhenAKeyStoreIsConfigured(@TempDir Path dir) throws Exception {
        Path keyStore = Files.writeString(dir.resolve("broker.p12"), "not read here");
        BrokerSettings settings = BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x", "BROKER_PORT", "5671",
                "BROKER_TLS_KEYSTORE", keyStore.toString(), "BROKER_TLS_KEYSTORE_PASSWORD", "store-secret")::get);

        assertThat(settings.tls()).contains(new BrokerTlsSettings(keyStore, "store-secret"));
        assertThat(settings.amqpUrl()).isEqualTo("amqps://127.0.0.1:5671");
        assertThat(settings.toString()).doesNotContain("store-secret");
    }

    @Test
    void shouldServePlainAmqpWithoutAKeyStore() {
        BrokerSettings settings = BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x")::get);

        assertThat(settings.tls()).isEmpty();
        assertThat(settings.amqpUrl()).startsWith("amqp://");
    }

    @Test
    void shouldRefuseAKeyStoreWithoutPassword(@TempDir Path dir) throws Exception {
        Path keyStore = Files.writeString(dir.resolve("broker.p12"), "x");
        assertThatThrownBy(() -> BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x",
                "BROKER_TLS_KEYSTORE", keyStore.toString())::get))
                .hasMessageContaining("BROKER_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void shouldRefuseAKeyStoreThatCannotBeRead() {
        assertThatThrownBy(() -> BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x",
                "BROKER_TLS_KEYSTORE", "/nonexistent/broker.p12", "BROKER_TLS_KEYSTORE_PASSWORD", "p")::get))
                .hasMessageContaining("BROKER_TLS_KEYSTORE").hasMessageContaining("/nonexistent/broker.p12");
    }

    @Test
    void shouldRejectPortThatIsNotANumber() {
        assertThatThrownBy(() -> BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x", "BROKER_PORT", "amqp")::get))
                .hasMessageContaining("BROKER_PORT");
    }

    @Test
    void shouldNeverPrintPassword() {
        BrokerSettings settings = BrokerSettings.forTests(Path.of("/tmp/b"));

        assertThat(settings.toString()).doesNotContain(settings.password());
    }

    @Test
    void shouldReadTheClusterFromTheEnvironment() {
        BrokerSettings settings = BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x", "BROKER_NODE_NAME", "broker-2",
                "BROKER_CLUSTER_PORT", "61617", "BROKER_CLUSTER_PEERS", "10.0.0.1:61616, 10.0.0.3:61616")::get);

        assertThat(settings.cluster()).contains(new ClusterSettings("broker-2", "127.0.0.1", 61617,
                java.util.List.of("10.0.0.1:61616", "10.0.0.3:61616")));
        assertThat(settings.nodeName()).isEqualTo("broker-2");
    }

    @Test
    void shouldRefuseAClusterWithoutPeers() {
        assertThatThrownBy(() -> BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x",
                "BROKER_CLUSTER_PORT", "61617")::get)).hasMessageContaining("BROKER_CLUSTER_PEERS");
    }

    @Test
    void shouldRunAloneWithoutAClusterPort() {
        assertThat(BrokerSettings.fromLookup(Map.of("BROKER_PASSWORD", "x")::get).cluster()).isEmpty();
    }
}
