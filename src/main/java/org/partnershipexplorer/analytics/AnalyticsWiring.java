package org.partnershipexplorer.analytics;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.actor.Actor;
import org.partnershipexplorer.actor.ActorWiring;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.country.CountryWiring;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.mission.Mission;
import org.partnershipexplorer.mission.MissionWiring;
import org.partnershipexplorer.partnership.PartnershipKind;

/**
 * The "Support" section of the schema: isolatedContributors, centrality, components, criticalProviders, whatIf,
 * suggestPartners, duplicateSupport and Country.supportNeed, with the fields of their types that name actors,
 * countries or missions (resolved through the request's batching loaders).
 *
 * <p>Nothing is cached across requests: the graph changes with every write. Within one request, the support
 * analysis of a (year, kinds) is computed once, whichever fields ask for it.
 */
@Singleton
public final class AnalyticsWiring implements GraphQLWiring, DataLoaders, Projections {

    static final String ANALYSIS = "supportAnalysis";
    private static final String OFFSET = "o:";

    private final AnalyticsRepository repository;
    private final SupportSettings settings;

    AnalyticsWiring(AnalyticsRepository repository, SupportSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** One support analysis: a year and the relationship types counted. */
    record AnalysisKey(int year, List<String> types) {
    }

    /** The analysis with the missions that exist, for the mission filter. */
    record Analysis(SupportScore.Analysis scores, Set<String> missions) {
    }

    /** Answered by this wiring's fetchers, not by definitions (see FieldRegistry). */
    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.fieldByField("Query", "isolatedContributors", "computed in memory over the partnership graph");
        definitions.fieldByField("Query", "centrality", "computed in memory over the partnership graph");
        definitions.fieldByField("Query", "components", "computed in memory over the partnership graph");
        definitions.fieldByField("Query", "criticalProviders", "computed in memory over the partnership graph");
        definitions.fieldByField("Query", "whatIf", "computed in memory over the partnership graph");
        definitions.fieldByField("Query", "suggestPartners", "computed in memory over the partnership graph");
        definitions.fieldByField("Query", "duplicateSupport", "computed in memory over the partnership graph");
        definitions.fieldByField("Country", "supportNeed", "scored in memory over the partnership graph");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("isolatedContributors", this::isolatedContributors)
                        .dataFetcher("centrality", this::centrality)
                        .dataFetcher("components", this::components)
                        .dataFetcher("criticalProviders", this::criticalProviders)
                        .dataFetcher("whatIf", this::whatIf)
                        .dataFetcher("suggestPartners", this::suggestPartners)
                        .dataFetcher("duplicateSupport", this::duplicateSupport))
                .type("Country", t -> t.dataFetcher("supportNeed", this::supportNeed))
                .type("SupportNeed", t -> t
                        .dataFetcher("country", env -> CountryWiring.country(env, env.<SupportNeed>getSource().iso3()))
                        .dataFetcher("missions", env -> missions(env, env.<SupportNeed>getSource().missionAcronyms()))
                        .dataFetcher("providers", env -> actors(env, env.<SupportNeed>getSource().providerIds())))
                .type("ActorCentrality", t -> t.dataFetcher("actor",
                        env -> ActorWiring.actor(env, env.<ActorCentrality>getSource().actorId())))
                .type("Component", t -> t.dataFetcher("members",
                        env -> actors(env, env.<Component>getSource().memberIds())))
                .type("CriticalProvider", t -> t
                        .dataFetcher("provider",
                                env -> ActorWiring.actor(env, env.<CriticalProvider>getSource().providerId()))
                        .dataFetcher("soleRecipients",
                                env -> actors(env, env.<CriticalProvider>getSource().soleRecipientIds())))
                .type("CutPoint", t -> t.dataFetcher("actor",
                        env -> ActorWiring.actor(env, env.<CutPoint>getSource().actorId())))
                .type("WhatIf", t -> t
                        .dataFetcher("withdrawn", env -> actors(env, env.<WhatIf>getSource().withdrawnIds()))
                        .dataFetcher("orphanedRecipients",
                                env -> actors(env, env.<WhatIf>getSource().orphanedRecipientIds())))
                .type("PartnerSuggestion", t -> t
                        .dataFetcher("provider",
                                env -> ActorWiring.actor(env, env.<PartnerSuggestion>getSource().providerId()))
                        .dataFetcher("sharedMissions",
                                env -> missions(env, env.<PartnerSuggestion>getSource().sharedMissionAcronyms())))
                .type("DuplicateSupport", t -> t
                        .dataFetcher("recipient",
                                env -> ActorWiring.actor(env, env.<DuplicateSupport>getSource().recipientId()))
                        .dataFetcher("providers", env -> actors(env, env.<DuplicateSupport>getSource().providerIds())));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(ANALYSIS, Batch.one(deadline, (Deadline within, List<AnalysisKey> keys) -> {
            Map<AnalysisKey, Analysis> found = new HashMap<>();
            keys.forEach(k -> found.put(k, analyse(within, k)));
            return found;
        }));
    }

    private Analysis analyse(Deadline deadline, AnalysisKey key) {
        int[] window = SupportScore.window(key.year(), settings);
        AnalyticsRepository.SupportInputs inputs = repository.supportInputs(deadline, key.types(), key.year(),
                window[0]);
        Set<String> kinds = new TreeSet<>();
        key.types().forEach(t -> kinds.add(t.equals("TRAINS") ? "TRAINING" : "DONATION"));
        return new Analysis(SupportScore.analyse(key.year(), kinds, inputs.graph(), inputs.facts(), settings,
                deadline), inputs.missions());
    }

    /** Query.isolatedContributors */
    CompletableFuture<Paging.Connection<SupportNeed>> isolatedContributors(DataFetchingEnvironment env) {
        int year = Arguments.year("year", env.<Integer>getArgument("year"));
        Integer minPersonnel = env.getArgument("minPersonnel");
        if (minPersonnel != null && minPersonnel < 0) {
            throw ApiException.badInput("minPersonnel", "must be 0 or more, got " + minPersonnel);
        }
        String region = env.getArgument("region");
        String mission = env.getArgument("mission");
        int first = first(env, Paging.DEFAULT_FIRST);
        int offset = offset(env.getArgument("after"));
        AnalysisKey key = new AnalysisKey(year, relationshipTypes(env));
        return env.<AnalysisKey, Analysis>getDataLoader(ANALYSIS).load(key).thenApply(analysis -> {
            if (mission != null && !analysis.missions().contains(mission)) {
                throw ApiException.notFound("mission", mission);
            }
            List<SupportNeed> matching = analysis.scores().ranked().stream()
                    .filter(n -> minPersonnel == null || (n.personnel() != null && n.personnel() >= minPersonnel))
                    .filter(n -> region == null || region.equals(n.region()))
                    .filter(n -> mission == null || n.missionAcronyms().contains(mission))
                    .toList();
            return page(matching, first, offset);
        });
    }

    /** Country.supportNeed */
    CompletableFuture<SupportNeed> supportNeed(DataFetchingEnvironment env) {
        int year = Arguments.year("year", env.<Integer>getArgument("year"));
        String iso3 = env.<Country>getSource().iso3();
        // Every country of the request asks the same (year, kinds) key: one analysis, one statement, for all of them.
        return env.<AnalysisKey, Analysis>getDataLoader(ANALYSIS).load(new AnalysisKey(year, relationshipTypes(env)))
                .thenApply(analysis -> analysis.scores().of(iso3));
    }

    /** Query.centrality */
    List<ActorCentrality> centrality(DataFetchingEnvironment env) {
        int first = first(env, Paging.DEFAULT_FIRST);
        List<ActorCentrality> all = GraphMeasures.centrality(graph(env), RequestInfo.deadline(env));
        return List.copyOf(all.subList(0, Math.min(first, all.size())));
    }

    /** Query.components */
    List<Component> components(DataFetchingEnvironment env) {
        return GraphMeasures.components(graph(env), RequestInfo.deadline(env));
    }

    /** Query.criticalProviders */
    CriticalProviders criticalProviders(DataFetchingEnvironment env) {
        return GraphMeasures.criticalProviders(graph(env), RequestInfo.deadline(env));
    }

    /** Query.whatIf */
    WhatIf whatIf(DataFetchingEnvironment env) {
        List<String> withdraw = env.getArgument("withdraw");
        if (withdraw.isEmpty()) {
            throw ApiException.badInput("withdraw", "name at least one actor to withdraw");
        }
        var result = repository.graphAndMissing(RequestInfo.deadline(env), relationshipTypes(env),
                Arguments.years(env, "years"), withdraw);
        if (!result.missing().isEmpty()) {
            throw ApiException.notFound("actor", result.missing().get(0));
        }
        return GraphMeasures.whatIf(result.graph(), withdraw, RequestInfo.deadline(env));
    }

    /** Query.suggestPartners */
    List<PartnerSuggestion> suggestPartners(DataFetchingEnvironment env) {
        String iso3 = env.getArgument("iso3");
        int first = first(env, 10);
        var inputs = repository.suggestionInputs(RequestInfo.deadline(env), relationshipTypes(env), iso3)
                .orElseThrow(() -> ApiException.notFound("country", iso3));
        return PartnerSuggestions.suggest(iso3, inputs.graph(), inputs.sharedMissions(), inputs.regions(),
                settings.suggestion(), first, RequestInfo.deadline(env));
    }

    /** Query.duplicateSupport */
    List<DuplicateSupport> duplicateSupport(DataFetchingEnvironment env) {
        return repository.duplicates(RequestInfo.deadline(env),
                Arguments.year("year", env.<Integer>getArgument("year")));
    }

    private PartnershipGraph graph(DataFetchingEnvironment env) {
        return repository.graph(RequestInfo.deadline(env), relationshipTypes(env), Arguments.years(env, "years"));
    }

    /** The {@code kinds} argument as relationship types (null or empty: both), sorted so equal choices share a key. */
    static List<String> relationshipTypes(DataFetchingEnvironment env) {
        return PartnershipKind.relationshipTypes(PartnershipKind.of(env.getArgument("kinds"))).stream()
                .sorted().toList();
    }

    private static int first(DataFetchingEnvironment env, int defaultFirst) {
        Integer first = env.getArgument("first");
        int n = first == null ? defaultFirst : first;
        if (n < 0 || n > Paging.MAX_FIRST) {
            throw ApiException.badInput("first", "must be between 0 and " + Paging.MAX_FIRST + ", got " + n);
        }
        return n;
    }

    /**
     * A ranked list is paged by offset (docs/api.md allows it for scores): the ranking is recomputed on every request,
     * so a keyset of the last node would not say where to resume any better.
     */
    static <T> Paging.Connection<T> page(List<T> ranked, int first, int offset) {
        List<Paging.Edge<T>> edges = new ArrayList<>();
        for (int i = offset; i < Math.min(ranked.size(), offset + first); i++) {
            edges.add(new Paging.Edge<>(cursor(i + 1), ranked.get(i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Paging.Connection<>(edges, new Paging.PageInfo(offset + first < ranked.size(), end),
                (long) ranked.size());
    }

    /** The cursor of the node at {@code position} (1-based): the offset to resume after it. */
    static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((OFFSET + position).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(String after) {
        if (after == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (decoded.startsWith(OFFSET)) {
                int offset = Integer.parseInt(decoded.substring(OFFSET.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (NumberFormatException is one)
        }
        throw ApiException.badInput("after", "'" + (after.length() <= 40 ? after : after.substring(0, 40) + "...")
                + "' is not a cursor of this list");
    }

    private static CompletableFuture<List<Actor>> actors(DataFetchingEnvironment env, List<String> ids) {
        return loadAll(env, ActorWiring.ACTOR, ids);
    }

    private static CompletableFuture<List<Mission>> missions(DataFetchingEnvironment env, List<String> acronyms) {
        return loadAll(env, MissionWiring.MISSION, acronyms);
    }

    /** Many keys through one loader, in the order given; a key that no longer resolves is left out. */
    private static <V> CompletableFuture<List<V>> loadAll(DataFetchingEnvironment env, String loader,
            List<String> keys) {
        return env.<String, V>getDataLoader(loader).loadMany(keys)
                .thenApply(values -> values.stream().filter(Objects::nonNull).toList());
    }
}
