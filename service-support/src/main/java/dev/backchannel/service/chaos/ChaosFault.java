package dev.backchannel.service.chaos;

import dev.backchannel.schemas.ChaosFlags;
import java.util.function.ToDoubleFunction;

/** A fault a service injects on purpose, named as its rate is in the chaos flags. */
public enum ChaosFault {
    API_ERROR("apiErrorRate", ChaosFlags::apiErrorRate),
    PROCESSOR_FAILURE("processorFailureRate", ChaosFlags::processorFailureRate),
    PROCESSOR_CRASH("processorCrashRate", ChaosFlags::processorCrashRate),
    PUBLISH_FAILURE("publishFailureRate", ChaosFlags::publishFailureRate),
    GATEWAY_DISCONNECT("gatewayDisconnectRate", ChaosFlags::gatewayDisconnectRate);

    private final String flag;
    private final ToDoubleFunction<ChaosFlags> rate;

    ChaosFault(String flag, ToDoubleFunction<ChaosFlags> rate) {
        this.flag = flag;
        this.rate = rate;
    }

    /** The flag's name in {@code chaos-flags.schema.json}, and the {@code flag} tag of its metrics. */
    public String flag() {
        return flag;
    }

    /** How often it fires under {@code flags}, from 0 to 1. */
    public double rate(ChaosFlags flags) {
        return rate.applyAsDouble(flags);
    }
}
