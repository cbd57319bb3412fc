package org.partnershipexplorer.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a token must say to be accepted, beyond its signature: an expiry ({@code exp}) no further ahead than the
 * longest lifetime allowed, not valid yet ({@code nbf}) or issued in the future ({@code iat}) only within a minute of
 * clock skew, this service as its issuer ({@code iss}), and a subject that is a plain name (not empty, no control
 * characters: it is written to the audit properties and to the log).
 *
 * <p>micronaut-security-jwt checks {@code exp} and {@code nbf} only when present and accepts any issuer; a token
 * without {@code exp} would never expire.
 */
@Singleton
final class TokenClaims implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenClaims.class);
    static final Duration SKEW = Duration.ofMinutes(1);

    private final AccessSettings settings;
    private final Clock clock;

    @Inject
    TokenClaims(AccessSettings settings) {
        this(settings, Clock.systemUTC());
    }

    TokenClaims(AccessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        String refusal = refusal(claims);
        if (refusal != null) {
            LOG.info("Token refused: {}", refusal);
            return false;
        }
        return true;
    }

    /** Why a token is refused, or null when its claims are acceptable. */
    String refusal(Claims claims) {
        Instant now = clock.instant();
        Instant expires = instant(claims.get(Claims.EXPIRATION_TIME));
        Instant issued = instant(claims.get(Claims.ISSUED_AT));
        Instant notBefore = instant(claims.get(Claims.NOT_BEFORE));
        Object subject = claims.get(Claims.SUBJECT);
        if (expires == null) {
            return "no expiry (exp)";
        }
        Instant from = issued == null ? now : issued;
        if (Duration.between(from, expires).compareTo(settings.maxTokenLifetime()) > 0
                || Duration.between(now, expires).compareTo(settings.maxTokenLifetime()) > 0) {
            return "a lifetime over " + settings.maxTokenLifetime() + " (EXPLORER_MAX_TOKEN_LIFETIME)";
        }
        if (issued != null && issued.isAfter(now.plus(SKEW))) {
            return "issued in the future (iat)";
        }
        if (notBefore != null && notBefore.isAfter(now.plus(SKEW))) {
            return "not valid yet (nbf)";
        }
        if (!settings.tokenIssuer().equals(claims.get(Claims.ISSUER))) {
            return "not issued by " + settings.tokenIssuer() + " (iss)";
        }
        if (!(subject instanceof String name) || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            return "a subject (sub) that is empty or holds control characters";
        }
        return null;
    }

    private static Instant instant(Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Instant instant) {
            return instant;
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
