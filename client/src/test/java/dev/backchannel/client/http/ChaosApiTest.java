package dev.backchannel.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.client.testing.FakeApi;
import dev.backchannel.client.testing.FakeApi.Answer;
import dev.backchannel.client.testing.FakeTokens;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosApiTest {

    private static final String CHAOS = "/api/chaos";
    private static final ChaosFlags STORM = new ChaosFlags(0.3, new ChaosFlags.DelayRange(50, 300), 0.1, 0.2, 0.2,
            0.1);

    private final FakeApi api = FakeApi.start();
    private final ChaosApi chaos = new ChaosApi(HttpClient.newHttpClient(), api.url(), new FakeTokens(),
            Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldReadTheFlagsInForceWithTheUsersToken() {
        api.answer("GET", CHAOS, Answer.of(200, Json.write(STORM)));

        assertThat(chaos.current().join()).contains(STORM);
        assertThat(api.received("GET", CHAOS).get(0).headers().getFirst("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void shouldPutTheWholeDocumentAndAnswerWhatTheServerApplied() {
        api.answer("PUT", CHAOS, Answer.of(200, Json.write(STORM)));

        assertThat(chaos.change(STORM).join()).isEqualTo(STORM);
        FakeApi.Received put = api.received("PUT", CHAOS).get(0);
        assertThat(Json.read(put.body(), ChaosFlags.class)).isEqualTo(STORM);
        assertThat(put.headers().getFirst("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void shouldSayChaosIsDisabledWhenTheServerAnswers404() {
        assertThat(chaos.current().join()).isEmpty();
        assertThatThrownBy(() -> chaos.change(STORM).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ChaosApi.ChaosDisabledException.class);
    }

    @Test
    void shouldFailWithTheProblemWhenTheServerRefusesTheChange() {
        api.answer("PUT", CHAOS, Answer.of(403,
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"You may not do this.\"}"));

        assertThatThrownBy(() -> chaos.change(STORM).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
