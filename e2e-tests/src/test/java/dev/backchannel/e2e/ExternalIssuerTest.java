package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.socket.HandshakeRefusedException;
import dev.backchannel.client.socket.JdkSocketConnector;
import dev.backchannel.client.socket.SocketEvents;
import dev.backchannel.launcher.LaunchedSystem;
import dev.backchannel.launcher.SystemLauncher;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.testsupport.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built system configured for an external OIDC issuer only (demo sign-in off), as production
 * runs it: the issuer is served by this test (its JWKS, its tokens), the client library starts with
 * the issuer's token and goes through REST, the socket and the query side.
 */
class ExternalIssuerTest {

    private static final String AUDIENCE = "backchannel-e2e";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestIssuer issuer;
    private static LaunchedSystem system;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.start();
        Path root = Path.of(System.getProperty("backchannel.root", "..")).toAbsolutePath().normalize();
        system = SystemLauncher.of(root, root.resolve("e2e-tests/target/e2e-data/oidc-" + ProcessHandle.current().pid()))
                .jvmOptions(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"))
                .environment("BACKCHANNEL_DEMO_SIGNIN", "false")
                .environment("BACKCHANNEL_OIDC_ISSUER", issuer.issuer())
                .environment("BACKCHANNEL_OIDC_JWKS_URL", issuer.jwksUrl())
                .environment("BACKCHANNEL_OIDC_AUDIENCE", AUDIENCE)
                .environment("BACKCHANNEL_OIDC_USER_CLAIM", "preferred_username")
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
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void shouldProcessAndPushACommandOfAClientStartedWithTheIssuersToken() {
        ClientConfig config = ClientConfig.forUser("dana").withApiUrl(system.url(SystemLauncher.API_COMMAND))
                .withQueryUrl(system.url(SystemLauncher.PROCESSOR))
                .withSocketUrl(system.socketUrl(SystemLauncher.SOCKET_GATEWAY));
        try (BackchannelClient client = BackchannelClient.connect(config, () -> token("dana", AUDIENCE))) {
            Command create = Command.create(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "From OIDC",
                    ItemStatus.TODO);

            Receipt receipt = client.submit(create).settled().orTimeout(60, TimeUnit.SECONDS).join();

            assertThat(receipt.state()).isEqualTo(ReceiptState.SUCCEEDED);
            assertThat(client.resync().thenApply(done -> client.items().get(create.entityId())).join())
                    .hasValueSatisfying(item -> assertThat(item.updatedBy()).isEqualTo("dana"));
            assertThat(get(SystemLauncher.PROCESSOR, "/api/commands/" + create.commandId(), token("dana", AUDIENCE))
                    .statusCode()).isEqualTo(200);
            assertThat(get(SystemLauncher.PROCESSOR, "/api/commands/" + create.commandId(), token("erin", AUDIENCE))
                    .statusCode()).as("another user's command").isEqualTo(404);
        }
    }

    @Test
    void shouldAnswer404ToTheDemoSignIn() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.url(SystemLauncher.API_COMMAND) + "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"dana\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAnotherAudienceOnTheQuerySideAndTheSocket() {
        String wrong = token("dana", "another-api");

        assertThat(get(SystemLauncher.PROCESSOR, "/api/items", wrong).statusCode()).isEqualTo(401);
        assertThat(get(SystemLauncher.PROCESSOR, "/api/items", token("dana", AUDIENCE)).statusCode()).isEqualTo(200);
        Throwable refused = catchThrowable(() -> new JdkSocketConnector(HTTP, Duration.ofSeconds(10))
                .connect(system.socketUrl(SystemLauncher.SOCKET_GATEWAY), wrong, new Ignored()).join());
        assertThat(refused).isInstanceOf(CompletionException.class).hasCauseInstanceOf(HandshakeRefusedException.class);
        assertThat(((HandshakeRefusedException) refused.getCause()).status()).isEqualTo(401);
    }

    @Test
    @ExtendWith(BrowserChromium.class)
    void shouldStartTheBrowserPageWithTheIssuersTokenInTheFragment() {
        String title = "From the issuer's token " + UUID.randomUUID();
        try (BrowserPage page = BrowserPage.withToken(system.url(SystemLauncher.SOCKET_GATEWAY).resolve("/"),
                token("fay", AUDIENCE), "fay", 1200, 800)) {
            // the page takes the token out of the address bar at once
            assertThat(page.address()).doesNotContain("access_token");

            page.create(title);

            page.awaitRow(title);
            page.awaitToast("success", title);
        }
    }

    private static String token(String user, String audience) {
        return issuer.mint(Map.of("sub", UUID.randomUUID().toString(), "preferred_username", user, "aud", audience));
    }

    private static HttpResponse<String> get(String service, String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(system.url(service) + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Ignored implements SocketEvents {
        @Override
        public void onText(String text) {
        }

        @Override
        public void onClosed(int code, String reason) {
        }

        @Override
        public void onError(Throwable error) {
        }
    }
}
