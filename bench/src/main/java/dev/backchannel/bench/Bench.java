package dev.backchannel.bench;

import dev.backchannel.bench.baseline.BaselineProcess;
import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.publish.StatusInjector;
import dev.backchannel.bench.report.Charts;
import dev.backchannel.bench.report.Report;
import dev.backchannel.bench.report.ReportWriter;
import dev.backchannel.bench.report.ScenarioReport;
import dev.backchannel.bench.scenario.BenchContext;
import dev.backchannel.bench.scenario.CapacityScenario;
import dev.backchannel.bench.scenario.EndToEndScenario;
import dev.backchannel.bench.scenario.FanOutScenario;
import dev.backchannel.bench.scenario.PresenceScenario;
import dev.backchannel.bench.system.LocalSystem;
import dev.backchannel.bench.system.SystemUnderTest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One benchmark run: starts the system (or uses the one it is pointed at), the baseline server and
 * the load-generator processes, runs every scenario (a scenario that fails is reported as such and
 * the others still run), and writes {@code report.json}, {@code report.md} and the charts to
 * {@code <results>/<timestamp>/}, copied to {@code <results>/latest/}.
 */
public final class Bench {

    /** Every scenario, in the order they run. */
    public static final List<String> SCENARIOS = List.of("capacity", "reconnect-storm", "fan-out", "slow-consumers",
            "end-to-end", "presence");

    /**
     * @param root     the project root (where the built jars and scripts/ are)
     * @param results  where result folders go
     * @param target   the system to measure, or null to start one here
     * @param only     scenarios to run (empty: all)
     */
    public record Options(BenchProfile profile, Path root, Path results, SystemUnderTest target, Set<String> only,
            Consumer<String> log) {
    }

    private Bench() {
    }

    public static Report run(Options options) {
        BenchProfile profile = options.profile();
        Instant started = Instant.now();
        Path runDir = options.results().resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(started));
        Report report = new Report(profile.name(), started);
        long t0 = System.nanoTime();
        Consumer<String> log = options.log();
        Consumer<String> say = line -> log.accept(String.format("[%5.1f s] %s", (System.nanoTime() - t0) / 1e9,
                line));
        options = new Options(profile, options.root(), options.results(), options.target(), options.only(), say);
        Path data = temporaryFolder();
        Vertx vertx = Vertx.vertx();
        LocalSystem local = null;
        LoadFleet fleet = null;
        BaselineProcess baseline = null;
        StatusInjector injector = null;
        StatusInjector baselineInjector = null;
        try {
            Files.createDirectories(runDir.resolve("logs"));
            int sockets = Math.max(profile.capacitySockets(), profile.fanOutSockets() + profile.presence().watchers());
            options.log().accept("starting the baseline and " + ((sockets + LoadFleet.SOCKETS_PER_WORKER - 1)
                    / LoadFleet.SOCKETS_PER_WORKER) + " load process(es)");
            fleet = LoadFleet.start(sockets, runDir.resolve("logs"));
            baseline = BaselineProcess.start(LocalSystem.freePort(), profile.gatewayHeap(),
                    runDir.resolve("logs/baseline.log"), false);
            SystemUnderTest system = options.target();
            if (system == null) {
                options.log().accept("starting broker, api-command, processor and socket-gateway ...");
                // the smoke run only proves the harness works: a faster start beats a faster JIT there
                List<String> jvm = profile.name().equals("smoke") ? List.of("-XX:TieredStopAtLevel=1") : List.of();
                local = LocalSystem.start(options.root(), data, profile.gatewayHeap(), jvm, Duration.ofSeconds(120));
                system = local.target();
            }
            baseline.awaitReady();
            options.log().accept("signing users in ...");
            injector = StatusInjector.connect(vertx, system.amqpHost(), system.amqpPort(), system.amqpUser(),
                    system.amqpPassword());
            baselineInjector = StatusInjector.connect(vertx, BaselineProcess.BROKER_FED_ADDRESS, system.amqpHost(),
                    system.amqpPort(), system.amqpUser(), system.amqpPassword());
            baseline.subscribe(system.amqpHost(), system.amqpPort(), system.amqpUser(), system.amqpPassword());
            int users = Math.max(profile.capacityUsers(), profile.fanOutUsers() + profile.presence().watchers());
            Map<String, String> tokens = UserTokens.signIn(system.apiUrl(),
                    IntStream.range(0, users).mapToObj(i -> String.format("bench-u%05d", i)).toList(), 16);
            describe(report, profile, system, fleet);
            BenchContext context = new BenchContext(profile, system, baseline, fleet, injector, baselineInjector, tokens, report,
                    new Charts(runDir));
            runScenarios(context, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close(injector);
            close(baselineInjector);
            close(baseline);
            close(fleet);
            close(local);
            vertx.close();
            if (local != null) {
                copyLogs(local.logs(), runDir.resolve("logs"));
            }
            deleteQuietly(data);
        }
        report.environment().put("loadAverageAtEnd", loadAverage());
        report.finished(Duration.between(started, Instant.now()).toMillis() / 1000.0);
        ReportWriter.write(report, runDir);
        copyToLatest(runDir, options.results().resolve("latest"));
        options.log().accept("report: " + runDir.resolve("report.md"));
        return report;
    }

