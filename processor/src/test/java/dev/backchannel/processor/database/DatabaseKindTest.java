package dev.backchannel.processor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void shouldDefaultToH2AndReadEitherKindInAnyCase() {
        assertThat(DatabaseKind.parse(null)).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.parse(" ")).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.parse("PostgreSQL")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.parse("h2")).isEqualTo(DatabaseKind.H2);
    }

    @Test
    void shouldRefuseAnUnknownKindNamingTheValidOnes() {
        assertThatThrownBy(() -> DatabaseKind.parse("mysql"))
                .hasMessage("BACKCHANNEL_DB_KIND must be one of h2, postgresql, was 'mysql'");
    }

    @Test
    void shouldActivateExactlyTheChosenKindsDatasource() {
        assertThat(DatabaseKind.H2.activeKey()).isEqualTo("quarkus.datasource.active");
        assertThat(DatabaseKind.POSTGRESQL.activeKey()).isEqualTo("quarkus.datasource.postgresql.active");
    }
}
