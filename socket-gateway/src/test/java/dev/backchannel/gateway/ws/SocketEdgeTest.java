package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.LogCapture;
import dev.backchannel.gateway.RawSocket;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The socket's edges: refused upgrades answer 401 (never 500), a dropped connection is one quiet log
 * line, a half-sent HTTP request is cut off by the idle timeout while a pinged socket stays open.
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class SocketEdgeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Inject
    LocalSockets sockets;

    @ParameterizedTest
    @ValueSource(strings = {
        "quarkus-http-upgrade#Authorization#Bearer%20not-a-token",
        "quarkus-http-upgrade#Authorization#Bearer%20",
        "quarkus-http-upgrade#Authorization#Bearer",
        "quarkus-http-upgrade#Authorization#",
        "quarkus-http-upgrade#Authorization#Bearer%20not-a-token, backchannel.v1",
        "quarkus-http-upgrade#Authorization#Bearer%20%%%zz, backchannel.v2",
        "quarkus-http-upgrade#Authorization, backchannel.v1",
        "backchannel.v2",
    })
    void shouldRefuseAnUpgradeWithoutAValidTokenWith401AndNoStackTrace(String subprotocols) throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String response = upgrade("Sec-WebSocket-Protocol: " + subprotocols + "\r\n");

            assertThat(response).startsWith("HTTP/1.1 401");
            assertThat(log.warningsOrStackTraces()).isEmpty();
        }
    }

    @Test
    void shouldUpgradeAValidTokenOfferedAloneAsItsCarrierWithoutASubprotocol() throws Exception {
        String response = upgrade("Sec-WebSocket-Protocol: quarkus-http-upgrade#Authorization#Bearer%20"
                + TestTokens.forUser("carrier") + "\r\n");

        assertThat(response).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Protocol");
    }

    @Test
    void shouldRefuseAnUpgradeWithAGarbageHeaderTokenWith401AndNoStackTrace() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            assertThat(upgrade("Authorization: Bearer \r\n")).startsWith("HTTP/1.1 401");
            assertThat(upgrade("Authorization: Basic Zm9vOmJhcg==\r\n")).startsWith("HTTP/1.1 401");
            assertThat(log.warningsOrStackTraces()).isEmpty();
        }
    }

    @Test
    void shouldForgetAnAbruptlyDroppedSocketWithoutAStackTrace() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            RawSocket raw = RawSocket.upgrade(ws, TestTokens.forUser("dropper"));
            await().atMost(TIMEOUT).until(() -> !sockets.ofUser("dropper").isEmpty());

            raw.abort();

            await().atMost(TIMEOUT).until(() -> sockets.ofUser("dropper").isEmpty());
            assertThat(log.warningsOrStackTraces()).isEmpty();
        }
    }

    @Test
    void shouldCutOffAHalfSentHttpRequestAtTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 5000);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /client-settings.json HTTP/1.1\r\nHost: " + ws.getHost() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // the read ends (the server closed the connection) long before the socket's read timeout
            assertThat(readToEnd(socket.getInputStream())).doesNotContain("200 OK");
        }
    }

    @Test
    void shouldKeepAnIdleButPingedSocketOpenPastTheIdleTimeout() throws Exception {
        long idleTimeout = Duration.ofSeconds(3).toMillis(); // %test.quarkus.http.idle-timeout
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("quiet"))) {
            await().during(Duration.ofMillis(2 * idleTimeout)).atMost(TIMEOUT).until(() -> !socket.isClosed());

            socket.sendAndBarrier("{\"type\":\"subscribe\",\"topic\":\"items\"}");
            assertThat(socket.isClosed()).isFalse();
        }
    }

    private String upgrade(String headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 5000);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            String request = "GET " + ws.getPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + headers + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
