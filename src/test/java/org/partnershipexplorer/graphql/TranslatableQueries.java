package org.partnershipexplorer.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Composes queries from every field and argument that has a definition, found in the served schema and the
 * {@link FieldRegistry} rather than in a list kept by hand: a field or argument added to the schema and defined is
 * composed into queries without a change here, and one this class has no value for fails the test that asks.
 * Random arguments, aliases and fragments from a fixed seed (a failure names a query that can be sent again); a
 * field or argument not yet exercised is preferred, so that a short run covers them all. TranslatorIT runs each
 * query translated and answered by the loaders, and compares.
 */
final class TranslatableQueries {

    private static final List<String> COUNTRIES = List.of("KEN", "KOR", "JPN", "BGD", "RWA", "USA", "FRA", "IND");
    private static final List<String> ORGANIZATIONS = List.of("AU", "EU", "UN", "NATO");
    private static final List<String> MISSIONS = List.of("MINUSMA", "UNMISS", "MONUSCO", "UNIFIL", "MINUSCA");
    private static final List<String> PROGRAMS = List.of("TPP", "CUNPK-UNWMOC", "CUNPK-AFRICA", "GPOI");
    /** The two sources the frozen seed's rows cite by id. */
    private static final List<String> SOURCES = List.of("us-003", "multilateral-020");

    /** A cursor cannot be composed at random; TranslatorIT pages with the cursor of a first page. */
    private static final String AFTER = "after";

    private final GraphQLSchema schema;
    private final FieldRegistry registry;
    private final Random random;
    private final Set<String> exercised = new TreeSet<>();

    TranslatableQueries(GraphQLSchema schema, FieldRegistry registry, long seed) {
        this.schema = schema;
        this.registry = registry;
        this.random = new Random(seed);
    }

    /** One query: one to three roots, nested up to {@code depth} levels below them. */
    String next(int depth) {
        StringBuilder query = new StringBuilder("{");
        int roots = 1 + random.nextInt(3);
        List<GraphQLFieldDefinition> candidates = preferNew("Query", schema.getQueryType().getFieldDefinitions()
                .stream().filter(f -> registry.root(f.getName()) != null).toList());
        for (int i = 0; i < roots && i < candidates.size(); i++) {
            query.append(" r").append(i).append(": ").append(root(candidates.get(i), depth));
        }
        return query.append(" }").toString();
    }

