package dev.backchannel.processor;

import static org.awaitility.Awaitility.await;

import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The query side cuts off a request that stops halfway instead of holding the connection for ever. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class SlowRequestTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void shouldCutOffARequestThatStopsHalfway() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/items HTTP/1.1\r\nHost: localhost\r\nAuthori".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            await().atMost(Duration.ofSeconds(20)).until(() -> closedByServer(in));
        }
    }

    private static boolean closedByServer(InputStream in) throws Exception {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
