package dev.backchannel.processor.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code BACKCHANNEL_DB_KIND} into the datasource switches Quarkus reads: the chosen kind's
 * datasource (and its Flyway migrations) active, the other one inactive. Its ordinal is below the
 * environment's and system properties', so an explicit {@code QUARKUS_DATASOURCE_…_ACTIVE} still wins.
 * An unknown kind stops the start with a message naming the valid ones.
 */
public final class DatabaseKindConfig implements ConfigSourceFactory {

    private static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(DatabaseKind.KEY);
        DatabaseKind chosen = DatabaseKind.parse(value == null ? null : value.getValue());
        Map<String, String> switches = new HashMap<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            switches.put(kind.activeKey(), String.valueOf(kind == chosen));
        }
        return List.of(new PropertiesConfigSource(switches, "backchannel database kind", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
