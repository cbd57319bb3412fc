package org.partnershipexplorer.write;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershipexplorer.access.Access;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.graphql.GraphQLWiring;

/**
 * {@code Mutation.*}: create, update and delete for every {@link WriteKind}. Inputs become seed cells here (the
 * field {@code startYear} is the column {@code start_year}); everything else is {@link WriteService}'s.
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
        wiring.type("WriteResult", t -> t.dataFetcher("row", env -> env.<WriteService.Written>getSource().row()
                .entrySet().stream().map(e -> new Cell(e.getKey(), e.getValue())).toList()));
    }

    record Cell(String column, String value) {
    }

    /** Mutation.create* */
    WriteService.Written create(DataFetchingEnvironment env, WriteKind kind) {
        String subject = access.requireEditor(caller(env));
        return writes.create(kind, cells(env.getArgument("input"), true), subject, "input.");
    }

    /** Mutation.update* */
    WriteService.Written update(DataFetchingEnvironment env, WriteKind kind) {
        String subject = access.requireEditor(caller(env));
        return writes.update(kind, cells(env.getArgument("input"), false), subject, "input.");
    }

    /** Mutation.delete* */
    WriteService.Deleted delete(DataFetchingEnvironment env, WriteKind kind) {
        access.requireEditor(caller(env));
        Map<String, Object> arguments = new LinkedHashMap<>(env.getArguments());
        boolean cascade = Boolean.TRUE.equals(arguments.remove("cascade"));
        return writes.delete(kind, cells(arguments, true), cascade);
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
