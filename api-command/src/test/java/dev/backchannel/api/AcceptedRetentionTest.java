package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.api.commands.AcceptedCommandsPruner;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.MetricsPage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The idempotency records are bounded: past their retention they are pruned, and counted. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class AcceptedRetentionTest {

    @Inject
    AcceptedCommandsPruner pruner;

    @Test
    void shouldForgetAcceptedCommandsPastTheirRetention() {
        String commandId = UUID.randomUUID().toString();
        assertThat(postCommand("yuri", createBody(commandId, "Remember me")).statusCode()).isEqualTo(202);
        assertThat(postCommand("yuri", createBody(commandId, "Another body")).statusCode()).as("remembered").isEqualTo(422);

        assertThat(pruner.prune(Instant.now())).as("nothing is past 7 days yet").isZero();
        long pruned = pruner.prune(Instant.now().plus(Duration.ofDays(8)));

        assertThat(pruned).isPositive();
        assertThat(postCommand("yuri", createBody(commandId, "Another body")).statusCode())
                .as("forgotten: a late retry is a new command").isEqualTo(202);
        assertThat(MetricsPage.scrape().value("backchannel_retention_pruned_total", Map.of("table", "accepted_commands")))
                .isGreaterThanOrEqualTo(pruned);
    }
}
