package org.partnershipexplorer.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param jwtSecret            EXPLORER_JWT_SECRET: signs editor tokens (HS256, at least 32 bytes); unset, writes
 *                             are disabled
 * @param queriesRequireAuth   EXPLORER_QUERIES_REQUIRE_AUTH: queries need a valid token too (any role)
 * @param maxTokenLifetime     EXPLORER_MAX_TOKEN_LIFETIME: the longest a token may be valid for ({@link TokenClaims})
 * @param tokenIssuer          the issuer ({@code iss}) a token must name; the {@code token} command sets it
 */
@ConfigurationProperties("explorer.security")
public record AccessSettings(@Nullable String jwtSecret, @Bindable(defaultValue = "false") boolean queriesRequireAuth,
        @Bindable(defaultValue = "30d") Duration maxTokenLifetime,
        @Bindable(defaultValue = Tokens.ISSUER) String tokenIssuer) {

    /** The role that may write. */
    public static final String EDITOR = "editor";

    public boolean writesEnabled() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }
}
