package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page's test hooks ({@code window.__backchannel}) exist only where the gateway turns them on
 * ({@code BACKCHANNEL_PAGE_TEST_HOOKS=true}, as node A here); node B runs as in production.
 */
@ExtendWith(BrowserChromium.class)
class BrowserTestHooksTest {

    private final RunningSystem system = RunningSystem.get();

    @Test
    void shouldNotExposeTestHooksInTheDefaultConfiguration() {
        try (BrowserPage page = BrowserPage.signIn(system.url(Service.SOCKET_GATEWAY_B, "/"), "hookless", 1000, 820)) {
            assertThat(page.hasTestHooks()).isFalse();
        }
    }

    @Test
    void shouldExposeTestHooksWhereTheGatewayTurnsThemOn() {
        try (BrowserPage page = BrowserPage.signIn(system.url(Service.SOCKET_GATEWAY, "/"), "hooked", 1000, 820)) {
            assertThat(page.hasTestHooks()).isTrue();
            assertThat(page.ask("state")).isIn("connected", "reset");
        }
    }
}
