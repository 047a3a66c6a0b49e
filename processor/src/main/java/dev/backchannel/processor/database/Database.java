package dev.backchannel.processor.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The processor's database: the active datasource of the kind chosen at run time. Connections taken
 * inside a transaction join it, as from any Quarkus datasource.
 */
@ApplicationScoped
public class Database {

    private final DatabaseKind kind;
    private final AgroalDataSource dataSource;

    public Database(@ConfigProperty(name = DatabaseKind.KEY, defaultValue = "h2") String kind,
            @Default InjectableInstance<AgroalDataSource> h2,
            @DataSource("postgresql") InjectableInstance<AgroalDataSource> postgresql) {
        this.kind = DatabaseKind.parse(kind);
        this.dataSource = this.kind == DatabaseKind.POSTGRESQL ? postgresql.get() : h2.get();
    }

    public DatabaseKind kind() {
        return kind;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
