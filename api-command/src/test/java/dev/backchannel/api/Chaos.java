package dev.backchannel.api;

import static io.restassured.RestAssured.given;

import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.testsupport.TestTokens;
import io.restassured.response.Response;

/** Changes the chaos flags through the API, as an operator would. */
final class Chaos {

    /** The test profile's calm state: no faults, a fixed 1000 ms queue delay. */
    static final ChaosFlags CALM = ChaosFlags.calm(1000, 1000);

    private Chaos() {
    }

    static Response put(String userId, String json) {
        return given().auth().oauth2(TestTokens.forUser(userId)).contentType("application/json").body(json)
                .put("/api/chaos");
    }

    static Response put(ChaosFlags flags) {
        return put("operator", Json.write(flags));
    }

    static ChaosFlags withApiErrorRate(double rate) {
        return new ChaosFlags(rate, CALM.queueDelayMs(), 0, 0, 0, 0);
    }
}
