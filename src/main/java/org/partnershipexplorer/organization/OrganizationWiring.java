package org.partnershipexplorer.organization;

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
import org.partnershipexplorer.graphql.RequestInfo;

/** {@code Query.organizations}, {@code Query.organization}, a membership's two ends; lists in OrganizationProjections. */
@Singleton
public final class OrganizationWiring implements GraphQLWiring, DataLoaders {

    /** Loads organisations by code. */
    public static final String ORGANIZATION = "organization";
    static final String MEMBERSHIP = "membership";

    private final OrganizationRepository organizations;

    OrganizationWiring(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("organizations", this::organizations)
                        .dataFetcher("organization", this::organization))
                .type("Membership", t -> t
                        .dataFetcher("country", Prefetch.orElse(
                                env -> CountryWiring.country(env, env.<Membership>getSource().iso3())))
                        .dataFetcher("organization", Prefetch.orElse(
                                env -> organization(env, env.<Membership>getSource().code()))));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(ORGANIZATION, Batch.one(deadline, organizations::byCode));
        registry.register(MEMBERSHIP, Batch.one(deadline, organizations::membershipsByIds));
    }

    /** Query.organizations */
    Paging.Connection<Organization> organizations(DataFetchingEnvironment env) {
        String kind = env.getArgument("kind");
        return organizations.page(RequestInfo.deadline(env), kind == null ? null : Organization.Kind.valueOf(kind),
                Paging.Request.of(env));
    }

    /** Query.organization */
    CompletableFuture<Organization> organization(DataFetchingEnvironment env) {
        String code = env.getArgument("code");
        return organization(env, code).thenApply(o -> {
            if (o == null) {
                throw ApiException.notFound("organization", code);
            }
            return o;
        });
    }

    public static CompletableFuture<Organization> organization(DataFetchingEnvironment env, String code) {
        return env.<String, Organization>getDataLoader(ORGANIZATION).load(code);
    }

    /** Resolves a membership by its stable id through the request's batching loader. */
    public static CompletableFuture<Membership> membership(DataFetchingEnvironment env, String id) {
        return env.<String, Membership>getDataLoader(MEMBERSHIP).load(id);
    }
}
