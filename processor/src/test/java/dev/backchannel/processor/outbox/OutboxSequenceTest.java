package dev.backchannel.processor.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboxSequenceTest {

    @Test
    void shouldContinueAfterTheHighestNumberOnDisk() {
        OutboxSequence sequence = new OutboxSequence(41);

        assertThat(sequence.settledBelow()).isEqualTo(42);
        assertThat(sequence.reserve(2)).isEqualTo(42);
        assertThat(sequence.reserve(1)).isEqualTo(44);
    }

    @Test
    void shouldHoldThePublishableRangeBelowTheOldestOpenTransactionWhateverCommitsFirst() {
        OutboxSequence sequence = new OutboxSequence(0);
        long first = sequence.reserve(2); // 1..2
        long second = sequence.reserve(2); // 3..4

        sequence.finished(second);
        assertThat(sequence.settledBelow()).as("4 committed, 1..2 still open").isEqualTo(first);

        sequence.finished(first);
        assertThat(sequence.settledBelow()).isEqualTo(5);
    }

    @Test
    void shouldLetTheRangeOfARolledBackTransactionPassAsAGap() {
        OutboxSequence sequence = new OutboxSequence(10);
        long rolledBack = sequence.reserve(1);
        long committed = sequence.reserve(1);

        sequence.finished(rolledBack);
        assertThat(sequence.settledBelow()).isEqualTo(committed);
        sequence.finished(committed);
        assertThat(sequence.settledBelow()).isEqualTo(13);
    }

    @Test
    void shouldRefuseAnEmptyReservation() {
        assertThatThrownBy(() -> new OutboxSequence(0).reserve(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
