package dev.backchannel.testsupport;

import dev.backchannel.launcher.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The processor's database for a test run: with the system property {@code backchannel.test.database}
 * set to {@code postgresql}, a real PostgreSQL server (Debian's package, started once per test JVM in a
 * temporary folder and stopped when the JVM ends); otherwise nothing, and the service keeps its
 * default H2 database. A missing PostgreSQL fails the run with a message saying what to install.
 */
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_PROPERTY = "backchannel.test.database";

    private static PostgresServer server;

    @Override
    public Map<String, String> start() {
        if (!"postgresql".equals(System.getProperty(DATABASE_PROPERTY))) {
            return Map.of();
        }
        PostgresServer postgres = postgres();
        return Map.of(
                "backchannel.db.kind", "postgresql",
                "quarkus.datasource.postgresql.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.postgresql.username", postgres.user(),
                "quarkus.datasource.postgresql.password", postgres.password());
    }

    /** The one server of this JVM, started on first use. */
    public static synchronized PostgresServer postgres() {
        if (server == null) {
            try {
                Path folder = Files.createTempDirectory("backchannel-postgres-");
                server = PostgresServer.start(folder, UUID.randomUUID().toString());
                PostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteQuietly(folder);
                }, "postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind; the OS cleans it
        }
    }

    @Override
    public void stop() {
        // the server serves every test class of this JVM; the shutdown hook stops it
    }
}
