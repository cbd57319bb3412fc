package org.partnershipexplorer.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The browser origins that may call the service from another site (EXPLORER_CORS_ORIGINS, comma-separated; none by
 * default), set as Micronaut's CORS configuration ({@code micronaut.server.cors}).
 *
 * <p>Only listed origins are answered, each by its own name, with credentials: a wildcard would let any site send
 * a user's token-bearing requests, so {@code *} is refused at start rather than written into the configuration.
 * Micronaut's CORS filter runs before the security filter and answers a listed origin's preflight itself. Any other
 * preflight gets no CORS header: the filter refuses it (403) when the service is reached as localhost, else it goes
 * on to {@link RouteAccess}, which opens no route to OPTIONS.
 */
@Singleton
final class CorsOrigins implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    static final String SETTING = "EXPLORER_CORS_ORIGINS";
    /** What a browser app calls: GraphQL (GET for cached and persisted queries, POST) and the downloads. */
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST);
    /** Response headers a script may read: the request id it reports, the rate limit's wait, the statement count. */
    static final List<String> EXPOSED = List.of("X-Request-Id", "Retry-After", "X-Cypher-Statements");

    private final List<String> origins;

    CorsOrigins(@Value("${explorer.cors.origins:}") String origins) {
        this.origins = parse(origins);
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(
            BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        if (origins.isEmpty()) {
            // switched off: Micronaut's filter then answers no origin, and still refuses other sites on localhost
            cors.setEnabled(false);
            return cors;
        }
        CorsOriginConfiguration listed = new CorsOriginConfiguration();
        listed.setAllowedOrigins(origins);
        listed.setAllowedMethods(METHODS);
        listed.setExposedHeaders(EXPOSED);
        listed.setAllowCredentials(true);
        cors.setConfigurations(Map.of("listed", listed));
        cors.setEnabled(true);
        return cors;
    }

    /**
     * The origins of the setting, each as a browser sends it in {@code Origin} (scheme://host[:port], lower case,
     * no path); blank is none. An entry that is no origin stops the start, naming it and saying why.
     */
    static List<String> parse(String setting) {
        List<String> origins = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return origins;
        }
        for (String entry : setting.split(",")) {
            String origin = entry.strip();
            if (origin.isEmpty()) {
                continue;
            }
            String problem = problem(origin);
            if (problem != null) {
                throw new IllegalArgumentException(SETTING + " (explorer.cors.origins): '" + origin + "' " + problem);
            }
            String normal = origin.toLowerCase(Locale.ROOT);
            if (!origins.contains(normal)) {
                origins.add(normal);
            }
        }
        return origins;
    }

    private static String problem(String origin) {
        if (origin.contains("*")) {
            return "is a wildcard; list each origin that may call with credentials";
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return "is not an origin (scheme://host[:port])";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "is not an origin: it must start with http:// or https://";
        }
        if (uri.getHost() == null) {
            return "is not an origin: it names no host";
        }
        if (uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "is not an origin: browsers send scheme://host[:port] only, without a path or a trailing slash";
        }
        return null;
    }
}
