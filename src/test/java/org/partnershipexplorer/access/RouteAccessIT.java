package org.partnershipexplorer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * Every route the router serves, taken from Micronaut's {@link Router} (so a route added later is tried too), called
 * as sent and with a trailing slash, without a token, with a reader's and with an editor's. What is public is the
 * one list of the hardening rules: the page, /graphql, /graphiql, health, metrics, and the downloads of queries (these
 * follow EXPLORER_QUERIES_REQUIRE_AUTH); every other route needs the editor role.
 */
@DisplayName("HTTP routes: deny by default")
class RouteAccessIT {

    static final String SECRET = "routes-secret-routes-secret-routes-secret-0123";
    static final String EDITOR = Tokens.mint(SECRET, "erin", List.of(AccessSettings.EDITOR), Duration.ofHours(1));
    static final String READER = Tokens.mint(SECRET, "rita", List.of("reader"), Duration.ofHours(1));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static EmbeddedServer start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestNeo4j.shared().properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("micronaut.server.port", "-1");
        properties.putAll(FrozenSeed.properties());
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** A route as the router lists it, with a path that reaches it (template variables filled in). */
    record Route(HttpMethod method, String template, String path) {
        boolean isPublic() {
            return template.equals("/") || template.equals("/graphql") || template.equals("/graphiql")
                    || template.equals("/graphql-ws")
                    || template.startsWith("/health") || template.startsWith("/prometheus");
        }

        boolean isDownload() {
            return List.of("/export/network.", "/export/isolated.", "/export/providers.", "/export/partners.",
                    "/export/pledges.").stream().anyMatch(template::startsWith);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Each (method, template) once: the router lists some routes more than once. */
    static List<Route> routes(EmbeddedServer server) {
        Set<Route> routes = new LinkedHashSet<>();
        server.getApplicationContext().getBean(Router.class).uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            Map<String, Object> values = new HashMap<>();
            route.getUriMatchTemplate().getVariableNames().forEach(name -> values.put(name, "x"));
            String path = route.getUriMatchTemplate().expand(values);
            routes.add(new Route(route.getHttpMethod(), route.getUriMatchTemplate().toPathString(), path));
        });
        return List.copyOf(routes);
    }

    int status(EmbeddedServer server, Route route, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .timeout(Duration.ofSeconds(30))
                .method(route.method().name(), HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Each route, as sent and with a trailing slash, with the token given: "METHOD path -> status" lines. */
    List<String> answers(EmbeddedServer server, List<Route> routes, String token) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Route route : routes) {
            List<String> paths = route.path().endsWith("/") ? List.of(route.path()) : List.of(route.path(), route.path() + "/");
            for (String path : paths) {
                lines.add(route.method() + " " + path + " -> " + status(server, route, path, token));
            }
        }
        return lines;
    }

    static boolean refused(String line) {
        return line.endsWith("-> 401") || line.endsWith("-> 403");
    }

    @Test
    @DisplayName("without a token only the public routes and the downloads answer; the rest is 401, with and without a trailing slash")
    void anonymousReachesOnlyPublicRoutes() throws Exception {
        try (EmbeddedServer server = start(Map.of("explorer.security.jwt-secret", SECRET))) {
            List<Route> routes = routes(server);
            Set<String> templates = new TreeSet<>();
            routes.forEach(route -> templates.add(route.template()));
            // the router's list is the test's input: it must hold the bulk routes the attack went through
            assertTrue(templates.containsAll(List.of("/export", "/import", "/graphql", "/export/network.json")), templates.toString());
            for (Route route : routes) {
                for (String line : answers(server, List.of(route), null)) {
                    if (route.isPublic() || route.isDownload()) {
                        assertTrue(!refused(line), line);
                    } else {
                        assertTrue(line.endsWith("-> 401"), line);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a reader's token opens no editor route (403); an editor's token opens every route, slashed or not")
    void editorRoutesNeedTheEditorRole() throws Exception {
        try (EmbeddedServer server = start(Map.of("explorer.security.jwt-secret", SECRET))) {
            List<Route> editorRoutes = routes(server).stream().filter(r -> !r.isPublic() && !r.isDownload()).toList();
            for (String line : answers(server, editorRoutes, READER)) {
                assertTrue(line.endsWith("-> 403"), line);
            }
            for (String line : answers(server, routes(server), EDITOR)) {
                assertTrue(!refused(line), line);
            }
        }
    }

    @Test
    @DisplayName("with writes disabled (no EXPLORER_JWT_SECRET) GET /export/ and POST /import/ are 401 even with a well-formed editor token")
    void writesDisabledClosesTheBulkRoutes() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            List<Route> editorRoutes = routes(server).stream().filter(r -> !r.isPublic() && !r.isDownload()).toList();
            for (String line : answers(server, editorRoutes, EDITOR)) {
                assertTrue(line.endsWith("-> 401"), line);
            }
            Route export = new Route(HttpMethod.GET, "/export", "/export");
            assertEquals(401, status(server, export, "/export/", null));
            assertEquals(401, status(server, new Route(HttpMethod.POST, "/import", "/import"), "/import/", EDITOR));
        }
    }

    @Test
    @DisplayName("metrics marked sensitive by the operator need a token: /prometheus answers 401 without one")
    void sensitiveMetricsNeedAToken() throws Exception {
        try (EmbeddedServer server = start(Map.of("explorer.security.jwt-secret", SECRET,
                "endpoints.prometheus.sensitive", "true"))) {
            Route prometheus = new Route(HttpMethod.GET, "/prometheus", "/prometheus");
            assertEquals(401, status(server, prometheus, "/prometheus", null));
            assertEquals(200, status(server, prometheus, "/prometheus", READER));
            assertEquals(200, status(server, new Route(HttpMethod.GET, "/health", "/health"), "/health", null));
        }
    }

    @Test
    @DisplayName("with EXPLORER_QUERIES_REQUIRE_AUTH=true the 12 downloads need a token (401 without; a reader's is let through)")
    void downloadsFollowQueriesRequireAuth() throws Exception {
        try (EmbeddedServer server = start(Map.of("explorer.security.jwt-secret", SECRET,
                "explorer.security.queries-require-auth", "true"))) {
            List<Route> downloads = routes(server).stream().filter(Route::isDownload).toList();
            assertEquals(12, downloads.stream().map(Route::template).distinct().count(), downloads.toString());
            for (String line : answers(server, downloads, null)) {
                assertTrue(line.endsWith("-> 401"), line);
            }
            // through the access rule: the network answers 200, the lists that need an argument (year, actor) 400
            for (String line : answers(server, downloads, READER)) {
                assertTrue(line.endsWith("-> 200") || line.endsWith("-> 400") && (line.contains("isolated")
                        || line.contains("providers") || line.contains("partners")), line);
            }
        }
    }
}
