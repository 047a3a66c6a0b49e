package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.FrameText;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.gateway.routing.ServerClose;
import dev.backchannel.gateway.presence.PresenceService;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Subprotocols;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The browser socket. The upgrade is authenticated (bearer token in the {@code Authorization}
 * header, or in the {@code quarkus-http-upgrade#Authorization#Bearer%20<token>} subprotocol a
 * browser offers next to {@code backchannel.v2} and/or {@code backchannel.v1}); without a valid token it is refused with 401, from a
 * foreign origin with 403 ({@link OriginCheck}). A user's socket beyond the per-user cap is closed
 * with {@code TOO_MANY_CONNECTIONS}; a socket is closed with {@code TOKEN_EXPIRED} when its token
 * expires ({@link TokenExpiry}; a v2 socket is warned and may refresh it in band). A v1 socket's live
 * events wait briefly for the client's {@code resume}; a v2 socket gives its resume point (and its
 * topics) in the upgrade request ({@link ConnectRequest}) and never waits. What a socket may send is
 * bounded ({@link InboundBudget}): a flood, or bad requests in a row, close it with 1008. A connection
 * the client dropped without a close frame is one debug line ({@link AbruptDisconnect}).
 *
 * <p>Its close callbacks are the only place a socket leaves the registry: whoever closes a socket
 * (this node or the client) only closes it, and the registry forgets it here once the connection is gone.
 */
@Authenticated
@WebSocket(path = "/ws")
public class GatewayWebSocket {

    private static final Logger LOG = Logger.getLogger(GatewayWebSocket.class);
    static final String RATE_LIMITED = "rate_limited";

    // field injection, as WebSockets Next resolves the connection's identity through the injected proxy
    @Inject
    SecurityIdentity identity;
    @Inject
    LocalSockets sockets;
    @Inject
    ClientRequestHandler requests;
    @Inject
    GatewayMetrics metrics;
    @Inject
    GatewayConfig config;
    @Inject
    TokenExpiry tokenExpiry;
    @Inject
    SocketCloseLog closes;
    @Inject
    PresenceService presence;
    @Inject
    Vertx vertx;
    @Inject
    UserIdCheck userIds;
    @Inject
    InboundLimits inbound;

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        // the principal is the verified JsonWebToken; UserIdCheck refused the upgrade unless its claim is a user id
        String userId = userIds.userId(identity.getPrincipal()).orElseThrow();
        boolean v2 = Subprotocols.V2.equals(connection.subprotocol());
        ClientSocket socket = new ClientSocket(connection.id(), userId, new ConnectionOutput(connection),
                config.maxPendingFrames(), closes, v2);
        ConnectRequest start = v2 ? ConnectRequest.parse(connection.handshakeRequest().query()) : ConnectRequest.NONE;
        if (!v2 || !start.resumeFrom().isEmpty()) {
            // live events wait for the resume (v1: the client's, within the hold), so they follow its replay
            socket.holdForResume();
        }
        if (!sockets.open(socket, config.maxConnectionsPerUser())) {
            socket.close(ServerClose.TOO_MANY_CONNECTIONS,
                    "more than " + config.maxConnectionsPerUser() + " sockets open: close one first", () -> {
                    });
            return;
        }
        socket.onClosed(() -> presence.socketClosed(socket));
        tokenExpiry.closeAtExpiry(socket, identity.getPrincipal());
        if (v2) {
            // v2: the resume point (if any) came with the upgrade, so nobody waits for one
            requests.connect(socket, start);
            return;
        }
        socket.offer(FrameText.of(new Frame.Welcome(connection.id(), userId, false)));
        long hold = vertx.setTimer(Math.max(1, config.replay().resumeHold().toMillis()), id -> socket.releaseHold());
        socket.onClosed(() -> vertx.cancelTimer(hold));
    }

    @OnTextMessage
    @NonBlocking
    public void onTextMessage(String message, WebSocketConnection connection) {
        sockets.find(connection.id()).ifPresent(socket -> {
            long now = System.nanoTime();
            socket.heard(now);
            InboundBudget budget = inbound.of(socket.id());
            InboundBudget.Verdict verdict = budget.admit(now);
            if (verdict != InboundBudget.Verdict.ADMIT) {
                refuse(connection, socket, verdict);
                return;
            }
            Optional<Frame> reply = requests.handle(socket, message);
            reply.ifPresent(frame -> {
                if (frame instanceof Frame.Error error) {
                    metrics.badRequest(error.code());
                }
                socket.offer(FrameText.of(frame));
            });
            if (budget.answered(reply.filter(ClientRequestHandler::isBadRequest).isPresent())) {
                closeForPolicy(socket, ServerClose.BAD_REQUESTS);
            }
        });
    }

    /** A message over the socket's rate: told once with {@code error rate_limited}, then dropped, then 1008. */
    private void refuse(WebSocketConnection connection, ClientSocket socket, InboundBudget.Verdict verdict) {
        if (verdict == InboundBudget.Verdict.REFUSE) {
            metrics.badRequest(RATE_LIMITED);
            socket.offer(FrameText.of(new Frame.Error(RATE_LIMITED, "more than "
                    + config.inbound().messagesPerSecond() + " messages per second: slow down")));
        } else if (verdict == InboundBudget.Verdict.CLOSE) {
            closeForPolicy(socket, ServerClose.FLOODING);
        }
    }

    /**
     * Closes with 1008 (policy violation): a client that breaks the rules is not to retry as is. The
     * socket closes itself once, so the close is counted and logged like every other ({@link SocketCloseLog}).
     */
    private void closeForPolicy(ClientSocket socket, ServerClose why) {
        socket.close(why);
    }

    @OnPongMessage
    @NonBlocking
    public void onPong(Buffer data, WebSocketConnection connection) {
        sockets.find(connection.id()).ifPresent(socket -> socket.heard(System.nanoTime()));
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        inbound.forget(connection.id());
        sockets.remove(connection.id());
    }

    @OnError
    @NonBlocking
    public void onError(WebSocketConnection connection, Throwable failure) {
        if (OversizedMessage.isCause(failure)) {
            metrics.badRequest("too_big");
            close(connection, ServerClose.TOO_BIG, "message larger than " + config.maxMessageBytes() + " bytes");
        } else if (AbruptDisconnect.isCause(failure)) {
            // the client or the network dropped the connection: ordinary, nothing to close
            LOG.debugf("socket %s disconnected abruptly (%s)", connection.id(), AbruptDisconnect.describe(failure));
        } else {
            LOG.warnf(failure, "socket %s failed: closing it", connection.id());
            close(connection, ServerClose.INTERNAL_ERROR, ServerClose.INTERNAL_ERROR.reason());
        }
        inbound.forget(connection.id());
        sockets.remove(connection.id());
    }

    /** Closes through the socket when it is registered (so it counts and logs), else the connection itself. */
    private void close(WebSocketConnection connection, ServerClose why, String reason) {
        sockets.find(connection.id()).ifPresentOrElse(socket -> socket.close(why, reason, () -> {
        }), () -> new ConnectionOutput(connection).close(why.code(), reason).subscribe().with(done -> {
        }, ignored -> {
        }));
    }
}
