package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated hostile input thrown at the real, built services: command bodies at api-command,
 * client messages at the gateway's socket. Every answer is a clear 4xx (problem+json) or, on the
 * socket, an {@code error} frame or a deliberate close code, never a 5xx or an internal-error close;
 * every command that was accepted ends with exactly one outcome.
 */
class FuzzTest {

    private static final RunningSystem SYSTEM = RunningSystem.get();
    private static final String USER = "fuzz-user";
    /**
     * Whom most generated status events name. Those naming {@link #USER}, whose later outcomes the check
     * after the fuzz waits for, come from another producer (source {@code fuzzer}) with ids of any kind,
     * "from the future" included: contract v2 keeps sources apart, so they must not silence the
     * processor's outcomes for that user.
     */
    private static final String TARGET = "fuzz-target";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<Integer> CLEAR_COMMAND_ANSWERS = Set.of(202, 400, 413, 415, 422);
    /** Close codes the gateway sends on purpose; 1011 (internal error) and 1006 (broken) are not among them. */
    private static final Set<Integer> DELIBERATE_CLOSES = Set.of(1000, 1001, 1008, 1009, 4001, 4002, 4003);
    private static final List<String> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static Window window;
    private static StatusAddress status;
    private static String token;

    private static synchronized Window window() {
        if (window == null) {
            window = Window.open(SYSTEM, USER);
            token = new QuerySideProbe(SYSTEM, USER).token();
        }
        return window;
    }

