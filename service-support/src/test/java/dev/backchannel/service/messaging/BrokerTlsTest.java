package dev.backchannel.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.amqp.AmqpClientOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTlsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLeaveOptionsPlainWhenTlsIsOff() {
        AmqpClientOptions options = BrokerTls.of(false, Optional.empty(), Optional.empty())
                .applyTo(new AmqpClientOptions());

        assertThat(options.isSsl()).isFalse();
        assertThat(options.getTrustOptions()).isNull();
    }

    @Test
    void shouldTrustTheConfiguredStoreAndVerifyTheHostName() throws Exception {
        Path store = Files.writeString(dir.resolve("trust.p12"), "read by Vert.x when connecting");

        AmqpClientOptions options = BrokerTls.of(true, Optional.of(store.toString()), Optional.of("secret"))
                .applyTo(new AmqpClientOptions());

        assertThat(options.isSsl()).isTrue();
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(options.getTrustOptions()).isInstanceOfSatisfying(PfxOptions.class, trust -> {
            assertThat(trust.getPath()).isEqualTo(store.toAbsolutePath().toString());
            assertThat(trust.getPassword()).isEqualTo("secret");
        });
    }

    @Test
    void shouldUseTheJvmsTrustWithoutATrustStore() {
        BrokerTls tls = BrokerTls.of(true, Optional.empty(), Optional.empty());
        AmqpClientOptions options = tls.applyTo(new AmqpClientOptions());

        assertThat(options.isSsl()).isTrue();
        assertThat(options.getTrustOptions()).isNull();
        assertThat(tls).hasToString("AMQPS with the JVM's trust");
    }

    @Test
    void shouldRefuseATrustStoreWhenTlsIsOff() throws Exception {
        Path store = Files.writeString(dir.resolve("trust.p12"), "x");
        assertThatThrownBy(() -> BrokerTls.of(false, Optional.of(store.toString()), Optional.of("secret")))
                .hasMessageContaining("AMQP_TLS");
    }

    @Test
    void shouldRefuseATrustStoreThatCannotBeRead() {
        assertThatThrownBy(() -> BrokerTls.of(true, Optional.of("/nonexistent/trust.p12"), Optional.of("secret")))
                .hasMessageContaining("AMQP_TRUSTSTORE").hasMessageContaining("/nonexistent/trust.p12");
    }

    @Test
    void shouldRefuseATrustStoreWithoutPassword() throws Exception {
        Path store = Files.writeString(dir.resolve("trust.p12"), "x");
        assertThatThrownBy(() -> BrokerTls.of(true, Optional.of(store.toString()), Optional.empty()))
                .hasMessageContaining("AMQP_TRUSTSTORE_PASSWORD");
    }

    @Test
    void shouldNeverPrintThePassword() throws Exception {
        Path store = Files.writeString(dir.resolve("trust.p12"), "x");
        assertThat(BrokerTls.of(true, Optional.of(store.toString()), Optional.of("very-secret")).toString())
                .doesNotContain("very-secret");
    }
}
