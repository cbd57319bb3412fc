package org.partnershipexplorer.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.partnershipexplorer.access.ReadDownloads;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.HttpErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each client to {@code explorer.rate-limit.requests} requests a window on /graphql and the downloads
 * together: the routes that cost database work and are open to anyone. Over it, 429 with {@code Retry-After} (whole
 * seconds until the client's window ends) and the API's JSON error, code RATE_LIMITED.
 *
 * <p>The routes are known by the route the request resolved to, as access/RouteAccess does, so {@code /graphql/}
 * counts too. The filter runs before security, so that a client over its limit costs no token check.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String GRAPHQL = "/graphql";

    private final RateLimitSettings settings;
    private final ClientRateLimit rateLimit;

    RateLimitFilter(RateLimitSettings settings, ClientRateLimit rateLimit) {
        this.settings = settings;
        this.rateLimit = rateLimit;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (!limited(request)) {
            return null;
        }
        Optional<Duration> wait = rateLimit.acquire(request);
        if (wait.isEmpty()) {
            return null;
        }
        // rounded up: a client that waits the seconds it is told is served
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        String requestId = HttpErrors.requestId(request);
        LOG.debug("request {} from {} refused: over {} requests per {}", requestId, rateLimit.clientKey(request),
                settings.requests(), settings.window());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", settings.requests());
        details.put("windowSeconds", settings.window().toSeconds());
        details.put("retryAfterSeconds", seconds);
        return HttpErrors.response(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                        "Too many requests from this client: at most " + settings.requests() + " every "
                                + settings.window().toSeconds() + " s to /graphql and the downloads together "
                                + "(explorer.rate-limit.requests); try again in " + seconds + " s",
                        details, requestId)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static boolean limited(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
                .filter(route -> route.equals(GRAPHQL) || ReadDownloads.isReadDownload(route))
                .isPresent();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
