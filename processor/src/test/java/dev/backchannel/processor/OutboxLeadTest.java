package dev.backchannel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.processor.database.Database;
import dev.backchannel.processor.database.DatabaseKind;
import dev.backchannel.processor.outbox.OutboxLedger;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The outbox lead, as two processors on one database see it: their relays are two ledgers on two
 * connections. On PostgreSQL one leads at a time and the other takes over when it lets go; on H2 one
 * process owns the file, so a ledger always leads. The two compete for a lock of their own, so that
 * this test's own relay, which holds the real one, stays out of it.
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class OutboxLeadTest {

    @Inject
    Database database;

    private static final long TEST_LEAD = 42;

    @Test
    void shouldLetOneRelayLeadOnPostgresqlAndHandTheLeadOverWhenItLetsGo() {
        OutboxLedger first = new OutboxLedger(database, TEST_LEAD);
        OutboxLedger second = new OutboxLedger(database, TEST_LEAD);
        try {
            assertThat(first.lead()).isTrue();
            if (database.kind() == DatabaseKind.POSTGRESQL) {
                assertThat(second.lead()).as("the lead is taken").isFalse();
                first.giveUp();
                assertThat(second.lead()).as("the lead passes on").isTrue();
                assertThat(second.tookLead()).isTrue();
                assertThat(first.lead()).as("now held by the other").isFalse();
            } else {
                assertThat(second.lead()).as("H2: one process per file, its relay always leads").isTrue();
            }
        } finally {
            first.giveUp();
            second.giveUp();
        }
    }
}
