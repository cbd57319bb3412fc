package org.partnershipexplorer.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.Map;

/**
 * {@code /}: the partnership map. The page itself is static (filled in once with the WebJar versions); it reads
 * everything through the public {@code /graphql} and {@code /export/network.*}, so what it shows is what any
 * client of the API would get.
 */
@Controller
final class MapPage {

    private final String html;

    MapPage(WebJars webJars) {
        this.html = webJars.page("map.html", Map.of());
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    String page() {
        return html;
    }
}
