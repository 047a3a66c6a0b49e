package dev.backchannel.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The browser page comes with the usual security headers, and its content security policy lets it
 * talk to the gateway, api-command and the query side only: a {@code ?api=} override pointing
 * elsewhere cannot carry the token away.
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class PageSecurityHeadersTest {

    @Test
    void shouldServeThePageWithSecurityHeadersAndAPolicyNamingOnlyTheServices() {
        for (String path : new String[] {"/", "/js/app.js"}) {
            Response page = given().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            String connect = policy.substring(policy.indexOf("connect-src"), policy.indexOf(';', policy.indexOf("connect-src")));
            assertThat(connect.split(" ")).as(path).containsExactlyInAnyOrder("connect-src", "'self'",
                    "http://localhost:8081", "http://localhost:8082");
        }
    }
}
