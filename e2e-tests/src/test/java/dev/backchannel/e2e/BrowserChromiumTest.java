package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A green build under CI always includes the browser tests: without Chromium they fail there, not skip. */
class BrowserChromiumTest {

    private static final Path MISSING = Path.of("/nonexistent/chromium");

    @Test
    void shouldFailABrowserTestWithoutChromiumUnderCiAndOnlySkipItElsewhere() {
        assertThatThrownBy(() -> BrowserChromium.evaluate(MISSING, MISSING, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apt-get install");
        assertThat(BrowserChromium.evaluate(MISSING, MISSING, false).isDisabled()).isTrue();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(BrowserChromium.evaluate(java, java, true).isDisabled()).isFalse();
    }
}
