package dev.backchannel.bench.scenario;

import dev.backchannel.bench.system.ProcessProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JDK Flight Recorder profiles of the measured processes during one phase of a scenario, when the
 * environment variable {@code BENCH_JFR} names a folder: {@code <folder>/<phase>-<role>.jfr}, with
 * the {@code profile} settings. Read them with {@code jfr print --events jdk.ExecutionSample} or
 * {@code jfr summary}. Off (and free) otherwise.
 */
final class FlightRecordings implements AutoCloseable {

    private static final String NAME = "bench";

    private final List<Long> recording = new ArrayList<>();

    private FlightRecordings() {
    }

    /** Starts a recording in each process (role → pid) when BENCH_JFR is set. */
    static FlightRecordings start(String phase, Map<String, Long> processes) {
        FlightRecordings recordings = new FlightRecordings();
        String folder = System.getenv("BENCH_JFR");
        if (folder == null || folder.isBlank()) {
            return recordings;
        }
        try {
            Files.createDirectories(Path.of(folder));
        } catch (IOException e) {
            return recordings;
        }
        processes.forEach((role, pid) -> {
            Path file = Path.of(folder).toAbsolutePath().resolve(phase + "-" + role + ".jfr");
            if (pid > 0 && jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file)) {
                recordings.recording.add(pid);
            }
        });
        return recordings;
    }

    /** A class histogram of the live heap of {@code pid} into {@code <folder>/<name>.txt}, when BENCH_JFR is set. */
    static void histogram(String name, long pid) {
        String folder = System.getenv("BENCH_JFR");
        if (folder == null || folder.isBlank() || pid <= 0) {
            return;
        }
        try {
            Files.createDirectories(Path.of(folder));
            Process process = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(Path.of(folder).resolve(name + ".txt").toFile()).start();
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // a profile is a convenience
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        recording.forEach(pid -> jcmd(pid, "JFR.stop", "name=" + NAME));
    }

    private static boolean jcmd(long pid, String... command) {
        List<String> args = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        args.addAll(List.of(command));
        return ProcessProbe.run(args);
    }
}
