package dev.backchannel.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A gateway test that opens sockets on {@link #ws} and publishes status events as the processor
 * would, once the gateway is ready: a {@link StatusPublisher} connected for each test.
 */
public abstract class PublishingSocketTest {

    @TestHTTPResource("/ws")
    protected URI ws;

    @Inject
    protected Vertx vertx;

    protected StatusPublisher publisher;

    @BeforeEach
    void connectPublisher() throws Exception {
        GatewayReadiness.awaitReady();
        publisher = StatusPublisher.connect(vertx);
    }

    @AfterEach
    void closePublisher() throws Exception {
        publisher.close();
    }
}