    /**
     * Every defined field, and every (field, argument) pair of a defined field, as {@code Type.field} and
     * {@code Type.field(argument)}: what a run must exercise.
     */
    Set<String> everyFieldAndArgument() {
        Set<String> all = new TreeSet<>();
        for (GraphQLFieldDefinition root : schema.getQueryType().getFieldDefinitions()) {
            if (registry.root(root.getName()) != null) {
                add(all, "Query", root);
            }
        }
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && registry.type(object.getName()) != null) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (defined(object.getName(), field.getName())) {
                        add(all, object.getName(), field);
                    }
                }
            }
        }
        return all;
    }

    /** Whether some defined field or argument of the type has not been exercised yet. */
    private boolean unexercisedOn(String typeName) {
        if (!(schema.getType(typeName) instanceof GraphQLObjectType object) || registry.type(typeName) == null) {
            return false;
        }
        for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
            if (defined(typeName, field.getName()) && !exercised.contains(typeName + "." + field.getName())) {
                return true;
            }
        }
        return false;
    }

    /** What the queries composed so far have exercised, named as {@link #everyFieldAndArgument()} names it. */
    Set<String> exercised() {
        return exercised;
    }

    private static void add(Set<String> all, String type, GraphQLFieldDefinition field) {
        all.add(type + "." + field.getName());
        for (GraphQLArgument argument : field.getArguments()) {
            if (argument.getName().equals(AFTER)) {
                continue;
            }
            all.add(type + "." + field.getName() + "(" + argument.getName() + ")");
        }
    }

    private boolean defined(String type, String field) {
        return registry.scalar(type, field) != null || registry.field(type, field) != null;
    }

    private String root(GraphQLFieldDefinition root, int depth) {
        exercised.add("Query." + root.getName());
        String arguments = arguments("Query", root);
        GraphQLType type = GraphQLTypeUtil.unwrapAll(root.getType());
        if (registry.root(root.getName()).connection()) {
            GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(
                    ((GraphQLObjectType) type).getFieldDefinition("edges").getType());
            String node = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType()))
                    .getName();
            return root.getName() + arguments + " { " + connection(node, depth) + " }";
        }
        return root.getName() + arguments + " " + object(((GraphQLNamedType) type).getName(), depth);
    }

    private String connection(String type, int depth) {
        List<String> parts = new ArrayList<>();
        parts.add("edges { " + maybe("cursor ") + "node " + object(type, depth) + " }");
        if (random.nextBoolean()) {
            parts.add("totalCount");
        }
        if (random.nextBoolean()) {
            parts.add("pageInfo { hasNextPage endCursor }");
        }
        if (random.nextInt(4) == 0) {
            parts.add("__typename");
        }
        return String.join(" ", shuffled(parts));
    }

    /** A selection set on {@code typeName}; on an interface, inline fragments on each of its object types. */
    private String object(String typeName, int depth) {
        if (!(schema.getType(typeName) instanceof GraphQLObjectType type)) {
            StringBuilder fragments = new StringBuilder("{ " + maybe("__typename ") + "id " + maybe("name "));
            for (String concrete : Prefetch.concreteTypes(schema, (graphql.schema.GraphQLOutputType) schema
                    .getType(typeName))) {
                fragments.append("... on ").append(concrete).append(' ').append(object(concrete, depth)).append(' ');
            }
            return fragments.append('}').toString();
        }
        List<GraphQLFieldDefinition> scalars = new ArrayList<>();
        List<GraphQLFieldDefinition> nested = new ArrayList<>();
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            if (registry.scalar(typeName, field.getName()) != null) {
                scalars.add(field);
            } else if (registry.field(typeName, field.getName()) != null) {
                nested.add(field);
            }
        }
        List<String> fields = new ArrayList<>();
        List<GraphQLFieldDefinition> chosen = preferNew(typeName, scalars);
        for (GraphQLFieldDefinition scalar : chosen.subList(0, 1 + random.nextInt(Math.min(4, chosen.size())))) {
            exercised.add(typeName + "." + scalar.getName());
            // an alias names its field, so that the same alias in fragments on two types never means two fields
            fields.add(random.nextInt(6) == 0 ? "the_" + scalar.getName() + ": " + scalar.getName() : scalar.getName());
        }
        if (random.nextInt(5) == 0) {
            fields.add("__typename");
        }
        if (depth > 0 && !nested.isEmpty()) {
            List<GraphQLFieldDefinition> below = preferNew(typeName, nested);
            for (GraphQLFieldDefinition field : below.subList(0, Math.min(random.nextInt(3), below.size()))) {
                exercised.add(typeName + "." + field.getName());
                String element = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
                fields.add(field.getName() + arguments(typeName, field) + " " + object(element, depth - 1));
            }
        }
        return "{ " + String.join(" ", fields) + " }";
    }

    /** The fields in random order, those not exercised yet first. */
    private List<GraphQLFieldDefinition> preferNew(String typeName, List<GraphQLFieldDefinition> fields) {
        List<GraphQLFieldDefinition> fresh = new ArrayList<>();
        List<GraphQLFieldDefinition> seen = new ArrayList<>();
        for (GraphQLFieldDefinition field : shuffled(new ArrayList<>(fields))) {
            boolean all = exercised.contains(typeName + "." + field.getName()) && field.getArguments().stream()
                    .filter(a -> !a.getName().equals(AFTER)).allMatch(a -> exercised.contains(typeName + "." + field.getName() + "(" + a.getName() + ")"));
            // a field leading to a type whose own fields are not all exercised yet counts as new too
            String element = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
            all &= element.equals(typeName) || !unexercisedOn(element);
            (all ? seen : fresh).add(field);
        }
        fresh.addAll(seen);
        return fresh;
    }

    /** Each argument of the field given at random, always when not exercised yet (and always when required). */
    private String arguments(String typeName, GraphQLFieldDefinition field) {
        List<String> arguments = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (argument.getName().equals(AFTER)) {
                continue;
            }
            String name = typeName + "." + field.getName() + "(" + argument.getName() + ")";
            if (GraphQLTypeUtil.isNonNull(argument.getType()) || !exercised.contains(name) || random.nextBoolean()) {
                exercised.add(name);
                arguments.add(argument.getName() + ": " + value(field.getName(), argument));
            }
        }
        return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
    }

    /** A value of the argument that selects data in the test graph. */
    private String value(String field, GraphQLArgument argument) {
        GraphQLInputType type = argument.getType();
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        boolean list = GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
        if (unwrapped instanceof GraphQLEnumType enumType) {
            List<String> values = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
            if (argument.getName().equals("confidence")) {
                values = List.of("VERIFIED", "REPORTED");
            }
            String one = quoted(pick(values), false);
            return list ? "[" + one + (random.nextBoolean() ? "" : ", " + pick(values)) + "]" : one;
        }
        return switch (argument.getName()) {
            case "years" -> years();
            case "year", "activeIn" -> Integer.toString(2012 + random.nextInt(10));
            case "limit" -> Integer.toString(random.nextInt(4));
            case "first" -> Integer.toString(1 + random.nextInt(60));
            case "mission", "acronym" -> quoted(pick(MISSIONS), true);
            case "program" -> quoted(pick(PROGRAMS), true);
            case "iso3" -> quoted(pick(COUNTRIES), true);
            case "code" -> quoted(pick(field.equals("program") ? PROGRAMS : ORGANIZATIONS), true);
            case "id" -> quoted(pick(field.equals("source") ? SOURCES
                    : random.nextBoolean() ? COUNTRIES : ORGANIZATIONS), true);
            case "region" -> quoted(pick(List.of("Africa", "Asia")), true);
            case "subregion" -> quoted(pick(List.of("Eastern Africa", "Southern Asia")), true);
            case "unMember" -> Boolean.toString(random.nextBoolean());
            default -> throw new IllegalStateException("TranslatableQueries has no value for the argument "
                    + argument.getName() + " of " + field + ": add one that selects data");
        };
    }

    private String years() {
        int from = 2010 + random.nextInt(10);
        return switch (random.nextInt(3)) {
            case 0 -> "{from: " + from + "}";
            case 1 -> "{to: " + from + "}";
            default -> "{from: " + from + ", to: " + (from + random.nextInt(5)) + "}";
        };
    }

    private static String quoted(String value, boolean string) {
        return string ? "\"" + value + "\"" : value;
    }

    private String maybe(String text) {
        return random.nextBoolean() ? text : "";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> List<T> shuffled(List<T> values) {
        Collections.shuffle(values, random);
        return values;
    }
}
