package dev.backchannel.client.presence;

import java.util.List;

/** Told after every change of a topic's members (snapshot, join, change, leave), with all of them. */
@FunctionalInterface
public interface PresenceListener {

    void onMembers(String topic, List<PresenceMember> members);
}
