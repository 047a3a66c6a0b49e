package dev.backchannel.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** One child JVM (a service, or any other program) with its own log file; it can be started again. */
public final class ServiceProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** {@code java <arguments>} with this JVM's java. */
    public static ServiceProcess java(String name, List<String> arguments, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return new ServiceProcess(name, command, environment, log);
    }

    /** Another process like this one, named {@code newName}, with some environment variables changed. */
    public ServiceProcess copy(String newName, Map<String, String> changes, Path newLog) {
        Map<String, String> changed = new java.util.HashMap<>(environment);
        changed.putAll(changes);
        return new ServiceProcess(newName, command, changed, newLog);
    }

    /** Waits for the process to end (after it was started); its exit status, or -1 when it still runs. */
    public int awaitExit(Duration timeout) {
        Process running;
        synchronized (this) {
            running = process;
        }
        try {
            return running != null && running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? running.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Starts the process, its output appended to {@link #log()}. */
    public synchronized void start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The process id; 0 while it is not running. */
    public synchronized long pid() {
        return process == null ? 0 : process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Polls {@code ready} every 250 ms; fails when the process exits or {@code timeout} passes. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /** SIGTERM, as an operator's restart would; SIGKILL when it has not ended after 20 s. */
    public synchronized void stop() {
        end(false);
    }

    /** SIGKILL, as a crash would: the process gets no chance to finish anything. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }
}
