package dev.backchannel.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.backchannel.client.ClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real HTTPS server with a self-signed certificate made by keytool for this test. */
class TrustedCertificatesTest {

    private static final String PASSWORD = "test-only-password";

    @TempDir
    Path dir;

    private HttpsServer server;
    private URI url;

    @BeforeEach
    void startServer() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", PASSWORD, "-file", dir.resolve("server.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("server.pem").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);
        KeyStore keys = KeyStore.getInstance(dir.resolve("server.p12").toFile(), PASSWORD.toCharArray());
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = "hello over tls".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldTrustTheServerWithAPkcs12TrustStore() throws Exception {
        assertThat(get(new TrustedCertificates(dir.resolve("trust.p12"), PASSWORD).sslContext()))
                .isEqualTo("hello over tls");
    }

    @Test
    void shouldTrustTheServerWithAPemCertificate() throws Exception {
        assertThat(get(new TrustedCertificates(dir.resolve("server.pem"), null).sslContext()))
                .isEqualTo("hello over tls");
    }

    @Test
    void shouldRefuseTheServerWithTheJvmsDefaultTrust() {
        assertThatThrownBy(() -> get(SSLContext.getDefault())).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseAFileThatCannotBeRead() {
        assertThatThrownBy(() -> new TrustedCertificates(dir.resolve("missing.p12"), PASSWORD))
                .hasMessageContaining("missing.p12");
    }

    @Test
    void shouldSayWhyAStoreCannotBeOpened() {
        assertThatThrownBy(() -> new TrustedCertificates(dir.resolve("trust.p12"), "wrong").sslContext())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trust.p12")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void shouldReadTheTrustStoreFromTheEnvironment() {
        ClientConfig config = ClientConfig.forUser("alice").overriddenBy(Map.of(
                "BACKCHANNEL_TRUSTSTORE", dir.resolve("trust.p12").toString(),
                "BACKCHANNEL_TRUSTSTORE_PASSWORD", PASSWORD));

        assertThat(config.trust()).contains(new TrustedCertificates(dir.resolve("trust.p12"), PASSWORD));
        assertThat(config.withUserId("bob").trust()).isEqualTo(config.trust());
        assertThat(ClientConfig.forUser("alice").overriddenBy(Map.of()).trust()).isEmpty();
    }

    private String get(SSLContext context) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(context).build();
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        }
    }
}
