package org.partnershipexplorer.access;

import jakarta.inject.Singleton;
import java.util.Map;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;

/** The access rules of docs/api.md: queries open unless configured otherwise; writes need the editor role. */
@Singleton
public final class Access {

    private final AccessSettings settings;

    public Access(AccessSettings settings) {
        this.settings = settings;
    }

    /**
     * Lets a write through, or says why not.
     *
     * @return the subject that {@code updatedBy} records
     */
    public String requireEditor(Caller caller) {
        if (!settings.writesEnabled()) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    "Writes are disabled: the server has no EXPLORER_JWT_SECRET to check editor tokens with",
                    Map.of("reason", "WRITES_DISABLED"));
        }
        requireToken(caller);
        if (!caller.roles().contains(AccessSettings.EDITOR)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Writing needs the role '" + AccessSettings.EDITOR
                    + "'; the token of '" + caller.subject() + "' has " + caller.roles(), Map.of("role", AccessSettings.EDITOR));
        }
        return caller.subject();
    }

    /** Lets a query through, unless EXPLORER_QUERIES_REQUIRE_AUTH asks for a valid token. */
    public void requireReader(Caller caller) {
        if (settings.queriesRequireAuth()) {
            requireToken(caller);
        }
    }

    private static void requireToken(Caller caller) {
        if (caller == null || !caller.authenticated()) {
            String message = caller != null && caller.tokenSent()
                    ? "The bearer token is invalid or expired"
                    : "This needs a bearer token (Authorization: Bearer <JWT>)";
            throw new ApiException(ErrorCode.UNAUTHENTICATED, message, Map.of());
        }
    }
}
