package org.partnershipexplorer.provenance;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.RequestInfo;

/** {@code Query.sources} and {@code Query.source}; every other field of a source is in SourceProjections. */
@Singleton
final class SourceWiring implements GraphQLWiring {

    private final SourceRepository sources;
    private final Prefetch prefetch;

    SourceWiring(SourceRepository sources, Prefetch prefetch) {
        this.sources = sources;
        this.prefetch = prefetch;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("sources", this::sources)
                .dataFetcher("source", this::source));
    }

    /** Query.sources */
    DataFetcherResult<Paging.Connection<Source>> sources(DataFetchingEnvironment env) {
        Prefetch.Plan plan = prefetch.plan(env, "edges/node", "Source");
        return plan.result(sources.page(RequestInfo.deadline(env), Paging.Request.of(env), plan));
    }

    /** Query.source */
    DataFetcherResult<Source> source(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        Prefetch.Plan plan = prefetch.plan(env, null, "Source");
        return plan.result(sources.one(RequestInfo.deadline(env), id, plan)
                .orElseThrow(() -> ApiException.notFound("source", id)));
    }
}
