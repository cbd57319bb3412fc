package org.partnershipexplorer.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that keep browsers from misreading or framing what the service sends: no content sniffing, no framing,
 * no referrer, and on the map page a Content-Security-Policy that allows only the app's own scripts, styles, data
 * and connections (the page reads everything through /graphql and /export/network.*). GraphiQL boots with an
 * inline script, so it gets the other headers but not this policy.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders {

    static final String MAP_PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        if (request.getPath().equals("/")) {
            response.header("Content-Security-Policy", MAP_PAGE_POLICY);
        }
    }
}
