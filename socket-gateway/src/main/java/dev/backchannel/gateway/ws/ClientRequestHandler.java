package dev.backchannel.gateway.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.EventCursor;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.presence.PresenceService;
import dev.backchannel.gateway.replay.Resumption;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.FrameText;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.schemas.ClientRequest;
import dev.backchannel.schemas.EventSources;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers what a client sends over its socket: subscribe and unsubscribe to public topics, resume
 * (see {@link Resumption}); with {@code backchannel.v2} also presence.set / presence.clear
 * ({@link PresenceService}) and token.refresh ({@link TokenExpiry}). Anything else gets an
 * {@code error} frame; the socket stays open. Also starts a v2 socket from its upgrade request
 * ({@link ConnectRequest}).
 */
@ApplicationScoped
public class ClientRequestHandler {

    static final String BAD_REQUEST = "bad_request";
    static final String FORBIDDEN_TOPIC = "forbidden_topic";
    static final String TOO_MANY_SUBSCRIPTIONS = "too_many_subscriptions";
    static final String NOT_SUBSCRIBED = "not_subscribed";
    static final String STATE_TOO_LARGE = "state_too_large";

    private static final Set<String> REQUEST_TYPES = Set.of("subscribe", "unsubscribe", "resume");
    private static final Set<String> V2_REQUEST_TYPES = Set.of("presence.set", "presence.clear", "token.refresh");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z]{10,40}");
    /** As the schema's cursor: at most this many sources in one resume point. */
    private static final int MAX_CURSOR_SOURCES = 32;

    private final LocalSockets sockets;
    private final Resumption resumption;
    private final PresenceService presence;
    private final TokenExpiry tokens;
    private final int maxSubscriptions;
    private final int maxStateBytes;

    public ClientRequestHandler(LocalSockets sockets, Resumption resumption, PresenceService presence,
            TokenExpiry tokens, GatewayConfig config) {
        this.sockets = sockets;
        this.resumption = resumption;
        this.presence = presence;
        this.tokens = tokens;
        this.maxSubscriptions = config.maxSubscriptionsPerSocket();
        this.maxStateBytes = config.presence().maxStateBytes();
    }

    /** Whether {@code reply} refuses a request as malformed (counted towards the 1008 close). */
    static boolean isBadRequest(Frame reply) {
        return reply instanceof Frame.Error error && BAD_REQUEST.equals(error.code());
    }

    /** The frame to answer with, if any. */
    public Optional<Frame> handle(ClientSocket socket, String text) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return error(BAD_REQUEST, "not JSON");
        }
        if (json == null || !json.isObject() || !json.path("type").isTextual()) {
            return error(BAD_REQUEST, "expected a JSON object with a type");
        }
        String type = json.get("type").asText();
        boolean v2Request = V2_REQUEST_TYPES.contains(type);
        if (!REQUEST_TYPES.contains(type) && !v2Request) {
            return error(BAD_REQUEST, "unknown request type '" + abbreviate(type) + "'");
        }
        if (v2Request && !socket.speaksV2()) {
            return error(BAD_REQUEST, type + " needs the backchannel.v2 subprotocol");
        }
        List<Problem.FieldError> violations = SchemaValidator.instance().violations(MessageSchema.CLIENT_REQUEST, json);
        if (!violations.isEmpty()) {
            Problem.FieldError first = violations.get(0);
            return error(BAD_REQUEST, "invalid " + type + ": " + first.field() + " " + first.message());
        }
        try {
            return dispatch(socket, Json.mapper().treeToValue(json, ClientRequest.class));
        } catch (JsonProcessingException e) {
            return error(BAD_REQUEST, "invalid " + type);
        }
    }

    /**
     * Starts a v2 socket as its upgrade request says: subscribes its topics, then resumes (replay and
     * welcome resumed, or reset and welcome) or welcomes it; then the refusals, if any, and the
     * presence of each topic. Every v2 socket gets exactly one welcome.
     */
    public void connect(ClientSocket socket, ConnectRequest request) {
        List<Frame> refusals = new ArrayList<>();
        List<String> subscribed = new ArrayList<>();
        for (String topic : request.topics()) {
            subscribe(socket, topic).ifPresentOrElse(refusals::add, () -> subscribed.add(topic));
        }
        EventCursor resumeFrom = null;
        if (!request.resumeFrom().isEmpty()) {
            Optional<String> invalid = cursorProblem(request.resumeFrom());
            if (invalid.isPresent()) {
                refusals.add(new Frame.Error(BAD_REQUEST, "invalid resume: " + invalid.get()));
            } else {
                resumeFrom = EventCursor.of(request.resumeFrom());
            }
        }
        if (resumeFrom != null) {
            if (!resumption.resume(socket, resumeFrom)) {
                // after a reset the socket still gets its welcome (a fresh start: resumed false)
                socket.offer(FrameText.of(new Frame.Welcome(socket.id(), socket.userId(), false)));
            }
        } else {
            socket.offer(FrameText.of(new Frame.Welcome(socket.id(), socket.userId(), false)));
        }
        refusals.forEach(refusal -> socket.offer(FrameText.of(refusal)));
        subscribed.forEach(topic -> presence.sendSnapshot(socket, topic));
    }

    private Optional<Frame> dispatch(ClientSocket socket, ClientRequest request) {
        if (request instanceof ClientRequest.Subscribe subscribe) {
            Optional<Frame> refused = subscribe(socket, subscribe.topic());
            if (refused.isEmpty()) {
                presence.sendSnapshot(socket, subscribe.topic());
            }
            return refused;
        }
        if (request instanceof ClientRequest.Unsubscribe unsubscribe) {
            if (!Topics.isPublic(unsubscribe.topic())) {
                return forbidden(unsubscribe.topic());
            }
            presence.clear(socket, unsubscribe.topic());
            sockets.unsubscribe(socket, unsubscribe.topic());
            return Optional.empty();
        }
        if (request instanceof ClientRequest.PresenceSet set) {
            if (!socket.follows(set.topic())) {
                return notSubscribed(set.topic());
            }
            if (set.state() != null && Json.write(set.state()).getBytes(StandardCharsets.UTF_8).length > maxStateBytes) {
                return error(STATE_TOO_LARGE, "state larger than " + maxStateBytes + " bytes");
            }
            presence.set(socket, set.topic(), set.state());
            return Optional.empty();
        }
        if (request instanceof ClientRequest.PresenceClear clear) {
            if (!socket.follows(clear.topic())) {
                return notSubscribed(clear.topic());
            }
            presence.clear(socket, clear.topic());
            return Optional.empty();
        }
        if (request instanceof ClientRequest.TokenRefresh refresh) {
            return Optional.of(tokens.refresh(socket, refresh.token()));
        }
        // resume: the replayed events, then welcome (or reset), are sent by the resumption itself;
        // then the presence of every topic the socket follows
        ClientRequest.Resume resume = (ClientRequest.Resume) request;
        Optional<EventCursor> cursor = resumeCursor(resume);
        if (cursor.isEmpty()) {
            return error(BAD_REQUEST, "invalid resume: lastEventId and cursor disagree on " + EventSources.DEFAULT);
        }
        resumption.resume(socket, cursor.get());
        socket.topics().forEach(topic -> presence.sendSnapshot(socket, topic));
        return Optional.empty();
    }

    /** The resume point of a resume request (its lastEventId is the default source's), if it is consistent. */
    private static Optional<EventCursor> resumeCursor(ClientRequest.Resume resume) {
        Map<String, String> lastIds = new LinkedHashMap<>();
        if (resume.cursor() != null) {
            lastIds.putAll(resume.cursor());
        }
        if (resume.lastEventId() != null) {
            String named = lastIds.putIfAbsent(EventSources.DEFAULT, resume.lastEventId());
            if (named != null && !named.equals(resume.lastEventId())) {
                return Optional.empty();
            }
        }
        return Optional.of(EventCursor.of(lastIds));
    }

    /** What is wrong with resume points of the upgrade request, if anything (the schema's rules). */
    private static Optional<String> cursorProblem(Map<String, String> lastIds) {
        if (lastIds.size() > MAX_CURSOR_SOURCES) {
            return Optional.of("more than " + MAX_CURSOR_SOURCES + " sources");
        }
        for (Map.Entry<String, String> entry : lastIds.entrySet()) {
            if (!EventSources.isValid(entry.getKey())) {
                return Optional.of("not a source name: " + abbreviate(entry.getKey()));
            }
            if (!EVENT_ID.matcher(entry.getValue()).matches()) {
                return Optional.of("not an event id");
            }
        }
        return Optional.empty();
    }

    private Optional<Frame> subscribe(ClientSocket socket, String topic) {
        if (!Topics.isPublic(topic)) {
            return forbidden(topic);
        }
        if (!socket.follows(topic) && socket.topics().size() >= maxSubscriptions) {
            return error(TOO_MANY_SUBSCRIPTIONS, "at most " + maxSubscriptions
                    + " subscriptions per socket: unsubscribe one first");
        }
        sockets.subscribe(socket, topic);
        return Optional.empty();
    }

    private static Optional<Frame> forbidden(String topic) {
        return error(FORBIDDEN_TOPIC, "no such public topic: " + abbreviate(topic));
    }

    private static Optional<Frame> notSubscribed(String topic) {
        return error(NOT_SUBSCRIBED, "subscribe to " + abbreviate(topic) + " first");
    }

    private static Optional<Frame> error(String code, String message) {
        return Optional.of(new Frame.Error(code, message));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
