package dev.backchannel.schemas;

/**
 * How a client opens the socket. It offers {@link #V2} (first) and/or {@link #V1}, and the bearer
 * token as {@code quarkus-http-upgrade#Authorization#Bearer%20<token>} (browsers) or in an
 * {@code Authorization} header; the gateway answers the first of the client's offers it speaks.
 *
 * <p>With {@code backchannel.v2} the upgrade request may say where to start
 * ({@code /ws?subscribe=items&subscribe=items/<id>&resume=<lastEventId>}): the gateway subscribes
 * those topics, then answers the resume as the {@code resume} request would (the missed events, then
 * {@code welcome} with {@code resumed:true}, or {@code reset}); {@code resume.<source>=<eventId>}
 * (repeatable, one per source) gives the resume point of another producer ({@link EventSources}),
 * {@code resume} being that of {@code processor}; without any resume parameter it sends
 * {@code welcome} and live frames at once. A v1 socket ignores the parameters and keeps v1 behaviour
 * (live events held up to {@code backchannel.gateway.replay.resume-hold} for a {@code resume}).
 */
public final class Subprotocols {
    public static final String V1 = "backchannel.v1";
    public static final String V2 = "backchannel.v2";
    /** Prefix of the subprotocol that carries the bearer token (its rest is the token). */
    public static final String BEARER_PREFIX = "quarkus-http-upgrade#Authorization#Bearer%20";
    /** Upgrade query parameter (v2): the last event id the client has. */
    public static final String RESUME_PARAMETER = "resume";
    /** Upgrade query parameter prefix (v2): {@code resume.<source>} is the last event id of that source. */
    public static final String RESUME_SOURCE_PREFIX = "resume.";
    /** Upgrade query parameter (v2, repeatable): a topic to subscribe before resuming. */
    public static final String SUBSCRIBE_PARAMETER = "subscribe";

    private Subprotocols() {
    }
}
