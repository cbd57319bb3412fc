package org.partnershipexplorer.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Headers that keep browsers from misreading or framing what the service sends: no content sniffing, no framing,
 * no referrer, and on each page a Content-Security-Policy that allows only the app's own scripts, styles, data and
 * connections. The map reads everything through /graphql and /export/network.*; GraphiQL through /graphql, and its
 * stylesheet carries its fonts as data: URLs. Neither page has an inline script; both set inline styles.
 *
 * <p>The page is known by the route the request resolved to, so {@code /graphiql/} gets GraphiQL's policy too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders {

    static final String MAP_PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String GRAPHIQL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        String route = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElse("");
        switch (route) {
            case "/" -> response.header("Content-Security-Policy", MAP_PAGE_POLICY);
            case "/graphiql" -> response.header("Content-Security-Policy", GRAPHIQL_POLICY);
            default -> {
                // JSON, files and downloads: nothing a browser would run
            }
        }
    }
}
