package dev.backchannel.client.socket;

import dev.backchannel.schemas.Subprotocols;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.StringJoiner;

/** The socket URL with the v2 start parameters: {@code ?subscribe=<topic>&...&resume=<lastEventId>}. */
final class UpgradeRequest {

    private UpgradeRequest() {
    }

    static URI of(URI url, Collection<String> topics, String lastEventId) {
        StringJoiner query = new StringJoiner("&");
        topics.forEach(topic -> query.add(Subprotocols.SUBSCRIBE_PARAMETER + "=" + encode(topic)));
        if (lastEventId != null) {
            query.add(Subprotocols.RESUME_PARAMETER + "=" + encode(lastEventId));
        }
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
