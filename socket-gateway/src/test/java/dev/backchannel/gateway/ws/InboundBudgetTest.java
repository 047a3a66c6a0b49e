package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.ws.InboundBudget.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    /** 2 messages per second, 4 at once, closed at the 3rd refused one or the 3rd bad request in a row. */
    private static final GatewayConfig.Inbound LIMITS = new GatewayConfig.Inbound() {
        @Override
        public int messagesPerSecond() {
            return 2;
        }

        @Override
        public int burst() {
            return 4;
        }

        @Override
        public int maxRefused() {
            return 3;
        }

        @Override
        public int maxBadRequests() {
            return 3;
        }
    };

    @Test
    void shouldAdmitABurstThenRefuseOnceDropAndClose() {
        InboundBudget budget = new InboundBudget(LIMITS, 0);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            verdicts.add(budget.admit(0));
        }
        assertThat(verdicts).containsExactly(Verdict.ADMIT, Verdict.ADMIT, Verdict.ADMIT, Verdict.ADMIT,
                Verdict.REFUSE, Verdict.DROP, Verdict.CLOSE);
    }

    @Test
    void shouldRefillAtTheConfiguredRate() {
        InboundBudget budget = new InboundBudget(LIMITS, 0);
        for (int i = 0; i < 4; i++) {
            budget.admit(0);
        }
        assertThat(budget.admit(SECOND / 4)).isEqualTo(Verdict.REFUSE);
        assertThat(budget.admit(SECOND / 2)).isEqualTo(Verdict.ADMIT);
        assertThat(budget.admit(SECOND / 2)).isEqualTo(Verdict.DROP);
    }

    @Test
    void shouldForgiveRefusedMessagesOnceTheClientPausedUntilItsBucketIsFull() {
        InboundBudget budget = new InboundBudget(LIMITS, 0);
        for (int i = 0; i < 4; i++) {
            budget.admit(0);
        }
        assertThat(budget.admit(0)).isEqualTo(Verdict.REFUSE);
        assertThat(budget.admit(0)).isEqualTo(Verdict.DROP);

        long later = 2 * SECOND; // 4 tokens at 2 per second: full again
        for (int i = 0; i < 4; i++) {
            assertThat(budget.admit(later)).isEqualTo(Verdict.ADMIT);
        }
        assertThat(budget.admit(later)).isEqualTo(Verdict.REFUSE);
        assertThat(budget.admit(later)).isEqualTo(Verdict.DROP);
        assertThat(budget.admit(later)).isEqualTo(Verdict.CLOSE);
    }

    @Test
    void shouldCloseAfterTooManyBadRequestsInARowOnly() {
        InboundBudget budget = new InboundBudget(LIMITS, 0);
        assertThat(budget.answered(true)).isFalse();
        assertThat(budget.answered(true)).isFalse();
        assertThat(budget.answered(false)).isFalse();
        assertThat(budget.answered(true)).isFalse();
        assertThat(budget.answered(true)).isFalse();
        assertThat(budget.answered(true)).isTrue();
    }
}
