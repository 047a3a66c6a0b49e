package dev.backchannel.e2e;

import dev.backchannel.launcher.SystemLauncher;

/** A process of the system, by its name in the launcher. */
enum Service {
    BROKER(SystemLauncher.BROKER),
    API_COMMAND(SystemLauncher.API_COMMAND),
    PROCESSOR(SystemLauncher.PROCESSOR),
    /** A second processor on the same PostgreSQL database (only in {@link RunningSystem#onPostgresql()}). */
    PROCESSOR_B("processor-b"),
    SOCKET_GATEWAY(SystemLauncher.SOCKET_GATEWAY),
    /** A second gateway node, for resuming on another node. */
    SOCKET_GATEWAY_B("socket-gateway-b");

    private final String module;

    Service(String module) {
        this.module = module;
    }

    /** Its name in the launcher: the module, or for the second gateway node its own name. */
    String module() {
        return module;
    }
}
