package dev.backchannel.api.commands;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the link to the {@code commands} queue is up; a check while it is down starts reopening it. */
@Readiness
@ApplicationScoped
public class CommandLinkHealthCheck implements HealthCheck {

    private final CommandLink link;

    CommandLinkHealthCheck(CommandLink link) {
        this.link = link;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = link.linked();
        if (!up) {
            link.reconnect();
        }
        return HealthCheckResponse.named("commands link").status(up).build();
    }
}
