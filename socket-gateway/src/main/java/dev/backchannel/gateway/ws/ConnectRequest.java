package dev.backchannel.gateway.ws;

import dev.backchannel.schemas.Subprotocols;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@code backchannel.v2} client starts, from its upgrade request's query:
 * {@code subscribe} (repeatable, or comma separated) and {@code resume} (see {@link Subprotocols}).
 * Unknown parameters are ignored.
 */
record ConnectRequest(List<String> topics, String resumeFrom) {

    static final ConnectRequest NONE = new ConnectRequest(List.of(), null);

    static ConnectRequest parse(String query) {
        if (query == null || query.isBlank()) {
            return NONE;
        }
        List<String> topics = new ArrayList<>();
        String resume = null;
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
                resume = value;
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
