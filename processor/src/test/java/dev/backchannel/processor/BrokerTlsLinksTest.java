package dev.backchannel.processor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A broker that serves AMQPS only: the commands channel takes a command over TLS and the outbox relay's
 * own link publishes its status events over TLS, by configuration alone.
 */
@QuarkusTest
@WithTestResource(value = BrokerTestResource.class, initArgs = @ResourceArg(name = "tls", value = "true"))
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class BrokerTlsLinksTest {

    @Test
    void shouldProcessACommandAndPublishItsEventsOverTls() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        try (AmqpTestClient client = BrokerTestResource.client()) {
            AmqpTestClient.Received status = client.receive(Addresses.STATUS);
            String commandId = Commands.id();

            client.send(Addresses.COMMANDS, Commands.create("tess", commandId, Commands.id(), "Over AMQPS"), "tess");

            await().atMost(Duration.ofSeconds(20)).until(() -> status.bodiesContaining(commandId).size() == 2);
        }
    }
}
