package dev.backchannel.gateway.routing;

import java.util.Set;

/** The sockets on this node that follow each topic. */
final class TopicSubscriptions {

    private final SocketGroups byTopic = new SocketGroups();

    void subscribe(ClientSocket socket, String topic) {
        if (socket.addTopic(topic)) {
            byTopic.add(topic, socket);
        }
    }

    void unsubscribe(ClientSocket socket, String topic) {
        if (socket.removeTopic(topic)) {
            byTopic.remove(topic, socket);
        }
    }

    void unsubscribeAll(ClientSocket socket) {
        for (String topic : socket.topics()) {
            unsubscribe(socket, topic);
        }
    }

    Set<ClientSocket> subscribersOf(String topic) {
        return byTopic.members(topic);
    }
}
