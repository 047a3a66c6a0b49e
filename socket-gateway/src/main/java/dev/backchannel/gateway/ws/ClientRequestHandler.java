package dev.backchannel.gateway.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.replay.Resumption;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.schemas.ClientRequest;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers what a client sends over its socket: subscribe and unsubscribe to public topics, resume
 * (see {@link Resumption}).
 * Anything else gets an {@code error} frame; the socket stays open.
 */
@ApplicationScoped
public class ClientRequestHandler {

    static final String BAD_REQUEST = "bad_request";
    static final String FORBIDDEN_TOPIC = "forbidden_topic";
    static final String TOO_MANY_SUBSCRIPTIONS = "too_many_subscriptions";

    private static final Set<String> REQUEST_TYPES = Set.of("subscribe", "unsubscribe", "resume");

    private final LocalSockets sockets;
    private final Resumption resumption;

    private final int maxSubscriptions;

    public ClientRequestHandler(LocalSockets sockets, Resumption resumption, GatewayConfig config) {
        this.sockets = sockets;
        this.resumption = resumption;
        this.maxSubscriptions = config.maxSubscriptionsPerSocket();
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
        if (!REQUEST_TYPES.contains(type)) {
            return error(BAD_REQUEST, "unknown request type '" + abbreviate(type) + "'");
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

    private Optional<Frame> dispatch(ClientSocket socket, ClientRequest request) {
        if (request instanceof ClientRequest.Subscribe subscribe) {
            if (!Topics.isPublic(subscribe.topic())) {
                return error(FORBIDDEN_TOPIC, "no such public topic: " + subscribe.topic());
            }
            if (!socket.follows(subscribe.topic()) && socket.topics().size() >= maxSubscriptions) {
                return error(TOO_MANY_SUBSCRIPTIONS, "at most " + maxSubscriptions
                        + " subscriptions per socket: unsubscribe one first");
            }
            sockets.subscribe(socket, subscribe.topic());
            return Optional.empty();
        }
        if (request instanceof ClientRequest.Unsubscribe unsubscribe) {
            if (!Topics.isPublic(unsubscribe.topic())) {
                return error(FORBIDDEN_TOPIC, "no such public topic: " + unsubscribe.topic());
            }
            sockets.unsubscribe(socket, unsubscribe.topic());
            return Optional.empty();
        }
        // resume: the replayed events, then welcome (or reset), are sent by the resumption itself
        resumption.resume(socket, ((ClientRequest.Resume) request).lastEventId());
        return Optional.empty();
    }

    private static Optional<Frame> error(String code, String message) {
        return Optional.of(new Frame.Error(code, message));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
