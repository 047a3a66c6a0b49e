package dev.backchannel.client.socket;

/** What one open socket reports; each method is called at most once per message or end. */
public interface SocketEvents {

    /** One whole text message. */
    void onText(String text);

    /** The server closed the socket with {@code code}. */
    void onClosed(int code, String reason);

    /** The socket broke without a close frame (network error, abort). */
    void onError(Throwable error);
}
