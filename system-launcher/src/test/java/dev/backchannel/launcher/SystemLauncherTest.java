package dev.backchannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemLauncherTest {

    @Test
    void shouldNameEveryMissingJarBeforeStartingAnything(@TempDir Path root) {
        assertThat(SystemLauncher.missingJars(root)).containsExactly(root.resolve("broker/target/broker.jar"),
                root.resolve("api-command/target/quarkus-app/quarkus-run.jar"),
                root.resolve("processor/target/quarkus-app/quarkus-run.jar"),
                root.resolve("socket-gateway/target/quarkus-app/quarkus-run.jar"));
        assertThatThrownBy(() -> SystemLauncher.of(root, root.resolve("data")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broker.jar")
                .hasMessageContaining("mvn -B");
    }

    @Test
    void shouldFailFastWhenAProcessExitsBeforeItIsReady(@TempDir Path logs) {
        ServiceProcess process = ServiceProcess.java("short-lived", List.of("-version"), Map.of(),
                logs.resolve("short-lived.log"));
        process.start();

        assertThatThrownBy(() -> process.awaitReady(Duration.ofMinutes(1), () -> false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("short-lived exited");
        assertThat(logs.resolve("short-lived.log")).content().containsIgnoringCase("version");
        process.stop();
        assertThat(process.pid()).isZero();
    }
}
