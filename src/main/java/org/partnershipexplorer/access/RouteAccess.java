package org.partnershipexplorer.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Who may reach which HTTP route: deny by default. The public routes are listed here and nowhere else (health and
 * metrics follow their endpoints' {@code sensitive} setting); every other route, and any path that matches no route,
 * needs a valid token with the role editor (and writes enabled).
 *
 * <p>The decision is taken on the route the router resolved the request to, not on the path as sent, so every
 * spelling the router accepts for a route ({@code /export/}, {@code /export}) gets that route's rule. Only paths
 * with no route (static files and WebJars, served after routing) are judged by their path.
 *
 * <p>GraphQL ({@code /graphql}) is public at this level on purpose: queries and mutations are checked inside
 * GraphQL ({@link AccessInstrumentation}), so that a refused field is a GraphQL error beside the fields that ran.
 */
@Singleton
final class RouteAccess implements SecurityRule<HttpRequest<?>> {

    /** Before micronaut-security's own rules, so that none of them can open a route this one closes. */
    static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    /**
     * Routes anyone may call: the page, GraphQL, GraphiQL, and GraphQL subscriptions over WebSocket (which check a
     * token in connection_init, as a browser cannot send headers on a WebSocket). Matched on the route's template.
     */
    private static final List<String> PUBLIC_TEMPLATES = List.of("/", "/graphql", "/graphiql",
            org.partnershipexplorer.graphql.SubscriptionRoute.PATH);
    /**
     * Health and metrics: public unless the operator marks them sensitive ({@code endpoints.*.sensitive}), which
     * micronaut-security's endpoint rule decides; this rule leaves them to it.
     */
    private static final List<String> ENDPOINT_TEMPLATE_PREFIXES = List.of("/health", "/prometheus");
    /** Files served after routing, with no route of their own. */
    private static final List<String> PUBLIC_FILE_PREFIXES = List.of("/static/", "/webjars/");

    private final AccessSettings settings;

    RouteAccess(AccessSettings settings) {
        this.settings = settings;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Mono.just(decide(request, authentication));
    }

    SecurityRuleResult decide(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return SecurityRuleResult.REJECTED;
        }
        Optional<String> template = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString());
        if (template.isPresent()) {
            String route = template.get();
            if (PUBLIC_TEMPLATES.contains(route)) {
                return SecurityRuleResult.ALLOWED;
            }
            if (ENDPOINT_TEMPLATE_PREFIXES.stream().anyMatch(route::startsWith)) {
                return SecurityRuleResult.UNKNOWN;
            }
            if (ReadDownloads.isReadDownload(route)) {
                return reader(authentication);
            }
        } else if (PUBLIC_FILE_PREFIXES.stream().anyMatch(request.getPath()::startsWith)) {
            return SecurityRuleResult.ALLOWED;
        }
        return editor(authentication);
    }

    private SecurityRuleResult reader(@Nullable Authentication authentication) {
        return !settings.queriesRequireAuth() || authentication != null
                ? SecurityRuleResult.ALLOWED
                : SecurityRuleResult.REJECTED;
    }

    private SecurityRuleResult editor(@Nullable Authentication authentication) {
        boolean editor = authentication != null && authentication.getRoles().contains(AccessSettings.EDITOR);
        return settings.writesEnabled() && editor ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
