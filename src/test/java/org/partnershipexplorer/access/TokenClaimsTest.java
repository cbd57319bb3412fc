package org.partnershipexplorer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a token must say to be accepted")
class TokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final TokenClaims claims = new TokenClaims(
            new AccessSettings("secret", false, Duration.ofDays(30), Tokens.ISSUER), Clock.fixed(NOW, ZoneOffset.UTC));

    /** A token as the token command mints it (one hour), changed by {@code change}. */
    private String refusal(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder token = new JWTClaimsSet.Builder()
                .subject("alice").claim("roles", List.of("editor")).issuer(Tokens.ISSUER)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plus(Duration.ofHours(1))));
        return claims.refusal(new JwtClaimsSetAdapter(change.apply(token).build()));
    }

    @Test
    @DisplayName("a token of the token command is accepted")
    void mintedTokenPasses() {
        assertNull(refusal(token -> token));
    }

    @Test
    @DisplayName("no exp, a lifetime over the cap, iat or nbf in the future, another issuer and a bad subject are each refused")
    void eachClaimIsChecked() {
        assertEquals("no expiry (exp)", refusal(token -> token.expirationTime(null)));
        assertEquals("a lifetime over PT720H (EXPLORER_MAX_TOKEN_LIFETIME)",
                refusal(token -> token.expirationTime(Date.from(NOW.plus(Duration.ofDays(31))))));
        assertEquals("a lifetime over PT720H (EXPLORER_MAX_TOKEN_LIFETIME)", refusal(token -> token
                .issueTime(Date.from(NOW.minus(Duration.ofDays(40)))).expirationTime(Date.from(NOW.plus(Duration.ofDays(1))))));
        assertEquals("issued in the future (iat)", refusal(token -> token.issueTime(Date.from(NOW.plus(Duration.ofMinutes(5))))));
        assertEquals("not valid yet (nbf)", refusal(token -> token.notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(5))))));
        assertNull(refusal(token -> token.notBeforeTime(Date.from(NOW.plus(Duration.ofSeconds(30))))));
        assertEquals("not issued by partnership-explorer (iss)", refusal(token -> token.issuer("someone-else")));
        assertEquals("not issued by partnership-explorer (iss)", refusal(token -> token.issuer(null)));
        String badSubject = "a subject (sub) that is empty or holds control characters";
        assertEquals(badSubject, refusal(token -> token.subject("")));
        assertEquals(badSubject, refusal(token -> token.subject("alice\nINFO forged line")));
        assertEquals(badSubject, refusal(token -> token.subject(null)));
    }
}
