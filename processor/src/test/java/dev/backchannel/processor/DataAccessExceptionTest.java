package dev.backchannel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DataAccessExceptionTest {

    @Test
    void shouldCountDataAndIntegrityErrorsAsPermanentButAUniqueViolationAndOthersAsTransient() {
        assertThat(failure("22001").permanent()).as("value too long").isTrue();
        assertThat(failure("22003").permanent()).as("numeric out of range").isTrue();
        assertThat(failure("23502").permanent()).as("not null").isTrue();
        assertThat(failure("23505").permanent()).as("unique: a create race, a redelivery resolves it").isFalse();
        assertThat(failure("40001").permanent()).as("serialization failure").isFalse();
        assertThat(failure("HYT00").permanent()).as("lock timeout").isFalse();
        assertThat(new DataAccessException("no cause", null).permanent()).isFalse();
        assertThat(failure("22001").reason()).isEqualTo("SQLSTATE 22001 (SQLException)");
    }

    private static DataAccessException failure(String sqlState) {
        return new DataAccessException("cannot write", new RuntimeException(new SQLException("boom", sqlState)));
    }
}
