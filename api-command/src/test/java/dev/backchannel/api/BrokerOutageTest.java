package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class BrokerOutageTest {

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAnd202OnceItIsBackWithoutARestart() throws Exception {
        assertThat(postCommand("olga", createBody(UUID.randomUUID().toString(), "Before")).statusCode())
                .isEqualTo(202);
        String commandId = UUID.randomUUID().toString();
        String body = createBody(commandId, "During the outage");

        BrokerTestResource.stopBroker();
        try {
            long started = System.nanoTime();
            Response refused = valid(postCommand("olga", body), MessageSchema.PROBLEM);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
        } finally {
            BrokerTestResource.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> postCommand("olga", body).statusCode() == 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        // the retries of one commandId leave one message, however many reached the broker
        try (BrokerProbe probe = new BrokerProbe(Addresses.COMMANDS)) {
            String sentinel = UUID.randomUUID().toString();
            assertThat(postCommand("olga", createBody(sentinel, "After")).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.withCommandId(sentinel).size() == 1);
            assertThat(probe.withCommandId(commandId)).hasSize(1);
        }
    }
}
