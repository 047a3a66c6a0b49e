package dev.backchannel.client.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.CloseCodes;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloseReactionTest {

    @ParameterizedTest
    @ValueSource(ints = {CloseCodes.GOING_AWAY, CloseCodes.TOO_BIG, CloseCodes.TOO_SLOW, CloseCodes.CHAOS,
            1000, 1006, 1011})
    void reconnectsAndResumesAfterAnOrdinaryDrop(int code) {
        assertThat(CloseReaction.toClose(code)).isEqualTo(CloseReaction.RECONNECT);
    }

    @Test
    void fetchesANewTokenBeforeReconnectingWhenTheTokenExpired() {
        assertThat(CloseReaction.toClose(CloseCodes.TOKEN_EXPIRED)).isEqualTo(CloseReaction.REFRESH_TOKEN_AND_RECONNECT);
    }

    @ParameterizedTest
    @ValueSource(ints = {CloseCodes.POLICY_VIOLATION, CloseCodes.TOO_MANY_CONNECTIONS})
    void staysClosedWhenReconnectingWouldBeRefusedAgain(int code) {
        assertThat(CloseReaction.toClose(code)).isEqualTo(CloseReaction.STOP);
    }

    @Test
    void refreshesTheTokenWhenTheUpgradeIsRefusedWith401() {
        assertThat(CloseReaction.toConnectFailure(new CompletionException(new HandshakeRefusedException(401, null))))
                .isEqualTo(CloseReaction.REFRESH_TOKEN_AND_RECONNECT);
    }

    @Test
    void retriesAnyOtherFailedConnect() {
        assertThat(CloseReaction.toConnectFailure(new HandshakeRefusedException(503, null)))
                .isEqualTo(CloseReaction.RECONNECT);
        assertThat(CloseReaction.toConnectFailure(new CompletionException(new IOException("refused"))))
                .isEqualTo(CloseReaction.RECONNECT);
    }
}
