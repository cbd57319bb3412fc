package org.partnershipexplorer.ministerial;

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
 * {@code GET /export/pledges.csv|.json}: the ministerial pledges with their delivery and sources, filtered as
 * {@code Query.pledges} is ({@code ministerial}, {@code category}, {@code pledger}, {@code status}).
 */
@Controller("/export")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PledgeDownloads {

    static final Table PLEDGES = new Table("pledges", """
            query ($ministerial: ID, $category: PledgeCategory, $pledger: ID, $status: PledgeStatus, $first: Int) {
              pledges(ministerial: $ministerial, category: $category, pledger: $pledger, status: $status,
                      first: $first) {
                edges { node {
                  id ministerial { id } pledger { id name } category description quantity unit status
                  deliveredQuantity deliveredYear deliveredBy { id } beneficiary { id } mission { acronym } confidence
                  source
                  sources { url }
                } }
              }
            }
            """, "/pledges/edges", "/node",
            List.of(new Parameter("ministerial", STRING), new Parameter("category", STRING),
                    new Parameter("pledger", STRING), new Parameter("status", STRING)),
            List.of(new Column("id", "/id"), new Column("ministerial", "/ministerial/id"),
                    new Column("pledger", "/pledger/id"), new Column("pledger_name", "/pledger/name"),
                    new Column("category", "/category"), new Column("description", "/description"),
                    new Column("quantity", "/quantity"), new Column("unit", "/unit"), new Column("status", "/status"),
                    new Column("delivered_quantity", "/deliveredQuantity"),
                    new Column("delivered_year", "/deliveredYear"), new Column("delivered_by", "/deliveredBy", "/id"),
                    new Column("beneficiary", "/beneficiary/id"),
                    new Column("mission", "/mission/acronym"), new Column("confidence", "/confidence"),
                    new Column("source", "/source"), new Column("source_urls", "/sources", "/url")));

    private final Downloads downloads;

    PledgeDownloads(Downloads downloads) {
        this.downloads = downloads;
    }

    @Get("/pledges.csv")
    @Produces(MediaType.ALL)
    HttpResponse<String> csv(HttpRequest<?> request) {
        return downloads.csv(request, PLEDGES);
    }

    @Get("/pledges.json")
    @Produces(MediaType.ALL)
    HttpResponse<String> json(HttpRequest<?> request) {
        return downloads.json(request, PLEDGES);
    }
}
