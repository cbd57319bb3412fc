package org.partnershipexplorer.ministerial;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.actor.Actor;
import org.partnershipexplorer.actor.ActorWiring;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.country.CountryWiring;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.neo4j.cypherdsl.core.Cypher;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.Key;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.ministerial.MinisterialRepository.ActorPledges;
import org.partnershipexplorer.ministerial.MinisterialRepository.FollowUpKey;
import org.partnershipexplorer.ministerial.MinisterialRepository.MinisterialPledges;
import org.partnershipexplorer.ministerial.MinisterialRepository.PledgeFilter;
import org.partnershipexplorer.mission.Mission;
import org.partnershipexplorer.mission.MissionWiring;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * {@code Query.ministerials}, {@code ministerial}, {@code pledges}, {@code pledge}; reported beside recorded figures;
 * attendance and pledges from both ends ({@code Actor.pledges}, {@code Actor.attended}).
 */
@Singleton
public final class MinisterialWiring implements GraphQLWiring, DataLoaders, Projections {

    /** Loads ministerials by id. */
    public static final String MINISTERIAL = "ministerial";
    static final String PLEDGE = "pledge";
    static final String RECORDED = "ministerialRecorded";
    static final String ATTENDANCE = "ministerialAttendance";
    static final String ATTENDED = "actorAttended";
    static final String ACTOR_PLEDGES = "actorPledges";
    static final String MINISTERIAL_PLEDGES = "ministerialPledges";
    static final String ONE_ATTENDANCE = "attendance";
    static final String FOLLOW_UP = "ministerialFollowUp";

    private final MinisterialRepository ministerials;

    MinisterialWiring(MinisterialRepository ministerials) {
        this.ministerials = ministerials;
    }

    /** Keys, and the fields answered by this wiring's fetchers rather than by definitions (see FieldRegistry). */
    @Override
    public void define(FieldRegistry.Definitions definitions) {
        // how a ministerial, a pledge and an attendance are found again, for the fields defined on them
        // (their sources)
        definitions.key("Ministerial", "Ministerial", "id", m -> ((Ministerial) m).id());
        definitions.key("Pledge", "Pledge", "id", p -> ((Pledge) p).id());
        // (:Actor {id: key.actor})-[p:ATTENDED]->(:Ministerial {id: key.ministerial})
        definitions.key("Attendance", Cypher.node("Actor").withProperties("id", Cypher.property(Key.KEY, "actor"))
                        .relationshipTo(Cypher.node("Ministerial")
                                .withProperties("id", Cypher.property(Key.KEY, "ministerial")), "ATTENDED")
                        .named(Key.PARENT),
                a -> Map.of("actor", ((Attendance) a).actorId(), "ministerial", ((Attendance) a).ministerialId()));
        // a pledge names what delivered it by the trainings' and donations' stable ids (a relationship cannot end
        // at another one); an id whose row is gone since (deleted through the API) is left out
        definitions.field("Pledge", "deliveredBy", (s, args) -> s.cypher("""
                COLLECT { UNWIND ${ids} AS ${id}
                  CALL (${id}) {
                    MATCH ()-[${child}:TRAINS {id: ${id}}]->() RETURN ${child}
                    UNION ALL
                    MATCH ()-[${child}:DONATES_TO {id: ${id}}]->() RETURN ${child}
                  }
                  WITH ${child} ORDER BY ${child}.year, ${child}.id
                  RETURN ${object} }""", "ids", deliveredBy(s.parent()), "id", s.variable()));
        definitions.fieldByField("Query", "ministerials", "a page of ministerials, read by its own statement");
        definitions.fieldByField("Query", "ministerial", "a ministerial by id, through the batching loader");
        definitions.fieldByField("Query", "pledges", "a filtered page of pledges, read by its own statement");
        definitions.fieldByField("Query", "pledge", "a pledge by id, through the batching loader");
        definitions.fieldByField("Query", "pledgeFollowUp", "counts over the filtered pledges, read by their own statement");
        definitions.fieldByField("Ministerial", "followUp", "counts over a ministerial's pledges, loaded in a batch");
        for (String actor : new String[] {"Country", "Organization"}) {
            definitions.fieldByField(actor, "pledges", "an actor's pledges, loaded in a batch by actor");
        }
        for (String actor : new String[] {"Country", "Organization"}) {
            definitions.fieldByField(actor, "attended", "an actor's attendances, loaded in a batch by actor");
        }
    }

