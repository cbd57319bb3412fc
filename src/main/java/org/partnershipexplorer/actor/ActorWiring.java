package org.partnershipexplorer.actor;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.GraphQLWiring;

/** {@code Query.actor}, and the type resolution of the interfaces and unions: records carry the GraphQL type names. */
@Singleton
public final class ActorWiring implements GraphQLWiring, DataLoaders {

    /** Loads actors of either kind by key. */
    public static final String ACTOR = "actor";

    /** Java records are named after the GraphQL types they implement; other features' unions resolve with it. */
    public static final TypeResolver BY_CLASS_NAME =
            env -> env.getSchema().getObjectType(env.getObject().getClass().getSimpleName());

    private final ActorRepository actors;

    ActorWiring(ActorRepository actors) {
        this.actors = actors;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Actor", t -> t.typeResolver(BY_CLASS_NAME))
                .type("Sourced", t -> t.typeResolver(BY_CLASS_NAME))
                .type("Partnership", t -> t.typeResolver(BY_CLASS_NAME))
                .type("SearchResult", t -> t.typeResolver(BY_CLASS_NAME))
                .type("Query", t -> t.dataFetcher("actor", this::actor));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(ACTOR, Batch.one(deadline, actors::byIds));
    }

    /** Resolves an actor of either kind by key through the request's batching loader (other features use it). */
    public static CompletableFuture<Actor> actor(DataFetchingEnvironment env, String id) {
        return env.<String, Actor>getDataLoader(ACTOR).load(id);
    }

    /** Query.actor */
    CompletableFuture<Actor> actor(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        return env.<String, Actor>getDataLoader(ACTOR).load(id).thenApply(actor -> {
            if (actor == null) {
                throw ApiException.notFound("actor", id);
            }
            return actor;
        });
    }

}