    private static void runScenarios(BenchContext context, Options options) {
        Report report = context.report();
        if (wanted(options, "capacity", "reconnect-storm")) {
            CapacityScenario capacity = new CapacityScenario(context);
            options.log().accept("capacity and reconnect storm: " + context.profile().capacitySockets() + " sockets ...");
            attempt(capacity::run, capacity.reports());
            report.scenarios().addAll(capacity.reports());
        }
        if (wanted(options, "fan-out", "slow-consumers")) {
            FanOutScenario fanOut = new FanOutScenario(context);
            options.log().accept("fan-out and slow consumers: " + context.profile().fanOutSockets() + " sockets ...");
            attempt(fanOut::run, fanOut.reports());
            report.scenarios().addAll(fanOut.reports());
        }
        if (wanted(options, "end-to-end")) {
            EndToEndScenario endToEnd = new EndToEndScenario(context);
            options.log().accept("end to end: " + context.profile().e2eRates() + " commands/s ...");
            attempt(endToEnd::run, List.of(endToEnd.report()));
            report.scenarios().add(endToEnd.report());
        }
        if (wanted(options, "presence")) {
            PresenceScenario presence = new PresenceScenario(context);
            options.log().accept("presence: " + context.profile().presence().watchers() + " watchers beside the fan-out ...");
            attempt(presence::run, List.of(presence.report()));
            report.scenarios().add(presence.report());
        }
    }

    private static void attempt(Runnable scenario, List<ScenarioReport> reports) {
        try {
            scenario.run();
        } catch (RuntimeException e) {
            reports.forEach(r -> r.failed(e));
        }
    }

    private static boolean wanted(Options options, String... names) {
        return options.only().isEmpty() || Stream.of(names).anyMatch(options.only()::contains);
    }

    private static void describe(Report report, BenchProfile profile, SystemUnderTest system, LoadFleet fleet) {
        Map<String, Object> env = report.environment();
        int cores = Runtime.getRuntime().availableProcessors();
        env.put("cores", cores);
        env.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("system", system.startedHere() ? "started by the benchmark (chaos off, queue delay 0)"
                : "running services at " + system.socketUrl());
        env.put("loadProcesses", fleet.size());
        env.put("sourceAddresses", LoadFleet.SOURCE_ADDRESSES);
        env.put("gatewayHeap", "-Xmx" + profile.gatewayHeap());
        String load = loadAverage();
        env.put("loadAverageAtStart", load);
        double oneMinute = load.isEmpty() ? 0 : Double.parseDouble(load.split(" ")[0]);
        env.put("summary", cores + " cores; broker, api-command, processor, socket-gateway, the baseline and "
                + fleet.size() + " load process(es) all on this machine, over loopback. Load average at the start: "
                + load + (oneMinute > cores ? " — **the machine was busy with other work: every figure is pessimistic**"
                : "") + ".");
    }

    /** The 1, 5 and 15 minute load averages, as Linux reports them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("backchannel-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyLogs(Path from, Path to) {
        try (Stream<Path> logs = Files.list(from)) {
            for (Path log : logs.toList()) {
                Files.copy(log, to.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // logs are a convenience
        }
    }

    private static void copyToLatest(Path runDir, Path latest) {
        deleteQuietly(latest);
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path file : files.toList()) {
                Path copy = latest.resolve(runDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static void close(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // shutting down after the run: keep closing the rest
        }
    }
}
