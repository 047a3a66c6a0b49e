package dev.backchannel.client.socket;

import dev.backchannel.schemas.EventSources;
import dev.backchannel.schemas.Subprotocols;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The socket URL with the v2 start parameters: {@code ?subscribe=<topic>&...&resume=<lastEventId>},
 * plus {@code resume.<source>=<eventId>} for each other producer the client has events of.
 */
final class UpgradeRequest {

    private UpgradeRequest() {
    }

    static URI of(URI url, Collection<String> topics, String lastEventId) {
        return of(url, topics, lastEventId == null ? Map.of() : Map.of(EventSources.DEFAULT, lastEventId));
    }

    /** {@code resumeFrom}: the last event id of each source. */
    static URI of(URI url, Collection<String> topics, Map<String, String> resumeFrom) {
        StringJoiner query = new StringJoiner("&");
        topics.forEach(topic -> query.add(Subprotocols.SUBSCRIBE_PARAMETER + "=" + encode(topic)));
        String ofDefault = resumeFrom.get(EventSources.DEFAULT);
        if (ofDefault != null) {
            query.add(Subprotocols.RESUME_PARAMETER + "=" + encode(ofDefault));
        }
        new TreeMap<>(resumeFrom).forEach((source, eventId) -> {
            if (!EventSources.DEFAULT.equals(source)) {
                query.add(Subprotocols.RESUME_SOURCE_PREFIX + source + "=" + encode(eventId));
            }
        });
        if (query.length() == 0) {
            return url;
        }
        String base = url.toString();
        return URI.create(base + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
