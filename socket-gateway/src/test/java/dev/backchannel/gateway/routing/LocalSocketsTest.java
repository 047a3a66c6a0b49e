package dev.backchannel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalSocketsTest {

    private final LocalSockets sockets = new LocalSockets();

    @Test
    void userAtTheCapGetsNoFurtherSocketWhileOtherUsersDo() {
        assertThat(sockets.open(socket("a1", "alice"), 2)).isTrue();
        assertThat(sockets.open(socket("a2", "alice"), 2)).isTrue();

        assertThat(sockets.open(socket("a3", "alice"), 2)).isFalse();
        assertThat(sockets.open(socket("b1", "bob"), 2)).isTrue();
        assertThat(sockets.ofUser("alice")).extracting(ClientSocket::id).containsExactlyInAnyOrder("a1", "a2");
        assertThat(sockets.find("a3")).isEmpty();
    }

    @Test
    void closingASocketMakesRoomUnderTheCap() {
        sockets.open(socket("a1", "alice"), 1);
        sockets.remove("a1");

        assertThat(sockets.open(socket("a2", "alice"), 1)).isTrue();
    }

    private static ClientSocket socket(String id, String userId) {
        return new ClientSocket(id, userId, FakeOutput.reading(), 10);
    }
}
