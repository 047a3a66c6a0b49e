package dev.backchannel.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.GatewayReadiness;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.GatewayNodeClaim;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerControlMBean;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running node defends its node id on the real broker: another process's claim of the same id is
 * answered "taken" (which makes that process exit; the e2e NodeIdCollisionTest starts such a process),
 * a claim of another id is not answered. Without a configured id the node made a unique one.
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class NodeClaimTest {

    @Inject
    Vertx vertx;

    @Inject
    NodeIdentity identity;

    private AmqpClient client;
    private AmqpSender sender;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listenOnTheClaimAddress() throws Exception {
        GatewayReadiness.awaitReady();
        BrokerControlMBean broker = BrokerTestResource.control();
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.getHost()).setPort(broker.getPort())
                .setUsername(broker.getUsername()).setPassword(broker.getPassword()));
        AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection.createReceiver(Addresses.GATEWAY_NODES, new AmqpReceiverOptions().addCapability("topic"))
                .map(receiver -> receiver.handler(message -> heard.add(message.bodyAsBinary().toString(StandardCharsets.UTF_8))))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        sender = connection.createSender(Addresses.GATEWAY_NODES, new AmqpSenderOptions().addCapability("topic"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldMakeAUniqueNodeIdWhenNoneIsConfigured() {
        assertThat(identity.generated()).isTrue();
        assertThat(identity.nodeId()).startsWith("gateway-").isNotEqualTo("gateway-1");
        assertThat(identity.instance()).hasSize(16);
    }

    @Test
    void shouldAnswerAnotherProcessClaimingThisNodesIdThatItIsTaken() throws Exception {
        claim(GatewayNodeClaim.claim(identity.nodeId(), "another-process"));

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(body -> body.contains("\"taken\"")));
        String answer = heard.stream().filter(body -> body.contains("\"taken\"")).findFirst().orElseThrow();
        assertThat(SchemaValidator.instance().violations(MessageSchema.GATEWAY_NODE_CLAIM, answer)).isEmpty();
        assertThat(Json.read(answer, GatewayNodeClaim.class))
                .isEqualTo(GatewayNodeClaim.taken(identity.nodeId(), identity.instance()));
    }

    @Test
    void shouldNotAnswerAClaimOfAnotherNodeId() throws Exception {
        claim(GatewayNodeClaim.claim("some-other-node", "another-process"));

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream().anyMatch(body -> body.contains("some-other-node")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> heard.stream().noneMatch(body -> body.contains("\"taken\"")));
    }

    private void claim(GatewayNodeClaim claim) throws Exception {
        sender.sendWithAck(AmqpMessage.create().withBufferAsBody(Buffer.buffer(Json.write(claim))).build())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