    @Property(tries = 150)
    void everyCommandBodyGetsAClearAnswer(@ForAll("commandBodies") String body) throws Exception {
        window();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(SYSTEM.url(Service.API_COMMAND, "/api/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(body).isIn(CLEAR_COMMAND_ANSWERS);
        if (answer.statusCode() == 202) {
            ACCEPTED.add(SchemaValidator.instance().readValid(MessageSchema.COMMAND_ACCEPTED, answer.body(),
                    dev.backchannel.schemas.CommandAccepted.class).commandId());
        } else {
            assertThat(answer.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(SchemaValidator.instance().violations(MessageSchema.PROBLEM, answer.body())).as(body).isEmpty();
            assertThat(answer.body()).as("no internals in " + body).doesNotContain("Exception", "\tat ");
        }
    }

    @Property(tries = 60)
    void everyClientMessageGetsAnErrorFrameOrADeliberateClose(@ForAll("clientMessages") String message) {
        window();
        try (RawSocket socket = RawSocket.open(SYSTEM, Service.SOCKET_GATEWAY, token)) {
            socket.sendText(message);
            // then a probe with a known answer: the socket still reads and answers in order, or it was closed on purpose
            socket.sendText("{\"type\":\"subscribe\",\"topic\":\"fuzz-probe\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.closeCode() != null || probeAnswered(socket));
            if (socket.closeCode() != null) {
                assertThat(socket.closeCode()).as(message).isIn(DELIBERATE_CLOSES);
            }
            assertThat(socket.frames()).as(message).noneMatch(frame -> frame instanceof Frame.Error error
                    && error.message() != null && error.message().contains("Exception"));
        }
    }

    private static boolean probeAnswered(RawSocket socket) {
        return socket.frames().stream().anyMatch(frame -> frame instanceof Frame.Error error
                && "forbidden_topic".equals(error.code()));
    }

    @Property(tries = 100)
    void everyStatusEventAnyProducerSendsLeavesTheGatewayWorking(@ForAll("statusEvents") String body) {
        window();
        statusAddress().publish(body, TARGET);
    }

    private static synchronized StatusAddress statusAddress() {
        if (status == null) {
            status = new StatusAddress(SYSTEM);
        }
        return status;
    }

    @AfterContainer
    static void everyAcceptedCommandEndsWithExactlyOneOutcome() {
        if (window == null) {
            return;
        }
        try {
            // whatever was published on status, the gateway nodes still read and push what comes after it
            String marker = UUID.randomUUID().toString();
            ACCEPTED.add(window.client().submit(Commands.create(Commands.newEntityId(), "After the fuzz " + marker))
                    .accepted().join().commandId());
            for (Service gateway : List.of(Service.SOCKET_GATEWAY, Service.SOCKET_GATEWAY_B)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(
                        SYSTEM.url(gateway, "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
            }
            QuerySideProbe query = new QuerySideProbe(SYSTEM, USER);
            await().atMost(Duration.ofSeconds(90)).until(() -> ACCEPTED.stream()
                    .allMatch(id -> !window.outcomesOf(id).isEmpty()));
            for (String commandId : ACCEPTED) {
                assertThat(window.outcomesOf(commandId)).extracting(Frame.CommandOutcome::eventId).as(commandId)
                        .containsOnly(window.outcomesOf(commandId).get(0).eventId());
                assertThat(query.commandStatus(commandId)).as(commandId).isNotNull();
            }
            assertThat(window.schemaViolations()).isEmpty();
            System.out.printf("fuzz: %d generated commands accepted, each with exactly one outcome%n", ACCEPTED.size());
        } finally {
            window.close();
            if (status != null) {
                status.close();
            }
        }
    }

    @Provide
    Arbitrary<String> commandBodies() {
        // half well-formed creates with generated titles (these must end with one outcome), half anything
        Arbitrary<String> creates = Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\u4e2d\uD83D\uDE00")
                .ofMinLength(1).ofMaxLength(200).map(title -> JSON.objectNode()
                        .put("commandId", UUID.randomUUID().toString()).put("type", "item.create")
                        .put("entityId", UUID.randomUUID().toString())
                        .set("data", JSON.objectNode().put("title", title)).toString());
        return Arbitraries.oneOf(creates, anyCommandBodies());
    }

    private static Arbitrary<String> anyCommandBodies() {
        Arbitrary<String> type = Arbitraries.of("item.create", "item.update", "item.delete", "item.explode", "");
        Arbitrary<Object> entityId = Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of("", "not-a-uuid", "00000000-0000-0000-0000-00000000000g"),
                Arbitraries.integers().map(i -> (Object) i));
        Arbitrary<String> version = Arbitraries.of("absent", "1", "0", "-1", "2", "9223372036854775808", "1e308",
                "1.5", "\"3\"", "null", "9007199254740991");
        Arbitrary<String> title = Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(0).ofMaxLength(260),
                Arbitraries.strings().withChars("\uD83D\uDE00\uD800\n\t\u0000ab").ofMaxLength(220),
                Arbitraries.of("absent", "Buy milk"));
        Arbitrary<String> status = Arbitraries.of("absent", "todo", "doing", "done", "later", "");
        Arbitrary<String> tail = Arbitraries.of("", "", "", " {}", "garbage", "\u0000");
        return Combinators.combine(type, entityId, version, title, status, tail).as((t, e, v, ti, st, tr) -> {
            ObjectNode command = JSON.objectNode().put("commandId", UUID.randomUUID().toString()).put("type", t);
            if (e instanceof Integer number) {
                command.put("entityId", number);
            } else {
                command.put("entityId", (String) e);
            }
            ObjectNode data = JSON.objectNode();
            if (!ti.equals("absent")) {
                data.put("title", ti);
            }
            if (!st.equals("absent")) {
                data.put("status", st);
            }
            if (!data.isEmpty() || t.equals("item.create")) {
                command.set("data", data);
            }
            String json = command.toString();
            if (!v.equals("absent")) {
                json = json.substring(0, json.length() - 1) + ",\"expectedVersion\":" + v + "}";
            }
            return json + tr;
        });
    }

    @Provide
    Arbitrary<String> clientMessages() {
        Arbitrary<String> topic = Arbitraries.oneOf(Arbitraries.of("items", "items/" + UUID.randomUUID(), "admin",
                "items/", "", "items/../secrets"), Arbitraries.strings().ofMaxLength(80));
        Arbitrary<String> typed = Combinators.combine(Arbitraries.of("subscribe", "unsubscribe", "resume", "ping",
                "presence.set", "token.refresh", "", "SUBSCRIBE"), topic).as((type, t) ->
                JSON.objectNode().put("type", type).put("topic", t).put("lastEventId", t).toString());
        Arbitrary<String> noise = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("", "{", "[]", "null", "42", "{\"type\":null}", "{\"type\":[1,2]}",
                        "{\"type\":\"subscribe\"}", "{\"type\":\"resume\",\"lastEventId\":\"99999999999999999999\"}"));
        return Arbitraries.oneOf(typed, noise);
    }

    @Provide
    Arbitrary<String> statusEvents() {
        Arbitrary<String> eventId = Arbitraries.oneOf(Arbitraries.of("99999999999999999999", "00000000000000000001",
                "01HZY8Q2W3E4R5T6Y7U8I9O0PA", "", "x"), Arbitraries.strings().alpha().numeric().ofLength(26));
        Arbitrary<String> payload = Arbitraries.of(
                "{\"type\":\"entity.changed\",\"eventId\":\"%s\",\"topic\":\"fuzz-nowhere\",\"entityId\":\"" + UUID.randomUUID()
                        + "\",\"commandId\":\"" + UUID.randomUUID() + "\",\"changedBy\":\"mallory\","
                        + "\"timestamp\":\"2026-12-01T00:00:00Z\",\"data\":null}",
                "{\"type\":\"toast.new\",\"eventId\":\"%s\",\"shiny\":true}",
                "{\"type\":null}", "[]", "\"text\"", "{}");
        Arbitrary<String> structured = Combinators.combine(eventId, payload, Arbitraries.of("\"" + TARGET + "\"", "null",
                "\"nobody\"", "42", "\"" + USER + "\""), Arbitraries.of("null", "\"fuzz-nowhere\"", "\"items/not-a-record\"", "7"),
                Arbitraries.of("", ",\"source\":\"fuzzer\"", ",\"source\":\"BAD SOURCE\"", ",\"extra\":{\"a\":1}"))
                .as((id, p, user, topic, extra) -> "{\"eventId\":\"" + id + "\",\"occurredAt\":\"2026-12-01T00:00:00Z\","
                        + "\"userId\":" + user + ",\"topic\":" + topic + ",\"payload\":" + p.replace("%s", id)
                        + (user.contains(USER) ? ",\"source\":\"fuzzer\"" : extra) + "}");
        return Arbitraries.oneOf(structured, Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of("", "{", "null", "{\"eventId\":1e400}"));
    }

    /** Not a test: the services this test needs are the shared ones; URI kept for the reports. */
    static URI api() {
        return SYSTEM.apiUrl();
    }
}
