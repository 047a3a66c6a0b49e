package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A broker that serves AMQPS only: the command link and the chaos channels connect over TLS by configuration. */
@QuarkusTest
@WithTestResource(value = BrokerTestResource.class, initArgs = @ResourceArg(name = "tls", value = "true"))
@WithTestResource(JwtTestResource.class)
class BrokerTlsLinksTest {

    @Test
    void shouldBeReadyWithEveryLinkOverTls() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void shouldQueueACommandOverTheTlsLink() {
        long before = BrokerTestResource.messageCount(Addresses.COMMANDS);

        int status = postCommand("tess", createBody(UUID.randomUUID().toString(), "Over AMQPS")).statusCode();

        assertThat(status).isEqualTo(202);
        assertThat(BrokerTestResource.messageCount(Addresses.COMMANDS)).isEqualTo(before + 1);
    }
}
