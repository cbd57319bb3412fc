package org.partnershipexplorer.statistics;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.mission.MissionWiring;
import org.partnershipexplorer.partnership.PartnershipFilter;
import org.partnershipexplorer.partnership.PartnershipKind;
import org.partnershipexplorer.statistics.Statistics.DatePersonnel;
import org.partnershipexplorer.statistics.Statistics.MissionPersonnel;
import org.partnershipexplorer.statistics.Statistics.PledgeCount;
import org.partnershipexplorer.statistics.Statistics.RegionPersonnel;
import org.partnershipexplorer.statistics.Statistics.YearPartnerships;

/** {@code Query.statistics} and its aggregates. */
@Singleton
public final class StatisticsWiring implements GraphQLWiring, Projections {

    private final StatisticsRepository statistics;

    StatisticsWiring(StatisticsRepository statistics) {
        this.statistics = statistics;
    }

    /** Answered by this wiring's fetchers, not by definitions (see FieldRegistry). */
    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.fieldByField("Query", "statistics", "aggregates, each read by its own statement");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("statistics", env -> Statistics.INSTANCE))
                .type("Statistics", t -> t
                        .dataFetcher("personnelByMission", this::personnelByMission)
                        .dataFetcher("personnelByRegion", this::personnelByRegion)
                        .dataFetcher("personnelByDate", this::personnelByDate)
                        .dataFetcher("partnershipsByYear", this::partnershipsByYear)
                        .dataFetcher("pledgesByCategory", this::pledgesByCategory)
                        .dataFetcher("pledgesByStatus", this::pledgesByStatus)
                        .dataFetcher("coverage", this::coverage))
                .type("MissionPersonnel", t -> t.dataFetcher("mission",
                        env -> MissionWiring.mission(env, env.<MissionPersonnel>getSource().acronym())));
    }

    /** Statistics.coverage */
    Statistics.Coverage coverage(DataFetchingEnvironment env) {
        return statistics.coverage(RequestInfo.deadline(env));
    }

    /** Statistics.personnelByMission */
    List<MissionPersonnel> personnelByMission(DataFetchingEnvironment env) {
        return statistics.personnelByMission(RequestInfo.deadline(env),
                Arguments.year("year", env.getArgument("year")));
    }

    /** Statistics.personnelByRegion */
    List<RegionPersonnel> personnelByRegion(DataFetchingEnvironment env) {
        String asOf = env.getArgument("asOf");
        if (asOf != null) {
            try {
                LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw ApiException.badInput("asOf", "must be an ISO 8601 date such as 2021-01-31, got '"
                        + (asOf.length() > 40 ? asOf.substring(0, 40) + "..." : asOf) + "'");
            }
        }
        return statistics.personnelByRegion(RequestInfo.deadline(env), asOf);
    }

    /** Statistics.personnelByDate */
    List<DatePersonnel> personnelByDate(DataFetchingEnvironment env) {
        return statistics.personnelByDate(RequestInfo.deadline(env));
    }

    /** Statistics.partnershipsByYear */
    List<YearPartnerships> partnershipsByYear(DataFetchingEnvironment env) {
        return statistics.partnershipsByYear(RequestInfo.deadline(env), PartnershipKind.of(env.getArgument("kinds")),
                PartnershipFilter.confidences(env));
    }

    /** Statistics.pledgesByCategory */
    List<PledgeCount> pledgesByCategory(DataFetchingEnvironment env) {
        return statistics.pledgesByCategory(RequestInfo.deadline(env), env.getArgument("ministerial"));
    }

    /** Statistics.pledgesByStatus */
    List<PledgeCount> pledgesByStatus(DataFetchingEnvironment env) {
        return statistics.pledgesByStatus(RequestInfo.deadline(env), env.getArgument("ministerial"));
    }
}
