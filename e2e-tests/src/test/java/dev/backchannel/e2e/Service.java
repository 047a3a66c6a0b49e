package dev.backchannel.e2e;

import java.nio.file.Path;

/** A process of the system, and where its built jar is. */
enum Service {
    BROKER("broker", "broker/target/broker.jar"),
    API_COMMAND("api-command", "api-command/target/quarkus-app/quarkus-run.jar"),
    PROCESSOR("processor", "processor/target/quarkus-app/quarkus-run.jar"),
    SOCKET_GATEWAY("socket-gateway", "socket-gateway/target/quarkus-app/quarkus-run.jar"),
    /** A second gateway node, for resuming on another node. */
    SOCKET_GATEWAY_B("socket-gateway-b", "socket-gateway/target/quarkus-app/quarkus-run.jar");

    private final String module;
    private final String jar;

    Service(String module, String jar) {
        this.module = module;
        this.jar = jar;
    }

    String module() {
        return module;
    }

    Path jar(Path root) {
        return root.resolve(jar);
    }
}
