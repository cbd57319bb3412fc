package org.partnershipexplorer.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.Map;

/** {@code /graphiql}: GraphiQL loaded from the app's own WebJars, so it works offline. */
@Controller("/graphiql")
final class GraphiQLPage {

    private final String html;

    GraphiQLPage(WebJars webJars) {
        this.html = webJars.page("graphiql.html", Map.of());
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    String page() {
        return html;
    }
}
