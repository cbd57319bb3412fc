package org.partnershipexplorer.mission;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.country.CountryWiring;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.mission.MissionRepository.Contributors;
import org.partnershipexplorer.mission.MissionRepository.CountryContributions;
import org.partnershipexplorer.mission.MissionRepository.MissionContributions;

/** {@code Query.missions}, {@code Query.mission}, contributions from both ends, hosts. */
@Singleton
public final class MissionWiring implements GraphQLWiring, DataLoaders {

    /** Loads missions by acronym. */
    public static final String MISSION = "mission";
    static final String HOSTS = "missionHosts";
    static final String HOSTED_BY = "missionsHostedBy";
    static final String OF_COUNTRY = "contributionsOfCountry";
    static final String OF_MISSION = "contributionsOfMission";
    static final String CONTRIBUTORS = "missionContributors";
    static final String CONTRIBUTION = "contribution";

    private final MissionRepository missions;
    private final Prefetch prefetch;

    MissionWiring(MissionRepository missions, Prefetch prefetch) {
        this.missions = missions;
        this.prefetch = prefetch;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("missions", this::missions)
                        .dataFetcher("mission", this::mission))
                .type("Mission", t -> t
                        .dataFetcher("hosts", Prefetch.orElse(this::hosts))
                        .dataFetcher("contributions", Prefetch.orElse(this::missionContributions))
                        .dataFetcher("contributors", Prefetch.orElse(this::contributors)))
                .type("Country", t -> t
                        .dataFetcher("contributions", Prefetch.orElse(this::countryContributions))
                        .dataFetcher("hostedMissions", Prefetch.orElse(this::hostedMissions)))
                .type("Contribution", t -> t
                        .dataFetcher("country", Prefetch.orElse(
                                env -> CountryWiring.country(env, env.<Contribution>getSource().iso3())))
                        .dataFetcher("mission", Prefetch.orElse(
                                env -> mission(env, env.<Contribution>getSource().acronym()))));
    }

    @Override
    public void register(DataLoaderRegistry registry) {
        registry.register(MISSION, Batch.one(missions::byAcronym));
        registry.register(HOSTS, Batch.many(missions::hosts));
        registry.register(HOSTED_BY, Batch.many(missions::hostedBy));
        registry.register(OF_COUNTRY, Batch.many(missions::contributionsOfCountries));
        registry.register(OF_MISSION, Batch.many(missions::contributionsOfMissions));
        registry.register(CONTRIBUTORS, Batch.many(missions::contributors));
        registry.register(CONTRIBUTION, Batch.one(missions::contributionsByIds));
    }

    /** Query.missions */
    DataFetcherResult<Paging.Connection<Mission>> missions(DataFetchingEnvironment env) {
        Prefetch.Plan plan = prefetch.plan(env, "edges/node", "Mission");
        return plan.result(missions.page(Arguments.optionalYear(env, "activeIn"), Paging.Request.of(env), plan));
    }

    /** Query.mission */
    DataFetcherResult<Mission> mission(DataFetchingEnvironment env) {
        String acronym = env.getArgument("acronym");
        Prefetch.Plan plan = prefetch.plan(env, null, "Mission");
        return plan.result(missions.one(acronym, plan).orElseThrow(() -> ApiException.notFound("mission", acronym)));
    }

    /** Mission.hosts */
    CompletableFuture<List<Country>> hosts(DataFetchingEnvironment env) {
        return env.<String, List<Country>>getDataLoader(HOSTS).load(env.<Mission>getSource().acronym());
    }

    /** Mission.contributions */
    CompletableFuture<List<Contribution>> missionContributions(DataFetchingEnvironment env) {
        var key = new MissionContributions(env.<Mission>getSource().acronym(), Arguments.years(env, "years"));
        return env.<MissionContributions, List<Contribution>>getDataLoader(OF_MISSION).load(key);
    }

    /** Mission.contributors */
    CompletableFuture<List<Country>> contributors(DataFetchingEnvironment env) {
        var key = new Contributors(env.<Mission>getSource().acronym(), Arguments.optionalYear(env, "year"));
        return env.<Contributors, List<Country>>getDataLoader(CONTRIBUTORS).load(key);
    }

    /** Country.contributions */
    CompletableFuture<List<Contribution>> countryContributions(DataFetchingEnvironment env) {
        var key = new CountryContributions(env.<Country>getSource().iso3(), Arguments.years(env, "years"),
                env.getArgument("mission"));
        return env.<CountryContributions, List<Contribution>>getDataLoader(OF_COUNTRY).load(key);
    }

    /** Country.hostedMissions */
    CompletableFuture<List<Mission>> hostedMissions(DataFetchingEnvironment env) {
        return env.<String, List<Mission>>getDataLoader(HOSTED_BY).load(env.<Country>getSource().iso3());
    }

    public static CompletableFuture<Mission> mission(DataFetchingEnvironment env, String acronym) {
        return env.<String, Mission>getDataLoader(MISSION).load(acronym);
    }

    /** Resolves a contribution by its stable id through the request's batching loader. */
    public static CompletableFuture<Contribution> contribution(DataFetchingEnvironment env, String id) {
        return env.<String, Contribution>getDataLoader(CONTRIBUTION).load(id);
    }
}
