package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link InboundBudget} of every open socket on this node, by connection id. */
@ApplicationScoped
public class InboundLimits {

    private final Map<String, InboundBudget> budgets = new ConcurrentHashMap<>();
    private final GatewayConfig.Inbound limits;

    public InboundLimits(GatewayConfig config) {
        this.limits = config.inbound();
    }

    InboundBudget of(String connectionId) {
        return budgets.computeIfAbsent(connectionId, id -> new InboundBudget(limits, System.nanoTime()));
    }

    void forget(String connectionId) {
        budgets.remove(connectionId);
    }
}
