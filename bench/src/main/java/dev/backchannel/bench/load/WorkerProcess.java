package dev.backchannel.bench.load;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The driver's end of one forked {@link LoadWorker}: requests as JSON lines, replies matched by id. */
public final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String name;

    private WorkerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, name + "-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** Forks a worker JVM on this JVM's classpath; its stderr goes to {@code log}. */
    public static WorkerProcess start(String name, Path log, String heap) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                LoadWorker.class.getName());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new WorkerProcess(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start load worker " + name, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one request; the reply completes the future (a failed reply fails it). */
    public CompletableFuture<JsonObject> call(String op, JsonObject arguments, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        try {
            synchronized (stdin) {
                stdin.write(arguments.copy().put("id", id).put("op", op).encode());
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            waiting.remove(id);
            reply.completeExceptionally(new IllegalStateException(name + " is gone", e));
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> waiting.remove(id));
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonObject reply;
                try {
                    reply = new JsonObject(line);
                } catch (RuntimeException notJson) {
                    continue;
                }
                CompletableFuture<JsonObject> future = waiting.remove(reply.getLong("id", -1L));
                if (future == null) {
                    continue;
                }
                if (reply.getBoolean("ok", false)) {
                    future.complete(reply);
                } else {
                    future.completeExceptionally(new IllegalStateException(name + ": " + reply.getString("error")));
                }
            }
        } catch (IOException ignored) {
            // the worker ended
        }
        waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException(name + " ended")));
    }

    @Override
    public void close() {
        try {
            synchronized (stdin) {
                stdin.write("{\"op\":\"exit\",\"id\":0}\n");
                stdin.flush();
            }
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
