package dev.backchannel.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The page's test hooks are off unless configured: the settings the page loads say so. */
class ClientSettingsTest {

    @Test
    void shouldServeTestHooksOffInTheDefaultConfiguration() throws IOException {
        GatewayConfig config = configured("prod");

        assertThat(config.client().testHooks()).isFalse();
        assertThat(new JsonObject(new ClientSettingsResource(config).body()).getBoolean("testHooks")).isFalse();
    }

    @Test
    void shouldServeTestHooksOnInTheTestProfile() throws IOException {
        GatewayConfig config = configured("test");

        assertThat(new JsonObject(new ClientSettingsResource(config).body()).getBoolean("testHooks")).isTrue();
    }

    /** GatewayConfig as application.properties gives it in {@code profile}, with no environment override. */
    private static GatewayConfig configured(String profile) throws IOException {
        URL properties = ClientSettingsTest.class.getResource("/application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
