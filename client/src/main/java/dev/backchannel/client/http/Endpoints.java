package dev.backchannel.client.http;

import java.net.URI;

/** Paths of the contract, joined to a configured base URL (which may carry a path prefix). */
public final class Endpoints {
    public static final String SESSIONS = "/api/sessions";
    public static final String COMMANDS = "/api/commands";
    public static final String ITEMS = "/api/items";
    public static final String CHAOS = "/api/chaos";

    private Endpoints() {
    }

    public static URI at(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    public static URI command(URI queryBase, String commandId) {
        return at(queryBase, COMMANDS + "/" + commandId);
    }
}
