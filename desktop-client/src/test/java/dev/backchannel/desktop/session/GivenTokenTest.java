package dev.backchannel.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.client.http.TokenSupplier;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GivenTokenTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheTokenFileAgainEachTimeSoARenewedTokenIsUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first.token.sig\n");
        TokenSupplier tokens = GivenToken.from(Map.of("token-file", file.toString()), Map.of()).orElseThrow();

        assertThat(tokens.token()).isEqualTo("first.token.sig");
        Files.writeString(file, "second.token.sig");
        assertThat(tokens.token()).isEqualTo("second.token.sig");
    }

    @Test
    void shouldPreferTheCommandLineFileOverTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from.file.sig");
        Path other = Files.writeString(dir.resolve("other"), "from.env.file");

        assertThat(GivenToken.from(Map.of("token-file", file.toString()),
                Map.of("BACKCHANNEL_TOKEN_FILE", other.toString(), "BACKCHANNEL_TOKEN", "x.y.z")).orElseThrow().token())
                .isEqualTo("from.file.sig");
        assertThat(GivenToken.from(Map.of(), Map.of("BACKCHANNEL_TOKEN_FILE", other.toString())).orElseThrow().token())
                .isEqualTo("from.env.file");
        assertThat(GivenToken.from(Map.of(), Map.of("BACKCHANNEL_TOKEN", " x.y.z ")).orElseThrow().token())
                .isEqualTo("x.y.z");
    }

    @Test
    void shouldUseTheDemoSignInWhenNoTokenIsGiven() {
        assertThat(GivenToken.from(Map.of(), Map.of("BACKCHANNEL_USER", "alice"))).isEmpty();
    }

    @Test
    void shouldFailToSupplyWhenTheFileIsGone() {
        TokenSupplier tokens = GivenToken.inFile(dir.resolve("missing"));

        assertThatThrownBy(tokens::token).isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing");
    }
}
