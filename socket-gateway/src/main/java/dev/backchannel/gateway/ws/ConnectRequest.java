package dev.backchannel.gateway.ws;

import dev.backchannel.schemas.EventSources;
import dev.backchannel.schemas.Subprotocols;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@code backchannel.v2} client starts, from its upgrade request's query:
 * {@code subscribe} (repeatable, or comma separated), {@code resume} (the last event id of the default
 * source) and {@code resume.<source>} (of another source; see {@link Subprotocols}). Unknown parameters
 * are ignored; the resume points are checked by {@link ClientRequestHandler}.
 *
 * @param resumeFrom the last event id of each source named, in the order given (empty: no resume)
 */
record ConnectRequest(List<String> topics, Map<String, String> resumeFrom) {

    static final ConnectRequest NONE = new ConnectRequest(List.of(), Map.of());

    static ConnectRequest parse(String query) {
        if (query == null || query.isBlank()) {
            return NONE;
        }
        List<String> topics = new ArrayList<>();
        Map<String, String> resume = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, eq));
            String value = decode(pair.substring(eq + 1));
            if (Subprotocols.SUBSCRIBE_PARAMETER.equals(name)) {
                for (String topic : value.split(",")) {
                    if (!topic.isBlank() && !topics.contains(topic)) {
                        topics.add(topic);
                    }
                }
            } else if (Subprotocols.RESUME_PARAMETER.equals(name) && !value.isBlank()) {
                resume.put(EventSources.DEFAULT, value);
            } else if (name.startsWith(Subprotocols.RESUME_SOURCE_PREFIX) && !value.isBlank()) {
                resume.put(name.substring(Subprotocols.RESUME_SOURCE_PREFIX.length()), value);
            }
        }
        return new ConnectRequest(List.copyOf(topics), resume);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
