package org.partnershipexplorer.analytics;

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
 * {@code GET /export/isolated.csv|.json} and {@code /export/providers.csv|.json}: the isolated contributors with their
 * reasons, and the providers, as files. The query parameters are the queries' arguments
 * ({@code ?year=2021&region=Africa&confidence=VERIFIED,REPORTED}); lists are comma-separated.
 */
@Controller("/export")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SupportDownloads {

    static final Table ISOLATED = new Table("isolated-contributors", """
            query ($year: Int!, $since: Int, $minPersonnel: Int, $region: String, $mission: ID,
                   $kinds: [PartnershipKind!], $confidence: [Confidence!], $first: Int) {
              isolatedContributors(year: $year, since: $since, minPersonnel: $minPersonnel, region: $region,
                                   mission: $mission, kinds: $kinds, confidence: $confidence, first: $first) {
                edges { node {
                  country { iso3 name } year score personnel women personnelAsOf supportReceived
                  providers { id } missions { acronym } reasons { code weight text }
                  trend { since scoreThen providersGained { id } providersLost { id } }
                } }
              }
            }
            """, "/isolatedContributors/edges", "/node",
            List.of(new Parameter("year", INT), new Parameter("since", INT), new Parameter("minPersonnel", INT),
                    new Parameter("region", STRING), new Parameter("mission", STRING), new Parameter("kinds", LIST),
                    new Parameter("confidence", LIST)),
            List.of(new Column("rank", Downloads.POSITION), new Column("iso3", "/country/iso3"),
                    new Column("name", "/country/name"), new Column("year", "/year"), new Column("score", "/score"),
                    new Column("personnel", "/personnel"), new Column("women", "/women"),
                    new Column("personnel_as_of", "/personnelAsOf"),
                    new Column("support_received", "/supportReceived"), new Column("providers", "/providers", "/id"),
                    new Column("missions", "/missions", "/acronym"),
                    new Column("reason_codes", "/reasons", "/code"), new Column("reasons", "/reasons", "/text"),
                    new Column("since", "/trend/since"), new Column("score_then", "/trend/scoreThen"),
                    new Column("providers_gained", "/trend/providersGained", "/id"),
                    new Column("providers_lost", "/trend/providersLost", "/id")));

    static final Table PROVIDERS = new Table("support-providers", """
            query ($year: Int!, $region: String, $kinds: [PartnershipKind!], $confidence: [Confidence!], $first: Int) {
              supportProviders(year: $year, region: $region, kinds: $kinds, confidence: $confidence, first: $first) {
                edges { node {
                  actor { id name } year recipients given contributorsSupported soleRecipients { id } providers
                } }
              }
            }
            """, "/supportProviders/edges", "/node",
            List.of(new Parameter("year", INT), new Parameter("region", STRING), new Parameter("kinds", LIST),
                    new Parameter("confidence", LIST)),
            List.of(new Column("rank", Downloads.POSITION), new Column("id", "/actor/id"),
                    new Column("name", "/actor/name"), new Column("year", "/year"),
                    new Column("recipients", "/recipients"), new Column("given", "/given"),
                    new Column("contributors_supported", "/contributorsSupported"),
                    new Column("sole_recipients", "/soleRecipients", "/id"), new Column("providers", "/providers")));

    private final Downloads downloads;

    SupportDownloads(Downloads downloads) {
        this.downloads = downloads;
    }

    @Get("/isolated.csv")
    @Produces(MediaType.ALL)
    HttpResponse<String> isolatedCsv(HttpRequest<?> request) {
        return downloads.csv(request, ISOLATED);
    }

    @Get("/isolated.json")
    @Produces(MediaType.ALL)
    HttpResponse<String> isolatedJson(HttpRequest<?> request) {
        return downloads.json(request, ISOLATED);
    }

    @Get("/providers.csv")
    @Produces(MediaType.ALL)
    HttpResponse<String> providersCsv(HttpRequest<?> request) {
        return downloads.csv(request, PROVIDERS);
    }

    @Get("/providers.json")
    @Produces(MediaType.ALL)
    HttpResponse<String> providersJson(HttpRequest<?> request) {
        return downloads.json(request, PROVIDERS);
    }
}
