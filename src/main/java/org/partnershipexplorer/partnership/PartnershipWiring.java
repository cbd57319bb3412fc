package org.partnershipexplorer.partnership;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.actor.Actor;
import org.partnershipexplorer.actor.ActorWiring;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.partnership.PartnershipRepository.ActorPartners;

/**
 * Partnerships on every actor ({@code trains}, {@code trainedBy}, {@code donatesTo}, {@code receivesFrom},
 * {@code partners}), their endpoints and programmes, {@code Query.programs}, {@code Query.program},
 * {@code Query.trainingChains} and {@code Query.path}.
 */
@Singleton
public final class PartnershipWiring implements GraphQLWiring, DataLoaders {

    /** Loads programmes by code. */
    public static final String PROGRAM = "program";
    static final String PARTNERS = "actorPartners";
    static final String TRAINING = "training";
    static final String DONATION = "donation";
    /** The largest {@code limit} a nested list takes. */
    static final int MAX_LIMIT = 500;

    private final PartnershipRepository partnerships;
    private final PathRepository paths;

    PartnershipWiring(PartnershipRepository partnerships, PathRepository paths) {
        this.partnerships = partnerships;
        this.paths = paths;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        UnaryOperator<TypeRuntimeWiring.Builder> actorFields = t -> t.dataFetcher("partners", this::partners);
        wiring.type("Query", t -> t
                        .dataFetcher("programs", this::programs)
                        .dataFetcher("program", this::program)
                        .dataFetcher("trainingChains", this::trainingChains)
                        .dataFetcher("path", this::path))
                .type("Country", actorFields)
                .type("Organization", actorFields)
                .type("Training", t -> t
                        .dataFetcher("provider", Prefetch.orElse(this::provider))
                        .dataFetcher("recipient", Prefetch.orElse(this::recipient))
                        .dataFetcher("trainer", Prefetch.orElse(this::provider))
                        .dataFetcher("trainee", Prefetch.orElse(this::recipient))
                        .dataFetcher("program", Prefetch.orElse(this::partnershipProgram)))
                .type("Donation", t -> t
                        .dataFetcher("provider", Prefetch.orElse(this::provider))
                        .dataFetcher("recipient", Prefetch.orElse(this::recipient))
                        .dataFetcher("donor", Prefetch.orElse(this::provider))
                        .dataFetcher("program", Prefetch.orElse(this::partnershipProgram)))
                .type("Partner", t -> t.dataFetcher("actor", this::partnerActor));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(PROGRAM, Batch.one(deadline, partnerships::programsByCode));
        registry.register(PARTNERS, Batch.many(deadline, partnerships::partners));
        registry.register(TRAINING, Batch.one(deadline, partnerships::trainingsByIds));
        registry.register(DONATION, Batch.one(deadline, partnerships::donationsByIds));
    }

    /** Actor.partners */
    CompletableFuture<List<Partner>> partners(DataFetchingEnvironment env) {
        String direction = env.getArgument("direction");
        var key = new ActorPartners(env.<Actor>getSource().id(), PartnershipKind.of(env.getArgument("kinds")),
                direction == null ? Direction.BOTH : Direction.valueOf(direction), PartnershipFilter.of(env));
        return env.<ActorPartners, List<Partner>>getDataLoader(PARTNERS).load(key);
    }

    /** Partnership.provider (also Training.trainer, Donation.donor) */
    CompletableFuture<Actor> provider(DataFetchingEnvironment env) {
        return actor(env, env.<Partnership>getSource().providerId());
    }

    /** Partnership.recipient (also Training.trainee) */
    CompletableFuture<Actor> recipient(DataFetchingEnvironment env) {
        return actor(env, env.<Partnership>getSource().recipientId());
    }

    /** Partnership.program */
    CompletableFuture<Program> partnershipProgram(DataFetchingEnvironment env) {
        String code = env.<Partnership>getSource().programCode();
        return code == null ? CompletableFuture.completedFuture(null) : program(env, code);
    }

    /** Partner.actor */
    CompletableFuture<Actor> partnerActor(DataFetchingEnvironment env) {
        return actor(env, env.<Partner>getSource().actorId());
    }

    /** Query.programs */
    Paging.Connection<Program> programs(DataFetchingEnvironment env) {
        return partnerships.programs(RequestInfo.deadline(env), Paging.Request.of(env));
    }

    /** Query.program */
    CompletableFuture<Program> program(DataFetchingEnvironment env) {
        String code = env.getArgument("code");
        return program(env, code).thenApply(p -> {
            if (p == null) {
                throw ApiException.notFound("program", code);
            }
            return p;
        });
    }

    /** Query.trainingChains */
    TrainingChains trainingChains(DataFetchingEnvironment env) {
        int maxDepth = bounded(env, "maxDepth", 3);
        return paths.chains(RequestInfo.deadline(env), env.getArgument("from"), maxDepth, filterWithoutProgram(env));
    }

    /** Query.path */
    PartnershipPaths path(DataFetchingEnvironment env) {
        String from = env.getArgument("from");
        String to = env.getArgument("to");
        int maxLength = bounded(env, "maxLength", 4);
        if (from.equals(to)) {
            throw ApiException.badInput("to", "must differ from 'from' (both are '" + from + "')");
        }
        return paths.shortest(RequestInfo.deadline(env), from, to, PartnershipKind.of(env.getArgument("kinds")),
                maxLength, filterWithoutProgram(env));
    }

    private static PartnershipFilter filterWithoutProgram(DataFetchingEnvironment env) {
        return new PartnershipFilter(Arguments.years(env, "years"), null, PartnershipFilter.confidences(env));
    }

    /** A depth or length argument, checked against 1..{@link PathRepository#MAX_DEPTH}. */
    private static int bounded(DataFetchingEnvironment env, String name, int fallback) {
        Integer value = env.getArgument(name);
        int n = value == null ? fallback : value;
        if (n < 1 || n > PathRepository.MAX_DEPTH) {
            throw ApiException.badInput(name, "must be between 1 and " + PathRepository.MAX_DEPTH + ", got " + n);
        }
        return n;
    }

    /** The {@code limit} of a partnership list, checked. */
    static Integer limit(java.util.Map<String, Object> arguments) {
        Integer limit = (Integer) arguments.get("limit");
        if (limit != null && (limit < 0 || limit > MAX_LIMIT)) {
            throw ApiException.badInput("limit", "must be between 0 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    private static CompletableFuture<Actor> actor(DataFetchingEnvironment env, String id) {
        return ActorWiring.actor(env, id);
    }

    public static CompletableFuture<Program> program(DataFetchingEnvironment env, String code) {
        return env.<String, Program>getDataLoader(PROGRAM).load(code);
    }

    /** Resolves a training by its stable id through the request's batching loader. */
    public static CompletableFuture<Training> training(DataFetchingEnvironment env, String id) {
        return env.<String, Training>getDataLoader(TRAINING).load(id);
    }

    /** Resolves a donation by its stable id through the request's batching loader. */
    public static CompletableFuture<Donation> donation(DataFetchingEnvironment env, String id) {
        return env.<String, Donation>getDataLoader(DONATION).load(id);
    }
}
