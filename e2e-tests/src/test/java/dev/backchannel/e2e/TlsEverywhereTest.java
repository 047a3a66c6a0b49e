package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.amqptest.TestCertificates;
import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.http.TrustedCertificates;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.socket.ConnectionState;
import dev.backchannel.launcher.LaunchedSystem;
import dev.backchannel.launcher.SystemLauncher;
import dev.backchannel.launcher.SystemTls;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Frame;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built system with TLS on every link, by configuration alone, with a certificate this test makes
 * (keytool, self-signed, for localhost and 127.0.0.1): the broker serves AMQPS only, every service
 * link (the channels, api-command's command link, the processor's status and dead-letter links, the
 * gateway's status subscription and node claim) connects over TLS, and the services serve HTTPS and
 * WSS only. The client library trusts the certificate and goes through REST, the socket and the query side.
 */
class TlsEverywhereTest {

    private static TestCertificates certificates;
    private static LaunchedSystem system;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("backchannel.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("e2e-tests/target/e2e-data/tls-" + ProcessHandle.current().pid());
        certificates = TestCertificates.in(data.resolve("certificates"));
        system = SystemLauncher.of(root, data)
                .tls(new SystemTls(certificates.keyStore(), certificates.trustStore(), TestCertificates.PASSWORD))
                .jvmOptions(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"))
                .environment("BACKCHANNEL_API_QUEUE_DELAY_MIN", "0ms")
                .environment("BACKCHANNEL_API_QUEUE_DELAY_MAX", "0ms")
                .readyTimeout(Duration.ofMinutes(3))
                .start();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void shouldAcceptPushAndAnswerACommandOverHttpsAndWss() {
        ClientConfig config = ClientConfig.forUser("tess").withApiUrl(system.url(SystemLauncher.API_COMMAND))
                .withQueryUrl(system.url(SystemLauncher.PROCESSOR))
                .withSocketUrl(system.socketUrl(SystemLauncher.SOCKET_GATEWAY))
                .trusting(new TrustedCertificates(certificates.trustStore(), TestCertificates.PASSWORD));
        assertThat(config.apiUrl().getScheme()).isEqualTo("https");
        assertThat(config.socketUrl().getScheme()).isEqualTo("wss");
        try (BackchannelClient client = BackchannelClient.connect(config)) {
            List<Frame> frames = new CopyOnWriteArrayList<>();
            client.socket().addFrameListener(frames::add);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.socket().state() instanceof ConnectionState.Connected);
            Command create = Commands.create(Commands.newEntityId(), "Over TLS");

            var submission = client.submit(create);
            CommandAccepted accepted = submission.accepted().orTimeout(30, TimeUnit.SECONDS).join();
            Receipt receipt = submission.settled().orTimeout(60, TimeUnit.SECONDS).join();

            assertThat(accepted.commandId()).isEqualTo(create.commandId());
            assertThat(receipt.state()).isEqualTo(ReceiptState.SUCCEEDED);
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.stream()
                    .anyMatch(frame -> frame instanceof Frame.CommandSucceeded succeeded
                            && succeeded.commandId().equals(create.commandId())));
            assertThat(client.resync().thenApply(done -> client.items().get(create.entityId()))
                    .orTimeout(30, TimeUnit.SECONDS).join())
                    .hasValueSatisfying(item -> assertThat(item.updatedBy()).isEqualTo("tess"));
        }
    }

    @Test
    void shouldRefuseAPlainAmqpConnectionToTheBroker() throws Exception {
        int port = system.port(SystemLauncher.BROKER);
        assertThatThrownBy(() -> AmqpTestClient.connect("127.0.0.1", port, SystemLauncher.BROKER_USER,
                system.brokerPassword()).close()).isInstanceOf(Exception.class);
        try (AmqpTestClient overTls = AmqpTestClient.connectTls("127.0.0.1", port, SystemLauncher.BROKER_USER,
                system.brokerPassword(), certificates.trustStore(), TestCertificates.PASSWORD)) {
            assertThat(overTls).as("the same credentials over TLS").isNotNull();
        }
    }

    @Test
    void shouldServeNoPlainHttp() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String service : List.of(SystemLauncher.API_COMMAND, SystemLauncher.PROCESSOR,
                SystemLauncher.SOCKET_GATEWAY)) {
            URI http = URI.create("http://localhost:" + system.port(service) + "/q/health/live");
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding())).as(service).isInstanceOf(IOException.class);
        }
    }
}
