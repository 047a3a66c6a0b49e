package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The answers at the edges: each a clear 4xx problem, never a 500 or a silently changed body. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class RequestEdgesTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void shouldRefuseVersionsNoReaderCanHoldWith400NotARetryable500() {
        for (String version : new String[] {"9223372036854775808", "1e308", "1.5"}) {
            String body = """
                    {"commandId":"%s","type":"item.update","entityId":"%s","expectedVersion":%s,"data":{"status":"done"}}
                    """.formatted(UUID.randomUUID(), UUID.randomUUID(), version);
            Response response = valid(postCommand("vera", body), MessageSchema.PROBLEM);
            assertThat(response.statusCode()).as(version).isEqualTo(400);
            assertThat(response.jsonPath().getList("errors.field")).as(version).contains("expectedVersion");
        }
    }

    @Test
    void shouldRefuseTrailingContentAfterTheJsonValue() {
        String body = createBody(UUID.randomUUID().toString(), "Trailing") + " {\"more\":1}";
        assertThat(valid(postCommand("vera", body), MessageSchema.PROBLEM).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAnotherCharsetWith415AndBytesThatAreNotUtf8With400() {
        String body = createBody(UUID.randomUUID().toString(), "Caf\u00e9");
        Response latin1 = given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(TestTokens.forUser("vera"))
                .contentType("application/json; charset=ISO-8859-1").body(body.getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/commands");
        assertThat(valid(latin1, MessageSchema.PROBLEM).statusCode()).isEqualTo(415);
        assertThat(latin1.contentType()).startsWith("application/problem+json");

        byte[] broken = createBody(UUID.randomUUID().toString(), "Cafe").replace("Cafe", "Caf\u00ff")
                .getBytes(StandardCharsets.ISO_8859_1); // a lone 0xFF byte is never UTF-8
        Response notUtf8 = given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(TestTokens.forUser("vera")).contentType("application/json").body(broken)
                .post("/api/commands");
        assertThat(valid(notUtf8, MessageSchema.PROBLEM).statusCode()).isEqualTo(400);
        assertThat(notUtf8.jsonPath().getString("detail")).contains("UTF-8");
    }

    @Test
    void shouldCountTitlesInCodePointsAndRefuseALoneSurrogateOrAControlCharacter() {
        String emoji = "\\ud83d\\ude00".repeat(200);
        assertThat(postCommand("vera", createBody(UUID.randomUUID().toString(), emoji)).statusCode()).isEqualTo(202);
        for (String title : new String[] {"a\\ud800b", "milk\\n", "a\\u0000"}) {
            Response response = valid(postCommand("vera", createBody(UUID.randomUUID().toString(), title)),
                    MessageSchema.PROBLEM);
            assertThat(response.statusCode()).as(title).isEqualTo(400);
            assertThat(response.jsonPath().getList("errors.field")).as(title).contains("data.title");
        }
    }

    @Test
    void shouldRefuseAUserIdWithATrailingNewlineAtSignIn() {
        Response response = given().contentType("application/json").body("{\"userId\":\"alice\\n\"}")
                .post("/api/sessions");
        assertThat(valid(response, MessageSchema.PROBLEM).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerTheLocationOfA202WithSeeOtherToTheOutcomeAndTheAcceptance() {
        String commandId = UUID.randomUUID().toString();
        String location = postCommand("walt", createBody(commandId, "Follow me")).then().statusCode(202)
                .extract().header("Location");

        Response accepted = given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig()
                        .followRedirects(false))).auth().oauth2(TestTokens.forUser("walt")).get(location);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.header("Location")).endsWith("/api/commands/" + commandId).startsWith("http");
        assertThat(valid(accepted, MessageSchema.COMMAND_ACCEPTED).jsonPath().getString("status")).isEqualTo("accepted");
        Response someoneElse = given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig()
                .followRedirects(false))).auth().oauth2(TestTokens.forUser("xena")).get(location);
        assertThat(valid(someoneElse, MessageSchema.PROBLEM).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldCutOffARequestThatStopsHalfway() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/commands HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"commandId\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            await().atMost(Duration.ofSeconds(20)).until(() -> closedByServer(in));
        }
    }

    private static boolean closedByServer(InputStream in) throws Exception {
        try {
            while (true) {
                int read = in.read();
                if (read < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