    /** The stable ids a pledge's delivery names, as a list (an older store may hold them as one text). */
    static String deliveredBy(String pledge) {
        return CypherTemplate.fill("CASE WHEN ${pledge}.deliveredBy IS :: STRING THEN split(${pledge}.deliveredBy, ';')"
                + " ELSE coalesce(${pledge}.deliveredBy, []) END", "pledge", pledge);
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        UnaryOperator<TypeRuntimeWiring.Builder> actorFields = t -> t
                .dataFetcher("pledges", this::actorPledges)
                .dataFetcher("attended", this::attended);
        wiring.type("Query", t -> t
                        .dataFetcher("ministerials", this::ministerials)
                        .dataFetcher("ministerial", this::ministerial)
                        .dataFetcher("pledges", this::pledges)
                        .dataFetcher("pledge", this::pledge)
                        .dataFetcher("pledgeFollowUp", this::pledgeFollowUp))
                .type("Country", actorFields)
                .type("Organization", actorFields)
                .type("Ministerial", t -> t
                        .dataFetcher("host", this::host)
                        .dataFetcher("recorded", this::recorded)
                        .dataFetcher("followUp", this::followUp)
                        .dataFetcher("attendance", this::attendance)
                        .dataFetcher("pledges", this::ministerialPledges))
                .type("Attendance", t -> t
                        .dataFetcher("actor", env -> ActorWiring.actor(env, env.<Attendance>getSource().actorId()))
                        .dataFetcher("ministerial",
                                env -> ministerial(env, env.<Attendance>getSource().ministerialId())))
                .type("Pledge", t -> t
                        .dataFetcher("pledger", env -> ActorWiring.actor(env, env.<Pledge>getSource().pledgerId()))
                        .dataFetcher("ministerial", env -> ministerial(env, env.<Pledge>getSource().ministerialId()))
                        .dataFetcher("beneficiary", this::beneficiary)
                        .dataFetcher("mission", this::mission));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(MINISTERIAL, Batch.one(deadline, ministerials::byIds));
        registry.register(PLEDGE, Batch.one(deadline, ministerials::pledgesByIds));
        registry.register(RECORDED, Batch.one(deadline, ministerials::recorded));
        registry.register(ATTENDANCE, Batch.many(deadline, ministerials::attendanceOfMinisterials));
        registry.register(ATTENDED, Batch.many(deadline, ministerials::attendanceOfActors));
        registry.register(ACTOR_PLEDGES, Batch.many(deadline, ministerials::pledgesOfActors));
        registry.register(MINISTERIAL_PLEDGES, Batch.many(deadline, ministerials::pledgesOfMinisterials));
        registry.register(ONE_ATTENDANCE, Batch.one(deadline, ministerials::attendanceByIds));
        registry.register(FOLLOW_UP, Batch.one(deadline, ministerials::followUpOfMinisterials));
    }

    /** Query.ministerials */
    Paging.Connection<Ministerial> ministerials(DataFetchingEnvironment env) {
        return ministerials.page(RequestInfo.deadline(env), Paging.Request.of(env));
    }

    /** Query.ministerial */
    CompletableFuture<Ministerial> ministerial(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        return ministerial(env, id).thenApply(m -> {
            if (m == null) {
                throw ApiException.notFound("ministerial", id);
            }
            return m;
        });
    }

    /** Query.pledges */
    Paging.Connection<Pledge> pledges(DataFetchingEnvironment env) {
        var filter = new PledgeFilter(env.getArgument("ministerial"), env.getArgument("category"),
                env.getArgument("pledger"), status(env));
        return ministerials.pledges(RequestInfo.deadline(env), filter, Paging.Request.of(env));
    }

    /** Query.pledge */
    CompletableFuture<Pledge> pledge(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        return env.<String, Pledge>getDataLoader(PLEDGE).load(id).thenApply(p -> {
            if (p == null) {
                throw ApiException.notFound("pledge", id);
            }
            return p;
        });
    }

