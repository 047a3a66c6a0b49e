package dev.backchannel.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void readsADelayInSeconds() {
        assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
    }

    @Test
    void readsAnHttpDateAsTheTimeUntilThen() {
        assertThat(RetryAfter.parse("Tue, 01 Jan 2030 00:00:30 GMT", now)).contains(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Mon, 31 Dec 2029 23:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void ignoresAbsentNegativeOrUnreadableValues() {
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.parse("-3", now)).isEmpty();
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }
}
