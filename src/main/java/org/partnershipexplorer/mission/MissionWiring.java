package org.partnershipexplorer.mission;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.country.CountryWiring;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;

/**
 * {@code Query.missions}, {@code Query.mission}, and a contribution's country and mission. The nested lists
 * (contributions from both ends, hosts, contributors) are defined in {@link MissionProjections} and answered from
 * there.
 */
@Singleton
public final class MissionWiring implements GraphQLWiring, DataLoaders {

    /** Loads missions by acronym. */
    public static final String MISSION = "mission";
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
                .type("Contribution", t -> t
                        .dataFetcher("country", Prefetch.orElse(
                                env -> CountryWiring.country(env, env.<Contribution>getSource().iso3())))
                        .dataFetcher("mission", Prefetch.orElse(
                                env -> mission(env, env.<Contribution>getSource().acronym()))));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(MISSION, Batch.one(deadline, missions::byAcronym));
        registry.register(CONTRIBUTION, Batch.one(deadline, missions::contributionsByIds));
    }

    /** Query.missions: its statement is written from its definition in MissionProjections. */
    DataFetcherResult<Paging.Connection<Mission>> missions(DataFetchingEnvironment env) {
        return prefetch.connection(env, "Mission");
    }

    /** Query.mission */
    DataFetcherResult<Mission> mission(DataFetchingEnvironment env) {
        return prefetch.one(env, "Mission", () -> ApiException.notFound("mission", env.getArgument("acronym")));
    }

    public static CompletableFuture<Mission> mission(DataFetchingEnvironment env, String acronym) {
        return env.<String, Mission>getDataLoader(MISSION).load(acronym);
    }

    /** Resolves a contribution by its stable id through the request's batching loader. */
    public static CompletableFuture<Contribution> contribution(DataFetchingEnvironment env, String id) {
        return env.<String, Contribution>getDataLoader(CONTRIBUTION).load(id);
    }
}
