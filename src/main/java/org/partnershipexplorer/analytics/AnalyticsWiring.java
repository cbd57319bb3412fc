package org.partnershipexplorer.analytics;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.partnershipexplorer.provenance.Confidence;

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
    /** A series of more years would read the spans of decades for one chart. */
    static final int MAX_SERIES = 50;
    private static final String OFFSET = "o:";

    private final AnalyticsRepository repository;
    private final SupportSettings settings;

    AnalyticsWiring(AnalyticsRepository repository, SupportSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** One support analysis: a year, the relationship types and the confidences counted. */
    record AnalysisKey(int year, List<String> types, Set<Confidence> confidence) {
    }

    /** The analyses of one request that can share a read: the same types and confidences, any years. */
    private record Selection(List<String> types, Set<Confidence> confidence) {
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
        definitions.fieldByField("Query", "supportProviders", "computed in memory over the partnership graph");
        definitions.fieldByField("Country", "supportNeed", "scored in memory over the partnership graph");
        definitions.fieldByField("Country", "supportSeries", "scored in memory over the partnership graph");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("isolatedContributors", this::isolatedContributors)
                        .dataFetcher("supportProviders", this::supportProviders)
                        .dataFetcher("centrality", this::centrality)
                        .dataFetcher("components", this::components)
                        .dataFetcher("criticalProviders", this::criticalProviders)
                        .dataFetcher("whatIf", this::whatIf)
                        .dataFetcher("suggestPartners", this::suggestPartners)
                        .dataFetcher("duplicateSupport", this::duplicateSupport))
                .type("Country", t -> t
                        .dataFetcher("supportNeed", this::supportNeed)
                        .dataFetcher("supportSeries", this::supportSeries))
                .type("SupportNeed", t -> t
                        .dataFetcher("country", env -> CountryWiring.country(env, env.<SupportNeed>getSource().iso3()))
                        .dataFetcher("missions", env -> missions(env, env.<SupportNeed>getSource().missionAcronyms()))
                        .dataFetcher("providers", env -> actors(env, env.<SupportNeed>getSource().providerIds())))
                .type("SupportTrend", t -> t
                        .dataFetcher("providersGained", env -> actors(env, env.<SupportTrend>getSource().gainedIds()))
                        .dataFetcher("providersLost", env -> actors(env, env.<SupportTrend>getSource().lostIds())))
                .type("SupportProvider", t -> t
                        .dataFetcher("actor", env -> ActorWiring.actor(env, env.<SupportProvider>getSource().actorId()))
                        .dataFetcher("soleRecipients",
                                env -> actors(env, env.<SupportProvider>getSource().soleRecipientIds())))
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
            // every year asked with the same types and confidences comes from one read: a trend or a series asks for
            // several years at once
            Map<Selection, Set<Integer>> years = new LinkedHashMap<>();
            keys.forEach(k -> years.computeIfAbsent(new Selection(k.types(), k.confidence()), s -> new TreeSet<>())
                    .add(k.year()));
            Map<AnalysisKey, Analysis> found = new HashMap<>();
            years.forEach((selection, asked) -> {
                SupportInputs inputs = repository.supportInputs(within, selection.types(), selection.confidence(),
                        List.copyOf(asked), settings.windowYears());
                Set<String> kinds = new TreeSet<>();
                selection.types().forEach(t -> kinds.add(t.equals("TRAINS") ? "TRAINING" : "DONATION"));
                for (int year : asked) {
                    found.put(new AnalysisKey(year, selection.types(), selection.confidence()), new Analysis(
                            SupportScore.analyse(year, kinds, inputs.year(year, settings.windowYears()), settings,
                                    within), inputs.missions()));
                }
            });
            return found;
        }));
    }

    private AnalysisKey key(DataFetchingEnvironment env, int year) {
        return new AnalysisKey(year, relationshipTypes(env), confidence(env));
    }

    private CompletableFuture<Analysis> analysis(DataFetchingEnvironment env, int year) {
        return env.<AnalysisKey, Analysis>getDataLoader(ANALYSIS).load(key(env, year));
    }

    /** The analysis of {@code year}, and of {@code since} when the query asks for a trend. */
    private CompletableFuture<Trended> trended(DataFetchingEnvironment env, int year) {
        Integer since = env.getArgument("since");
        if (since == null) {
            return analysis(env, year).thenApply(now -> new Trended(now, null, null));
        }
        int then = Arguments.year("since", since);
        if (then >= year) {
            throw ApiException.badInput("since", "must be before year " + year + ", got " + then);
        }
        return analysis(env, year).thenCombine(analysis(env, then), (now, before) -> new Trended(now, before, then));
    }

    /** An analysis and, when a trend was asked, the analysis of the year it compares with. */
    private record Trended(Analysis now, Analysis then, Integer since) {
        SupportNeed need(SupportNeed need) {
            if (then == null) {
                return need;
            }
            SupportNeed old = then.scores().of(need.iso3());
            List<String> gained = need.providerIds().stream().filter(p -> !old.providerIds().contains(p)).toList();
            List<String> lost = old.providerIds().stream().filter(p -> !need.providerIds().contains(p)).toList();
            return need.withTrend(new SupportTrend(since, old.role(),
                    old.role() == SupportRole.CONTRIBUTOR ? old.score() : null, gained, lost));
        }
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
        return trended(env, year).thenApply(trended -> {
            Analysis analysis = trended.now();
            if (mission != null && !analysis.missions().contains(mission)) {
                throw ApiException.notFound("mission", mission);
            }
            List<SupportNeed> matching = analysis.scores().ranked().stream()
                    .filter(n -> minPersonnel == null || (n.personnel() != null && n.personnel() >= minPersonnel))
                    .filter(n -> region == null || region.equals(n.region()))
                    .filter(n -> mission == null || n.missionAcronyms().contains(mission))
                    .toList();
            Paging.Connection<SupportNeed> page = page(matching, first, offset);
            return new Paging.Connection<>(page.edges().stream()
                    .map(e -> new Paging.Edge<>(e.cursor(), trended.need(e.node()))).toList(), page.pageInfo(),
                    page.totalCount());
        });
    }

    /** Query.supportProviders */
    CompletableFuture<Paging.Connection<SupportProvider>> supportProviders(DataFetchingEnvironment env) {
        int year = Arguments.year("year", env.<Integer>getArgument("year"));
        String region = env.getArgument("region");
        int first = first(env, Paging.DEFAULT_FIRST);
        int offset = offset(env.getArgument("after"));
        return analysis(env, year).thenApply(analysis -> page(analysis.scores().providers().stream()
                .filter(p -> region == null || region.equals(analysis.scores().of(p.actorId()).region())).toList(),
                first, offset));
    }

    /** Country.supportNeed */
    CompletableFuture<SupportNeed> supportNeed(DataFetchingEnvironment env) {
        int year = Arguments.year("year", env.<Integer>getArgument("year"));
        String iso3 = env.<Country>getSource().iso3();
        // Every country of the request asks the same key: one analysis, one statement, for all of them.
        return trended(env, year).thenApply(trended -> trended.need(trended.now().scores().of(iso3)));
    }

    /** Country.supportSeries */
    CompletableFuture<List<SupportPoint>> supportSeries(DataFetchingEnvironment env) {
        int from = Arguments.year("from", env.<Integer>getArgument("from"));
        int to = Arguments.year("to", env.<Integer>getArgument("to"));
        if (from > to || to - from >= MAX_SERIES) {
            throw ApiException.badInput("to", "from..to must run forward over at most " + MAX_SERIES + " years, got "
                    + from + ".." + to);
        }
        String iso3 = env.<Country>getSource().iso3();
        List<CompletableFuture<SupportPoint>> points = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            points.add(analysis(env, year).thenApply(a -> SupportPoint.of(a.scores().of(iso3))));
        }
        return CompletableFuture.allOf(points.toArray(CompletableFuture[]::new))
                .thenApply(done -> points.stream().map(CompletableFuture::join).toList());
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
        var result = repository.graphAndMissing(RequestInfo.deadline(env), relationshipTypes(env), confidence(env),
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
        var inputs = repository.suggestionInputs(RequestInfo.deadline(env), relationshipTypes(env), confidence(env),
                iso3)
                .orElseThrow(() -> ApiException.notFound("country", iso3));
        return PartnerSuggestions.suggest(iso3, inputs.graph(), inputs.sharedMissions(), inputs.regions(),
                settings.suggestion(), first, RequestInfo.deadline(env));
    }

    /** Query.duplicateSupport */
    List<DuplicateSupport> duplicateSupport(DataFetchingEnvironment env) {
        return repository.duplicates(RequestInfo.deadline(env), confidence(env),
                Arguments.year("year", env.<Integer>getArgument("year")));
    }

    private PartnershipGraph graph(DataFetchingEnvironment env) {
        return repository.graph(RequestInfo.deadline(env), relationshipTypes(env), confidence(env),
                Arguments.years(env, "years"));
    }

    /** The {@code confidence} argument, or the configured default when the query names none. */
    private Set<Confidence> confidence(DataFetchingEnvironment env) {
        List<String> asked = env.getArgument("confidence");
        if (asked != null && asked.isEmpty()) {
            throw ApiException.badInput("confidence", "name at least one confidence, or leave it out for the default "
                    + settings.confidence());
        }
        return settings.confidence(asked == null ? null : asked.stream().map(Confidence::valueOf).toList());
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
