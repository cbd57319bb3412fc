package org.partnershipexplorer.provenance;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;

/** {@code Query.sources} and {@code Query.source}; every other field of a source is in SourceProjections. */
@Singleton
final class SourceWiring implements GraphQLWiring {

    private final Prefetch prefetch;

    SourceWiring(Prefetch prefetch) {
        this.prefetch = prefetch;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("sources", this::sources)
                .dataFetcher("source", this::source));
    }

    /** Query.sources: its statement is written from its definition in SourceProjections. */
    DataFetcherResult<Paging.Connection<Source>> sources(DataFetchingEnvironment env) {
        return prefetch.connection(env, "Source");
    }

    /** Query.source */
    DataFetcherResult<Source> source(DataFetchingEnvironment env) {
        return prefetch.one(env, "Source", () -> ApiException.notFound("source", env.getArgument("id")));
    }
}
