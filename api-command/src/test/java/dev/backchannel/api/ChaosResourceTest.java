package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ChaosResourceTest {

    @AfterEach
    void calmDown() {
        assertThat(Chaos.put(Chaos.CALM).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerTheFlagsInEffect() {
        Response response = valid(given().auth().oauth2(TestTokens.forUser("ops")).get("/api/chaos"),
                MessageSchema.CHAOS_FLAGS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.read(response.asString(), ChaosFlags.class)).isEqualTo(Chaos.CALM);
    }

    @Test
    void shouldApplyAChangeAndPublishItOnTheChaosAddress() throws Exception {
        ChaosFlags flags = new ChaosFlags(0.25, new ChaosFlags.DelayRange(100, 300), 0.1, 0.2, 0.3, 0.4);
        try (BrokerProbe probe = new BrokerProbe(Addresses.CHAOS)) {
            Response response = valid(Chaos.put(flags), MessageSchema.CHAOS_FLAGS);

            assertThat(response.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.all().stream()
                    .anyMatch(r -> r.message().bodyAsJsonObject().getDouble("apiErrorRate") == 0.25));
        }
        String current = given().auth().oauth2(TestTokens.forUser("ops")).get("/api/chaos").asString();
        assertThat(Json.read(current, ChaosFlags.class)).isEqualTo(flags);
    }

    @Test
    void shouldApplyFlagsThatAnotherInstancePublished() throws Exception {
        ChaosFlags flags = new ChaosFlags(0, new ChaosFlags.DelayRange(1000, 1000), 0.5, 0, 0, 0);
        publishDirectly(flags);

        await().atMost(Duration.ofSeconds(5)).until(() -> Json.read(
                given().auth().oauth2(TestTokens.forUser("ops")).get("/api/chaos").asString(),
                ChaosFlags.class).equals(flags));
    }

    @Test
    void shouldRefuseRatesOutsideZeroToOneAndAMinimumDelayAboveTheMaximum() {
        Response badRate = valid(Chaos.put("ops", """
                {"apiErrorRate":1.5,"queueDelayMs":{"min":0,"max":10},"processorFailureRate":0,
                 "processorCrashRate":0,"publishFailureRate":0,"gatewayDisconnectRate":-1}
                """), MessageSchema.PROBLEM);
        Response badRange = valid(Chaos.put(new ChaosFlags(0, new ChaosFlags.DelayRange(500, 100), 0, 0, 0, 0)),
                MessageSchema.PROBLEM);

        assertThat(badRate.statusCode()).isEqualTo(400);
        assertThat(badRate.jsonPath().getList("errors.field")).contains("apiErrorRate", "gatewayDisconnectRate");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.jsonPath().getList("errors.field")).containsExactly("queueDelayMs.min");
    }

    @Test
    void shouldAnswer500UnderApiErrorRateAndQueueEachCommandOnceAfterRetries() throws Exception {
        List<String> bodies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // 10 requests: the test profile's burst
            ids.add(UUID.randomUUID().toString());
            bodies.add(createBody(ids.get(i), "Chaos " + i));
        }
        try (BrokerProbe probe = new BrokerProbe(Addresses.COMMANDS)) {
            assertThat(Chaos.put(Chaos.withApiErrorRate(1.0)).statusCode()).isEqualTo(200);
            for (String body : bodies) {
                Response failed = valid(postCommand("chaotic", body), MessageSchema.PROBLEM);
                assertThat(failed.statusCode()).isEqualTo(500);
                assertThat(failed.asString()).doesNotContain("Exception");
            }
            assertThat(Chaos.put(Chaos.CALM).statusCode()).isEqualTo(200);
            for (String body : bodies) {
                assertThat(postCommand("chaotic", body).statusCode()).isEqualTo(202);
            }

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> ids.stream().allMatch(id -> !probe.withCommandId(id).isEmpty()));
            for (String id : ids) {
                assertThat(probe.withCommandId(id)).as(id).hasSize(1);
            }
        }
    }

    @Test
    void shouldDelayNewCommandsByTheQueueDelayFlag() throws Exception {
        assertThat(Chaos.put(new ChaosFlags(0, new ChaosFlags.DelayRange(2500, 2500), 0, 0, 0, 0)).statusCode())
                .isEqualTo(200);
        String commandId = UUID.randomUUID().toString();
        try (BrokerProbe probe = new BrokerProbe(Addresses.COMMANDS)) {
            Response accepted = postCommand("patient", createBody(commandId, "Slow"));
            Instant acceptedAt = Instant.parse(accepted.jsonPath().getString("acceptedAt"));

            await().atMost(Duration.ofSeconds(10)).until(() -> probe.withCommandId(commandId).size() == 1);
            assertThat(Duration.between(acceptedAt, probe.withCommandId(commandId).get(0).arrivedAt()))
                    .isGreaterThan(Duration.ofMillis(2450));
        }
    }

    private static void publishDirectly(ChaosFlags flags) throws Exception {
        try (AmqpTestClient client = BrokerTestResource.client()) {
            client.send(Addresses.CHAOS, AmqpMessage.create().durable(true)
                    .withJsonObjectAsBody(new JsonObject(Json.write(flags))).build().unwrap());
        }
    }
}
