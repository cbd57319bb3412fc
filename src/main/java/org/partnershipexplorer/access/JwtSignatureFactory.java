package org.partnershipexplorer.access;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * The one key micronaut-security-jwt checks bearer tokens with, present only when EXPLORER_JWT_SECRET is set: with
 * no key, no token validates and every write is refused (writes disabled).
 */
@Factory
final class JwtSignatureFactory {

    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_SECRET_BYTES = 32;

    @Singleton
    @Named("editor")
    @Requires(property = "explorer.security.jwt-secret", pattern = ".+")
    SignatureConfiguration editorTokens(AccessSettings settings) {
        String secret = settings.jwtSecret();
        check(secret);
        return new SecretSignature(new SecretSignatureConfiguration("editor") {
            {
                setSecret(secret);
            }
        });
    }

    static void check(String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("EXPLORER_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes (HS256 needs a 256-bit key); generate one with: openssl rand -base64 48");
        }
    }
}
