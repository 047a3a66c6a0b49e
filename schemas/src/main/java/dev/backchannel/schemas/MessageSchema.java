package dev.backchannel.schemas;

/** Every JSON Schema of the contract, by the file it lives in under {@code /schemas}. */
public enum MessageSchema {
    COMMAND("command.schema.json"),
    QUEUED_COMMAND("queued-command.schema.json"),
    COMMAND_ACCEPTED("command-accepted.schema.json"),
    PROBLEM("problem.schema.json"),
    SESSION_REQUEST("session-request.schema.json"),
    SESSION("session.schema.json"),
    ITEM("item.schema.json"),
    ITEM_LIST("item-list.schema.json"),
    COMMAND_STATUS("command-status.schema.json"),
    STATUS_EVENT("status-event.schema.json"),
    FRAME("frame.schema.json"),
    CLIENT_REQUEST("client-request.schema.json"),
    CHAOS_FLAGS("chaos-flags.schema.json"),
    PRESENCE_MESSAGE("presence-message.schema.json"),
    GATEWAY_NODE_CLAIM("gateway-node-claim.schema.json");

    /** Base of every schema's {@code $id}; mapped to the classpath folder {@code schemas/}. */
    public static final String BASE_URI = "https://backchannel.dev/schemas/";

    private final String file;

    MessageSchema(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public String uri() {
        return BASE_URI + file;
    }
}
