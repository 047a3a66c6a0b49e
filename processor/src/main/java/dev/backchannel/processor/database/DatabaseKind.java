package dev.backchannel.processor.database;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The database the processor runs on, chosen at run time by {@code BACKCHANNEL_DB_KIND}
 * ({@code backchannel.db.kind}): both JDBC drivers are in the jar, one datasource of each kind is
 * built, and only the chosen one is active.
 */
public enum DatabaseKind {

    /** An embedded H2 file under {@code BACKCHANNEL_DATA}: the default, one processor per file. */
    H2(""),
    /** A PostgreSQL server at {@code BACKCHANNEL_DB_URL}: several processors may share it. */
    POSTGRESQL("postgresql");

    /** The key that chooses the kind. */
    public static final String KEY = "backchannel.db.kind";

    private final String datasourceName;

    DatabaseKind(String datasourceName) {
        this.datasourceName = datasourceName;
    }

    /** The Quarkus datasource of this kind: "" for the default one. */
    public String datasourceName() {
        return datasourceName;
    }

    /** The kind named by {@code value} (case-insensitive); H2 when blank. */
    public static DatabaseKind parse(String value) {
        if (value == null || value.isBlank()) {
            return H2;
        }
        for (DatabaseKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("BACKCHANNEL_DB_KIND must be one of "
                + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ", was '" + value + "'");
    }

    /** The configuration key that (de)activates this kind's datasource. */
    String activeKey() {
        return datasourceName.isEmpty() ? "quarkus.datasource.active" : "quarkus.datasource." + datasourceName + ".active";
    }
}
