package dev.backchannel.broker;

import static dev.backchannel.amqptest.AmqpTestClient.durableText;
import static dev.backchannel.amqptest.AmqpTestClient.withAnnotation;
import static dev.backchannel.schemas.Addresses.COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerMetricsTest {

    private static final String COMMANDS_SERIES = "{address=\"commands\",queue=\"commands\"} ";

    @TempDir
    Path dataDir;

    private EmbeddedBroker broker;
    private MetricsEndpoint endpoint;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir));
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, broker.metrics());
    }

    @AfterEach
    void stopBroker() {
        endpoint.close();
        broker.close();
    }

    @Test
    void shouldExportQueueDepthsConsumersAndConnectionsInPrometheusText() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            client.send(COMMANDS, durableText("one"));
            client.send(COMMANDS, withAnnotation(durableText("later"), "x-opt-delivery-delay", 60_000L));

            String idle = scrape();
            assertThat(idle).contains("backchannel_broker_up 1\n")
                    .contains("# TYPE backchannel_broker_queue_messages gauge\n")
                    .contains("backchannel_broker_queue_messages" + COMMANDS_SERIES + "2\n")
                    .contains("backchannel_broker_queue_scheduled_messages" + COMMANDS_SERIES + "1\n")
                    .contains("backchannel_broker_queue_consumers" + COMMANDS_SERIES + "0\n")
                    .contains("backchannel_broker_queue_messages_added_total" + COMMANDS_SERIES + "2\n")
                    .contains("backchannel_broker_queue_consumers{address=\"commands.dlq\",queue=\"commands.dlq\"} 0\n");
            assertThat(value(idle, "backchannel_broker_connections ")).isGreaterThanOrEqualTo(1);

            AmqpTestClient.Received received = client.receive(COMMANDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.count() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    scrape().contains("backchannel_broker_queue_consumers" + COMMANDS_SERIES + "1\n")
                            && scrape().contains("backchannel_broker_queue_messages" + COMMANDS_SERIES + "1\n"));
        }
    }

    @Test
    void shouldSayTheBrokerIsDownOnceItStopped() throws Exception {
        broker.close();

        assertThat(scrape()).contains("backchannel_broker_up 0\n").contains("backchannel_broker_connections 0\n")
                .doesNotContain(COMMANDS_SERIES);
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir));
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    private static long value(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).trim())
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
    }
}
