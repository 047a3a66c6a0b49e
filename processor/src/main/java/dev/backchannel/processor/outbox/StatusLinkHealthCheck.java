package dev.backchannel.processor.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the outbox relay's link to the {@code status} address is up. */
@Readiness
@ApplicationScoped
public class StatusLinkHealthCheck implements HealthCheck {

    private final StatusPublisher publisher;

    public StatusLinkHealthCheck(StatusPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("status link").status(publisher.linked()).build();
    }
}
