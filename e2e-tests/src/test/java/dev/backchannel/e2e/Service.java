package dev.backchannel.e2e;

import dev.backchannel.launcher.SystemLauncher;

/** A process of the system, by its name in the launcher. */
enum Service {
    BROKER(SystemLauncher.BROKER),
    /** The second broker of the cluster (only in {@link RunningSystem#startCluster()}). */
    BROKER_2("broker-2"),
    API_COMMAND(SystemLauncher.API_COMMAND),
    /** A second api-command node, on the second broker (only in {@link RunningSystem#startCluster()}). */
    API_COMMAND_2("api-command-2"),
    PROCESSOR(SystemLauncher.PROCESSOR),
    /** A second processor on the same PostgreSQL database ({@link RunningSystem#onPostgresql()}, {@link RunningSystem#startCluster()}). */
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
