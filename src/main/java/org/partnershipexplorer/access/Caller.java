package org.partnershipexplorer.access;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Set;

/**
 * Who sent a request, as micronaut-security read its bearer token; kept in the GraphQLContext so that the
 * access checks happen inside GraphQL (errors with status 200, docs/api.md).
 *
 * @param subject   the token's subject, or null without a valid token
 * @param roles     the token's roles
 * @param tokenSent whether the request carried a bearer token at all (valid or not)
 */
public record Caller(String subject, Set<String> roles, boolean tokenSent) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), false);

    public static Caller of(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean sent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return request.getUserPrincipal(Authentication.class)
                .map(a -> new Caller(a.getName(), Set.copyOf(roles(a.getRoles())), sent))
                .orElse(new Caller(null, Set.of(), sent));
    }

    private static Collection<String> roles(Collection<String> roles) {
        return roles == null ? Set.of() : roles;
    }

    public boolean authenticated() {
        return subject != null;
    }
}
