package dev.backchannel.gateway.replay;

import dev.backchannel.gateway.StatusUpdate;
import java.util.List;

/**
 * The answer to a resume: either every event after the client's last event id, in id order
 * ({@code complete}), or the reason the window cannot vouch for that (the client must reload).
 */
public record Replay(boolean complete, List<StatusUpdate> events, String reason) {

    static Replay of(List<StatusUpdate> events) {
        return new Replay(true, List.copyOf(events), null);
    }

    static Replay tooOld(String reason) {
        return new Replay(false, List.of(), reason);
    }
}
