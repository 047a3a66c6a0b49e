package dev.backchannel.gateway.routing;

import java.util.Set;

/** Each user's open sockets on this node: one per browser window or device. */
final class UserConnections {

    private final SocketGroups byUser = new SocketGroups();

    boolean addIfFewerThan(ClientSocket socket, int max) {
        return byUser.addIfFewerThan(socket.userId(), socket, max);
    }

    void remove(ClientSocket socket) {
        byUser.remove(socket.userId(), socket);
    }

    Set<ClientSocket> of(String userId) {
        return byUser.members(userId);
    }

    int userCount() {
        return byUser.groupCount();
    }
}
