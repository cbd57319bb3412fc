package org.partnershipexplorer.write;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.partnershipexplorer.access.Access;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.actor.ActorWiring;
import org.partnershipexplorer.country.CountryRepository.DeploymentKey;
import org.partnershipexplorer.country.CountryWiring;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.ministerial.MinisterialWiring;
import org.partnershipexplorer.mission.MissionWiring;
import org.partnershipexplorer.organization.OrganizationWiring;
import org.partnershipexplorer.partnership.PartnershipWiring;

/**
 * {@code Mutation.*}: create, update and delete for every {@link WriteKind}. Inputs become seed cells here (the
 * field {@code startYear} is the column {@code start_year}); everything else is {@link WriteService}'s.
 * {@code WriteResult.node} answers what was written as the queries' own object type, loaded by key through the
 * owning feature's loader, so its nested fields resolve as they do in any query.
 */
@Singleton
public final class WriteWiring implements GraphQLWiring {

    private final WriteService writes;
    private final Access access;

    WriteWiring(WriteService writes, Access access) {
        this.writes = writes;
        this.access = access;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> {
            for (WriteKind kind : WriteKind.values()) {
                t.dataFetcher(kind.create(), env -> create(env, kind));
                t.dataFetcher(kind.update(), env -> update(env, kind));
                t.dataFetcher(kind.delete(), env -> delete(env, kind));
            }
            return t;
        });
        wiring.type("WriteResult", t -> t
                        .dataFetcher("row", env -> env.<WriteService.WriteResult>getSource().row()
                                .entrySet().stream().map(e -> new Cell(e.getKey(), e.getValue())).toList())
                        .dataFetcher("node", this::node))
                .type("Written", t -> t.typeResolver(ActorWiring.BY_CLASS_NAME));
    }

    record Cell(String column, String value) {
    }

    /** Mutation.create* */
    WriteService.WriteResult create(DataFetchingEnvironment env, WriteKind kind) {
        String subject = access.requireEditor(caller(env));
        WriteService.WriteResult written = writes.create(RequestInfo.deadline(env), kind, cells(env.getArgument("input"), true), subject, "input.");
        forgetLoaded(env);
        return written;
    }

    /** Mutation.update* */
    WriteService.WriteResult update(DataFetchingEnvironment env, WriteKind kind) {
        String subject = access.requireEditor(caller(env));
        WriteService.WriteResult written = writes.update(RequestInfo.deadline(env), kind, cells(env.getArgument("input"), false),
                env.getArgument(WriteService.EXPECTED_UPDATED_AT), subject, "input.");
        forgetLoaded(env);
        return written;
    }

    /** Mutation.delete* */
    WriteService.Deleted delete(DataFetchingEnvironment env, WriteKind kind) {
        String subject = access.requireEditor(caller(env));
        Map<String, Object> arguments = new LinkedHashMap<>(env.getArguments());
        boolean cascade = Boolean.TRUE.equals(arguments.remove("cascade"));
        WriteService.Deleted deleted = writes.delete(RequestInfo.deadline(env), kind, cells(arguments, true), cascade, subject);
        forgetLoaded(env);
        return deleted;
    }

    /**
     * WriteResult.node: read after the write's transaction committed (this runs once {@code create}/{@code update}
     * has returned), by key, with the loader the queries use, so the record and its nested fields are theirs.
     * Null only when something deleted it between the commit and this read.
     */
    CompletableFuture<?> node(DataFetchingEnvironment env) {
        WriteService.WriteResult written = env.getSource();
        String id = written.id();
        return switch (written.writeKind()) {
            case COUNTRY -> CountryWiring.country(env, id);
            case ORGANIZATION -> OrganizationWiring.organization(env, id);
            case MEMBERSHIP -> OrganizationWiring.membership(env, id);
            case MISSION -> MissionWiring.mission(env, id);
            case PROGRAM -> PartnershipWiring.program(env, id);
            case CONTRIBUTION -> MissionWiring.contribution(env, id);
            // the stored row's cells: the date as the graph holds it, which is how the loader's answer is keyed
            case DEPLOYMENT -> CountryWiring.deployment(env,
                    new DeploymentKey(written.row().get("iso3"), written.row().get("as_of")));
            case TRAINING -> PartnershipWiring.training(env, id);
            case DONATION -> PartnershipWiring.donation(env, id);
            case MINISTERIAL -> MinisterialWiring.ministerial(env, id);
            case PLEDGE -> MinisterialWiring.pledge(env, id);
            case ATTENDANCE -> MinisterialWiring.attendance(env, id);
        };
    }

    /**
     * The request's loaders cache what they loaded; mutation fields run one after another, so after a write the
     * cache may hold what it changed, and a later field of the same request (two aliased updates of one country, a
     * mission's hosts after updateMission) would answer the state before it.
     */
    private static void forgetLoaded(DataFetchingEnvironment env) {
        env.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return env.getGraphQlContext().getOrDefault(Caller.class, Caller.ANONYMOUS);
    }

    /**
     * GraphQL values as seed cells: numbers and booleans as text, lists joined by {@code ;} (host_iso3), enum names
     * in the contract's spelling. A field sent as null becomes an empty cell (absent), which clears it on update.
     *
     * @param dropNulls true for a create, where a null is the same as a field not sent
     */
    static Map<String, String> cells(Map<String, Object> input, boolean dropNulls) {
        Map<String, String> cells = new LinkedHashMap<>();
        input.forEach((field, value) -> {
            if (value == null && dropNulls) {
                return;
            }
            String column = column(field);
            cells.put(column, cell(column, value));
        });
        return cells;
    }

    private static String cell(String column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        String text = String.valueOf(value);
        // AttendanceRole.CO_CHAIR is the contract's "co-chair"; the other vocabularies are read ignoring case
        return column.equals("role") ? text.toLowerCase(Locale.ROOT).replace('_', '-') : text;
    }

    /** {@code startYear} is the column {@code start_year}. */
    static String column(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The column {@code start_year} is the field {@code startYear}. */
    static String field(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
