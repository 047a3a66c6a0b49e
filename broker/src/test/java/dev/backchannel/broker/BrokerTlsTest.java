package dev.backchannel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.amqptest.TestCertificates;
import dev.backchannel.schemas.Addresses;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AMQP acceptor with a key store: AMQPS only, with a certificate this test makes. */
class BrokerTlsTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path certificateDir;

    private TestCertificates certificates;
    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() {
        certificates = TestCertificates.in(certificateDir);
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir)
                .withTls(new BrokerTlsSettings(certificates.keyStore(), TestCertificates.PASSWORD)));
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void shouldAcceptAClientOverTlsThatTrustsTheBrokersCertificate() throws Exception {
        BrokerSettings settings = broker.settings();
        try (AmqpTestClient client = AmqpTestClient.connectTls(settings.host(), settings.port(), settings.user(),
                settings.password(), certificates.trustStore(), TestCertificates.PASSWORD)) {
            client.send(Addresses.COMMANDS, AmqpTestClient.durableText("over tls"));
        }
        assertThat(broker.messageCount(Addresses.COMMANDS)).isEqualTo(1);
        assertThat(broker.amqpUrl()).startsWith("amqps://");
    }

    @Test
    void shouldRefuseAPlainAmqpConnection() {
        BrokerSettings settings = broker.settings();
        assertThatThrownBy(() -> AmqpTestClient.connect(settings.host(), settings.port(), settings.user(),
                settings.password()).close()).isInstanceOf(Exception.class);
        assertThat(broker.messageCount(Addresses.COMMANDS)).isZero();
    }

    @Test
    void shouldRefuseATlsClientThatDoesNotTrustTheCertificate(@TempDir Path otherDir) {
        TestCertificates stranger = TestCertificates.in(otherDir);
        BrokerSettings settings = broker.settings();
        assertThatThrownBy(() -> AmqpTestClient.connectTls(settings.host(), settings.port(), settings.user(),
                settings.password(), stranger.trustStore(), TestCertificates.PASSWORD).close())
                .isInstanceOf(Exception.class);
    }
}
