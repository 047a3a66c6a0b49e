package dev.backchannel.desktop.presence;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.presence.PresenceMember;
import dev.backchannel.schemas.Topics;
import java.util.List;

/**
 * What the presence panel needs of the client library: watch one item ({@code items/<id>}), say
 * what this window edits on it, and who else is there. {@link #of} is the real one; tests give
 * their own.
 */
public interface RecordPresence {

    /** Follows the item and is present on it, just looking. */
    void watch(String entityId);

    /** This window edits {@code field} of the item ("title"), or only looks (null). */
    void editing(String entityId, String field);

    /** Leaves the item. */
    void unwatch(String entityId);

    /** The members on the item other than this user. */
    List<PresenceMember> others(String entityId);

    /** {@code onChange} runs (on any thread) whenever an item's members change. */
    void addListener(Runnable onChange);

    static RecordPresence of(BackchannelClient client) {
        return new RecordPresence() {
            @Override
            public void watch(String entityId) {
                client.watch(entityId);
            }

            @Override
            public void editing(String entityId, String field) {
                client.editing(entityId, field);
            }

            @Override
            public void unwatch(String entityId) {
                client.unwatch(entityId);
            }

            @Override
            public List<PresenceMember> others(String entityId) {
                return client.presence().others(Topics.item(entityId), client.userId());
            }

            @Override
            public void addListener(Runnable onChange) {
                client.presence().addListener((topic, members) -> onChange.run());
            }
        };
    }
}
