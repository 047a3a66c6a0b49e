package dev.backchannel.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.gateway.ws.GatewayWebSocket;
import org.junit.jupiter.api.Test;

/** The gateway's structure, held by tests: no package cycle, and one place that forgets sockets. */
class SocketWingArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.backchannel.gateway");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.backchannel.gateway.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheEndpointsCloseCallbacksForgetASocket() {
        noClasses().that().doNotBelongToAnyOf(GatewayWebSocket.class, LocalSockets.class)
                .should().callMethod(LocalSockets.class, "remove", String.class)
                .because("a socket is forgotten once its connection is gone; everyone else only closes it")
                .check(MAIN);
    }

    @Test
    void routingDecidesWhoGetsWhatWithoutKnowingTheWireOrTheBroker() {
        noClasses().that().resideInAPackage("..routing..")
                .should().dependOnClassesThat().resideInAnyPackage("..messaging..", "..ws..", "..replay..",
                        "io.vertx.amqp..", "io.quarkus.websockets.next..")
                .check(MAIN);
    }
}
