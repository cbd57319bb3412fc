package org.partnershipexplorer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("access settings")
class AccessSettingsIT {

    static final String SECRET = "settings-secret-settings-secret-settings-0123";
    static final String CREATE = """
            mutation { createProgram(input: {code: "DISABLED", name: "x", confidence: REPORTED, source: "test"}) { id } }""";

    static EmbeddedServer start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestNeo4j.shared().properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.putAll(FrozenSeed.properties());
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Test
    @DisplayName("with no EXPLORER_JWT_SECRET every write is refused as FORBIDDEN saying writes are disabled, even with a token")
    void writesDisabledWithoutSecret() {
        try (EmbeddedServer server = start(Map.of())) {
            GraphQLClient client = new GraphQLClient(server.getURI())
                    .withToken(Tokens.mint(SECRET, "alice", List.of("editor"), Duration.ofHours(1)));
            var response = client.query(CREATE);
            assertEquals(200, response.status());
            assertEquals("FORBIDDEN", response.errorCode());
            assertEquals("Writes are disabled: the server has no EXPLORER_JWT_SECRET to check editor tokens with",
                    response.errors().path(0).path("message").asText());
            assertEquals("Kenya", client.query("{ country(iso3: \"KEN\") { name } }").data().path("country").path("name").asText());
        }
    }

    @Test
    @DisplayName("with EXPLORER_QUERIES_REQUIRE_AUTH=true a query without a token is UNAUTHENTICATED, with any valid token it answers")
    void queriesRequireAuth() {
        try (EmbeddedServer server = start(Map.of("explorer.security.jwt-secret", SECRET,
                "explorer.security.queries-require-auth", "true"))) {
            GraphQLClient anonymous = new GraphQLClient(server.getURI());
            var refused = anonymous.query("{ country(iso3: \"KEN\") { name } }");
            assertEquals(200, refused.status());
            assertEquals("UNAUTHENTICATED", refused.errorCode());
            var reader = anonymous.withToken(Tokens.mint(SECRET, "bob", List.of("reader"), Duration.ofHours(1)));
            assertEquals("Kenya", reader.query("{ country(iso3: \"KEN\") { name } }").data().path("country").path("name").asText());
            assertEquals("FORBIDDEN", reader.query(CREATE).errorCode());
        }
    }

    @Test
    @DisplayName("a token without exp, or whose subject holds a newline, is refused as invalid; the same token with both right answers")
    void tokenClaimsAreChecked() throws Exception {
        try (EmbeddedServer server = start(Map.of("explorer.security.jwt-secret", SECRET,
                "explorer.security.queries-require-auth", "true"))) {
            String query = "{ country(iso3: \"KEN\") { name } }";
            java.time.Instant now = java.time.Instant.now();
            var good = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("carol").claim("roles", List.of("reader"))
                    .issuer(Tokens.ISSUER).issueTime(java.util.Date.from(now))
                    .expirationTime(java.util.Date.from(now.plus(Duration.ofHours(1))));
            var noExpiry = new com.nimbusds.jwt.JWTClaimsSet.Builder(good.build()).expirationTime(null);
            var forgedLine = new com.nimbusds.jwt.JWTClaimsSet.Builder(good.build()).subject("carol\nINFO forged");
            for (var refused : List.of(noExpiry, forgedLine)) {
                var response = new GraphQLClient(server.getURI()).withToken(sign(refused.build())).query(query);
                assertEquals("UNAUTHENTICATED", response.errorCode(), response.body().toString());
                assertEquals("The bearer token is invalid or expired", response.errors().path(0).path("message").asText());
            }
            var answered = new GraphQLClient(server.getURI()).withToken(sign(good.build())).query(query);
            assertEquals("Kenya", answered.data().path("country").path("name").asText());
        }
    }

    private static String sign(com.nimbusds.jwt.JWTClaimsSet claims) throws Exception {
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
