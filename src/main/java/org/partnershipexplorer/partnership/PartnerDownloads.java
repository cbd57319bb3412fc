package org.partnershipexplorer.partnership;

import static org.partnershipexplorer.graphql.Downloads.Type.INT;
import static org.partnershipexplorer.graphql.Downloads.Type.LIST;
import static org.partnershipexplorer.graphql.Downloads.Type.STRING;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.partnershipexplorer.graphql.Downloads;
import org.partnershipexplorer.graphql.Downloads.Column;
import org.partnershipexplorer.graphql.Downloads.Parameter;
import org.partnershipexplorer.graphql.Downloads.Table;

/**
 * {@code GET /export/partners.csv|.json?actor=KEN}: an actor's partners, one row per partner, as
 * {@code Actor.partners} gives them ({@code kinds}, {@code direction}, {@code from}/{@code to}, {@code confidence}).
 */
@Controller("/export")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PartnerDownloads {

    static final Table PARTNERS = new Table("partners", """
            query ($actor: ID!, $kinds: [PartnershipKind!], $direction: Direction, $from: Int, $to: Int,
                   $confidence: [Confidence!]) {
              actor(id: $actor) {
                partners(kinds: $kinds, direction: $direction, years: {from: $from, to: $to}, confidence: $confidence) {
                  actor { id name } direction kinds count firstYear lastYear
                }
              }
            }
            """, "/actor/partners", "",
            List.of(new Parameter("actor", STRING), new Parameter("kinds", LIST), new Parameter("direction", STRING),
                    new Parameter("from", INT), new Parameter("to", INT), new Parameter("confidence", LIST)),
            List.of(new Column("partner", "/actor/id"), new Column("name", "/actor/name"),
                    new Column("direction", "/direction"), new Column("kinds", "/kinds", ""),
                    new Column("relationships", "/count"), new Column("first_year", "/firstYear"),
                    new Column("last_year", "/lastYear")));

    private final Downloads downloads;

    PartnerDownloads(Downloads downloads) {
        this.downloads = downloads;
    }

    @Get("/partners.csv")
    @Produces(MediaType.ALL)
    HttpResponse<String> csv(HttpRequest<?> request) {
        return downloads.csv(request, PARTNERS);
    }

    @Get("/partners.json")
    @Produces(MediaType.ALL)
    HttpResponse<String> json(HttpRequest<?> request) {
        return downloads.json(request, PARTNERS);
    }
}
