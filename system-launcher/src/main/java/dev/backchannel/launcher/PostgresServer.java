package dev.backchannel.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's {@code postgresql} package: {@code initdb} into a folder
 * of its own, {@code pg_ctl start} on a free loopback port, one database and user for Backchannel.
 * Run as root, the server runs as the {@code postgres} user ({@code initdb} refuses root). Tests and
 * {@code run.sh --cluster} use it; production points {@code BACKCHANNEL_DB_URL} at a real server.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "backchannel";
    public static final String USER = "backchannel";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final String password;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path folder, int port, String password) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.password = password;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** Creates and starts a server keeping its files under {@code folder} (made if missing). */
    public static PostgresServer start(Path folder, String password) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: no initdb"
                + " under /usr/lib/postgresql/*/bin (install Debian's package: apt-get install -y postgresql,"
                + " or set PG_BIN)"));
        PostgresServer server = new PostgresServer(bin, folder.toAbsolutePath(), SystemLauncher.freePort(), password);
        server.initAndStart();
        return server;
    }

    /** Where {@code initdb} and {@code pg_ctl} are: {@code PG_BIN}, or the newest Debian version. */
    public static Optional<Path> binaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(dir -> Files.isExecutable(dir.resolve("initdb")));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.comparing(dir -> versionOf(dir.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    private void initAndStart() {
        Path cluster = folder.resolve("cluster");
        try {
            Files.createDirectories(folder);
            Path passwordFile = folder.resolve("superuser-password");
            Files.writeString(passwordFile, password + "\n");
            if (asPostgresUser) {
                run(List.of("chown", "-R", "postgres", folder.toString()));
            }
            if (!Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
                postgres(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER,
                        "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"));
            }
            postgres(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-t", "60",
                    "-l", folder.resolve("postgres.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200",
                    "start"));
            createDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabase() {
        List<String> psql = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", USER, "-d", "postgres", "-tAc"));
        psql.add("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
        if (!postgres(psql).trim().equals("1")) {
            psql.set(psql.size() - 1, "CREATE DATABASE " + DATABASE);
            postgres(psql);
        }
    }

    /** Stops the server fast; its files stay (the folder is the caller's). */
    @Override
    public void close() {
        postgres(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("cluster").toString(), "-m", "fast",
                "-w", "stop"));
    }

    private String postgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return run(full);
    }

    private String run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(command.size(), 6)))
                        + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int versionOf(Path versionFolder) {
        try {
            return Integer.parseInt(versionFolder.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
