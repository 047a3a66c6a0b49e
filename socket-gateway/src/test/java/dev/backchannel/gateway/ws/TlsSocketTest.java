package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import dev.backchannel.testsupport.TlsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTPS and WSS by configuration alone (the TLS registry's key store), with a certificate the test makes. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(TlsTestResource.class)
class TlsSocketTest {

    @TestHTTPResource(value = "/", tls = true)
    URI https;

    private final HttpClient client = HttpClient.newBuilder().sslContext(TlsTestResource.trusting())
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void shouldWelcomeASocketOverWss() throws Exception {
        URI wss = URI.create("wss://localhost:" + https.getPort() + "/ws");
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = client.newWebSocketBuilder().subprotocols("backchannel.v1")
                .header("Authorization", "Bearer " + TestTokens.forUser("alice"))
                .buildAsync(wss, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().anyMatch(f -> f.contains("\"welcome\"")));
            assertThat(frames.get(0)).contains("\"userId\":\"alice\"");
        } finally {
            socket.abort();
        }
    }

    @Test
    void shouldServeHttps() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(https.resolve("/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
    }
}
