package dev.backchannel.processor;

import static dev.backchannel.processor.StatusEvents.about;
import static dev.backchannel.processor.StatusEvents.ofType;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault the processor injects on purpose, and how the system recovers from it. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class ChaosFaultsTest extends StatusListeningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterEach
    void calmDown() throws Exception {
        setFlags(0, 0, 0);
    }

    @Test
    void shouldFailTheCommandWithProcessingFailedAndChangeNothingUnderProcessorFailureRate() throws Exception {
        setFlags(1.0, 0, 0);
        String commandId = Commands.id();
        String itemId = Commands.id();

        broker.send(Addresses.COMMANDS, Commands.create("fay", commandId, itemId, "Doomed"), "fay");

        await().atMost(PATIENCE).until(() -> !about(status, commandId).isEmpty());
        JsonNode failed = ofType(about(status, commandId), "command.failed");
        assertThat(failed.path("payload").path("error").path("code").asText()).isEqualTo("processing_failed");
        assertThat(about(status, commandId)).hasSize(1);
        given().auth().oauth2(TestTokens.forUser("fay")).get("/api/items/" + itemId).then().statusCode(404);
        assertThat(faults("processorFailureRate")).isPositive();
    }

    @Test
    void shouldProcessACommandOnceAfterSimulatedCrashesMadeTheBrokerDeliverItAgain() throws Exception {
        double crashesBefore = faults("processorCrashRate");
        setFlags(0, 1.0, 0);
        String commandId = Commands.id();
        String itemId = Commands.id();

        broker.send(Addresses.COMMANDS, Commands.create("cid", commandId, itemId, "Survivor"), "cid");
        await().atMost(PATIENCE).until(() -> faults("processorCrashRate") >= crashesBefore + 2);
        setFlags(0, 0, 0);

        await().atMost(PATIENCE).until(() -> about(status, commandId).size() >= 2);
        assertThat(about(status, commandId)).hasSize(2); // one outcome, one entity.changed: applied once
        given().auth().oauth2(TestTokens.forUser("cid")).get("/api/items/" + itemId).then().statusCode(200);
        String version = given().auth().oauth2(TestTokens.forUser("cid")).get("/api/items/" + itemId)
                .then().extract().path("version").toString();
        assertThat(version).isEqualTo("1");
    }

    @Test
    void shouldPublishTheEventOnceTheOutboxRetriesAfterInjectedPublishFailures() throws Exception {
        double failuresBefore = faults("publishFailureRate");
        setFlags(0, 0, 1.0);
        String commandId = Commands.id();

        broker.send(Addresses.COMMANDS, Commands.create("pia", commandId, Commands.id(), "Eventually"), "pia");
        await().atMost(PATIENCE).until(() -> faults("publishFailureRate") >= failuresBefore + 2);
        assertThat(about(status, commandId)).isEmpty();
        setFlags(0, 0, 0);

        await().atMost(PATIENCE).until(() -> about(status, commandId).size() >= 2);
        assertThat(about(status, commandId)).hasSize(2);
    }

    private void setFlags(double failure, double crash, double publish) throws Exception {
        ChaosFlags flags = new ChaosFlags(0, new ChaosFlags.DelayRange(0, 0), failure, crash, publish, 0);
        broker.send(Addresses.CHAOS, Json.write(flags), null);
        await().atMost(PATIENCE).until(() -> metric("backchannel_chaos_flag{flag=\"processorCrashRate\"}") == crash
                && metric("backchannel_chaos_flag{flag=\"processorFailureRate\"}") == failure
                && metric("backchannel_chaos_flag{flag=\"publishFailureRate\"}") == publish);
    }

    private static double faults(String flag) {
        return metric("backchannel_chaos_faults_total{flag=\"" + flag + "\"}");
    }

    private static double metric(String name) {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(-1.0);
    }
}
