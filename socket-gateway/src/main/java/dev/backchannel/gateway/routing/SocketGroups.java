package dev.backchannel.gateway.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sockets grouped by a key, thread-safe, with O(1) lookups and no locks on the read path. A group
 * is created with its first socket and dropped with its last; both happen inside
 * {@link ConcurrentHashMap#compute}, so a socket is never added to a group that is being dropped.
 */
class SocketGroups {

    private final ConcurrentHashMap<String, Set<ClientSocket>> groups = new ConcurrentHashMap<>();

    void add(String key, ClientSocket socket) {
        groups.compute(key, (k, members) -> {
            Set<ClientSocket> set = members != null ? members : ConcurrentHashMap.newKeySet();
            set.add(socket);
            return set;
        });
    }

    /** Adds the socket unless its group already has {@code max} members; returns whether it was added. */
    boolean addIfFewerThan(String key, ClientSocket socket, int max) {
        boolean[] added = new boolean[1];
        groups.compute(key, (k, members) -> {
            Set<ClientSocket> set = members != null ? members : ConcurrentHashMap.newKeySet();
            if (set.size() < max) {
                added[0] = set.add(socket);
            }
            return set.isEmpty() ? null : set;
        });
        return added[0];
    }

    void remove(String key, ClientSocket socket) {
        groups.computeIfPresent(key, (k, members) -> {
            members.remove(socket);
            return members.isEmpty() ? null : members;
        });
    }

    /** A live, weakly consistent view: iterate it, do not keep it. */
    Set<ClientSocket> members(String key) {
        Set<ClientSocket> members = groups.get(key);
        return members != null ? members : Set.of();
    }

    int groupCount() {
        return groups.size();
    }
}
