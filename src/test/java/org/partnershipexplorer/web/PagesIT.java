package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GraphiQL and health")
class PagesIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    @Test
    @DisplayName("/graphiql loads GraphiQL and React from the app's own WebJars, and each of them is served")
    void graphiqlUsesOnlyLocalAssets() {
        GraphQLClient client = new GraphQLClient(server.getURI());
        var page = client.getPath("/graphiql");
        assertEquals(200, page.status());
        String html = page.raw().body();
        assertTrue(!html.contains("http://") && !html.contains("https://"), "the page names no outside host");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(html);
        int count = 0;
        while (assets.find()) {
            assertEquals(200, client.getPath(assets.group(1)).status(), assets.group(1));
            count++;
        }
        assertEquals(5, count); // React, ReactDOM, GraphiQL script and style, the graphql-ws client
    }

    @Test
    @DisplayName("/health is UP with Neo4j's details when the database answers")
    void healthIsUpWithNeo4j() {
        var health = new GraphQLClient(server.getURI()).getPath("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.body().path("status").asText());
        assertEquals("UP", health.body().path("details").path("neo4j").path("status").asText());
        assertEquals("neo4j", health.body().path("details").path("neo4j").path("details").path("database").asText());
    }

    @Test
    @DisplayName("the map page allows only its own scripts and connections; every response forbids sniffing and framing")
    void securityHeaders() {
        GraphQLClient client = new GraphQLClient(server.getURI());
        var page = client.getPath("/");
        assertEquals(200, page.status());
        assertEquals(SecurityHeaders.MAP_PAGE_POLICY,
                page.raw().headers().firstValue("Content-Security-Policy").orElse(""));
        for (String path : java.util.List.of("/", "/graphiql", "/static/map.js", "/graphql?query=%7B__typename%7D")) {
            var response = client.getPath(path);
            assertEquals("nosniff", response.raw().headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", response.raw().headers().firstValue("X-Frame-Options").orElse(""), path);
        }
    }

    @Test
    @DisplayName("GraphiQL allows only its own scripts, styles, fonts and connections, and boots from a file rather than an inline script")
    void graphiqlPolicy() {
        GraphQLClient client = new GraphQLClient(server.getURI());
        for (String path : java.util.List.of("/graphiql", "/graphiql/")) {
            var page = client.getPath(path);
            assertEquals(200, page.status(), path);
            assertEquals(SecurityHeaders.GRAPHIQL_POLICY,
                    page.raw().headers().firstValue("Content-Security-Policy").orElse(""), path);
        }
        String html = client.getPath("/graphiql").raw().body();
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains(" src=\"/"), "an inline script, which the policy refuses: " + scripts.group());
            count++;
        }
        assertEquals(5, count); // the four WebJar scripts and the page's own boot script
        var boot = client.getPath("/static/graphiql.js");
        assertEquals(200, boot.status());
        assertTrue(boot.raw().body().contains("GraphiQL.createFetcher"));
    }
}
