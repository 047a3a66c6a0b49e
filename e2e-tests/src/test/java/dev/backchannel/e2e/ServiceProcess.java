package dev.backchannel.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running service: a real {@code java -jar} child process with its own log file. */
final class ServiceProcess {

    private final Service service;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceProcess(Service service, Path jar, Map<String, String> environment, Path log) {
        this.service = service;
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        this.environment = environment;
        this.log = log;
    }

    Service service() {
        return service;
    }

    synchronized void start() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    synchronized void kill() {
        stop(true);
    }

    /** SIGTERM, then SIGKILL if it has not ended in 20 s. */
    synchronized void stop() {
        stop(false);
    }

    private void stop(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    Path log() {
        return log;
    }
}
