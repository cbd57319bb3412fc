package org.partnershipexplorer.country;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;

/** {@code Query.countries}, {@code Query.country}, {@code Deployment.country}; the rest is in CountryProjections. */
@Singleton
public final class CountryWiring implements GraphQLWiring, DataLoaders {

    /** Loads countries by iso3; other features use it to resolve a country field. */
    public static final String COUNTRY = "country";
    static final String DEPLOYMENT = "deployment";

    private final CountryRepository countries;
    private final Prefetch prefetch;

    CountryWiring(CountryRepository countries, Prefetch prefetch) {
        this.countries = countries;
        this.prefetch = prefetch;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("countries", this::countries)
                        .dataFetcher("country", this::country))
                .type("Deployment", t -> t.dataFetcher("country",
                        Prefetch.orElse(env -> country(env, env.<Deployment>getSource().iso3()))));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(COUNTRY, Batch.one(deadline, countries::byIso3));
        registry.register(DEPLOYMENT, Batch.one(deadline, countries::deploymentsByKeys));
    }

    /** Query.countries: its statement is written from its definition in CountryProjections. */
    DataFetcherResult<Paging.Connection<Country>> countries(DataFetchingEnvironment env) {
        return prefetch.connection(env, "Country");
    }

    /** Query.country */
    DataFetcherResult<Country> country(DataFetchingEnvironment env) {
        return prefetch.one(env, "Country", () -> ApiException.notFound("country", env.getArgument("iso3")));
    }

    /** Resolves a deployment total by key through the request's batching loader. */
    public static CompletableFuture<Deployment> deployment(DataFetchingEnvironment env,
            CountryRepository.DeploymentKey key) {
        return env.<CountryRepository.DeploymentKey, Deployment>getDataLoader(DEPLOYMENT).load(key);
    }

    /** Resolves a country by iso3 through the request's batching loader. */
    public static CompletableFuture<Country> country(DataFetchingEnvironment env, String iso3) {
        return env.<String, Country>getDataLoader(COUNTRY).load(iso3);
    }
}