    /** Query.pledgeFollowUp: an unknown ministerial or pledger is NOT_FOUND, not a follow-up of no pledges. */
    CompletableFuture<PledgeFollowUp> pledgeFollowUp(DataFetchingEnvironment env) {
        String ministerial = env.getArgument("ministerial");
        String pledger = env.getArgument("pledger");
        Deadline deadline = RequestInfo.deadline(env);
        if (pledger != null && !ministerials.actorExists(deadline, pledger)) {
            throw ApiException.notFound("pledger", pledger);
        }
        CompletableFuture<Ministerial> known = ministerial == null ? CompletableFuture.completedFuture(null)
                : ministerial(env, ministerial);
        return known.thenApply(m -> {
            if (ministerial != null && m == null) {
                throw ApiException.notFound("ministerial", ministerial);
            }
            FollowUpKey key = new FollowUpKey(ministerial, pledger);
            return ministerials.followUp(deadline, List.of(key)).get(key);
        });
    }

    /** Ministerial.followUp */
    CompletableFuture<PledgeFollowUp> followUp(DataFetchingEnvironment env) {
        return env.<String, PledgeFollowUp>getDataLoader(FOLLOW_UP).load(env.<Ministerial>getSource().id());
    }

    /** Actor.pledges */
    CompletableFuture<List<Pledge>> actorPledges(DataFetchingEnvironment env) {
        var key = new ActorPledges(env.<Actor>getSource().id(), env.getArgument("ministerial"),
                env.getArgument("category"), status(env));
        return env.<ActorPledges, List<Pledge>>getDataLoader(ACTOR_PLEDGES).load(key);
    }

    /** Actor.attended */
    CompletableFuture<List<Attendance>> attended(DataFetchingEnvironment env) {
        return env.<String, List<Attendance>>getDataLoader(ATTENDED).load(env.<Actor>getSource().id());
    }

    /** Ministerial.host */
    CompletableFuture<Country> host(DataFetchingEnvironment env) {
        String iso3 = env.<Ministerial>getSource().hostIso3();
        return iso3 == null ? CompletableFuture.completedFuture(null) : CountryWiring.country(env, iso3);
    }

    /** Ministerial.recorded */
    CompletableFuture<MinisterialFigures> recorded(DataFetchingEnvironment env) {
        return env.<String, MinisterialFigures>getDataLoader(RECORDED).load(env.<Ministerial>getSource().id());
    }

    /** Ministerial.attendance */
    CompletableFuture<List<Attendance>> attendance(DataFetchingEnvironment env) {
        return env.<String, List<Attendance>>getDataLoader(ATTENDANCE).load(env.<Ministerial>getSource().id());
    }

    /** Ministerial.pledges */
    CompletableFuture<List<Pledge>> ministerialPledges(DataFetchingEnvironment env) {
        var key = new MinisterialPledges(env.<Ministerial>getSource().id(), env.getArgument("category"), status(env));
        return env.<MinisterialPledges, List<Pledge>>getDataLoader(MINISTERIAL_PLEDGES).load(key);
    }

    /** Pledge.beneficiary */
    CompletableFuture<Actor> beneficiary(DataFetchingEnvironment env) {
        String id = env.<Pledge>getSource().beneficiaryId();
        return id == null ? CompletableFuture.completedFuture(null) : ActorWiring.actor(env, id);
    }

    /** Pledge.mission */
    CompletableFuture<Mission> mission(DataFetchingEnvironment env) {
        String acronym = env.<Pledge>getSource().missionAcronym();
        return acronym == null ? CompletableFuture.completedFuture(null) : MissionWiring.mission(env, acronym);
    }

    private static PledgeStatus status(DataFetchingEnvironment env) {
        String status = env.getArgument("status");
        return status == null ? null : PledgeStatus.valueOf(status);
    }

    public static CompletableFuture<Ministerial> ministerial(DataFetchingEnvironment env, String id) {
        return env.<String, Ministerial>getDataLoader(MINISTERIAL).load(id);
    }

    /** Resolves a pledge by id through the request's batching loader. */
    public static CompletableFuture<Pledge> pledge(DataFetchingEnvironment env, String id) {
        return env.<String, Pledge>getDataLoader(PLEDGE).load(id);
    }

    /** Resolves one actor's attendance of one ministerial by its stable id through the request's batching loader. */
    public static CompletableFuture<Attendance> attendance(DataFetchingEnvironment env, String id) {
        return env.<String, Attendance>getDataLoader(ONE_ATTENDANCE).load(id);
    }
}
