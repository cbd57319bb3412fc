package org.partnershipexplorer.graphql;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The size of an operation, counted on the parsed document before validation (validation itself expands every
 * fragment, so a document whose fragments each spread the previous one twice would cost it exponential time):
 * fields selected, depth, and cost (each field costs 1 plus its children's cost times its size: a list's
 * {@code first} or {@code limit}, its default, else the list weight; introspection costs nothing). Each fragment is
 * counted once and its figures reused wherever it is spread, and every sum and product saturates at
 * {@link Long#MAX_VALUE}, so neither fan-out nor aliased copies can wrap a figure round and slip under a limit.
 *
 * <p>Unknown fields and types count with no type below them: validation reports them afterwards.
 */
final class DocumentCost {

    /** What one selection set (or a whole operation) selects. */
    record Figures(long fields, long depth, long cost) {
        static final Figures NONE = new Figures(0, 0, 0);

        Figures beside(Figures other) {
            return new Figures(add(fields, other.fields), Math.max(depth, other.depth), add(cost, other.cost));
        }
    }

    private final GraphQLSchema schema;
    private final QueryLimits limits;
    private final ListSizes sizes;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private final Map<String, Figures> counted = new HashMap<>();
    private final Set<String> counting = new HashSet<>();

    private DocumentCost(Document document, GraphQLSchema schema, QueryLimits limits, ListSizes sizes,
            Map<String, Object> variables) {
        this.schema = schema;
        this.limits = limits;
        this.sizes = sizes;
        this.variables = variables == null ? Map.of() : variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
    }

    /** The figures of the operation a request runs (by name, or the only one); none when it names no operation. */
    static Figures of(Document document, String operationName, GraphQLSchema schema, QueryLimits limits,
            Map<String, Object> variables) {
        return of(document, operationName, schema, limits, ListSizes.UNKNOWN, variables);
    }

    /** As above, each list's size taken from the graph's counts where {@code sizes} knows it. */
    static Figures of(Document document, String operationName, GraphQLSchema schema, QueryLimits limits,
            ListSizes sizes, Map<String, Object> variables) {
        DocumentCost counter = counter(document, operationName, schema, limits, sizes, variables);
        return counter == null ? Figures.NONE
                : counter.selections(counter.operation.getSelectionSet(), counter.root, false);
    }

    /**
     * The field to change in a refused operation: from the root, the costliest field at each level, down to the
     * last list on that path, with its expected rows; null when nothing costs.
     */
    static String costliest(Document document, String operationName, GraphQLSchema schema, QueryLimits limits,
            ListSizes sizes, Map<String, Object> variables) {
        DocumentCost counter = counter(document, operationName, schema, limits, sizes, variables);
        return counter == null ? null : counter.costliestPath(counter.operation.getSelectionSet(), counter.root);
    }

    private OperationDefinition operation;
    private GraphQLObjectType root;

    private static DocumentCost counter(Document document, String operationName, GraphQLSchema schema,
            QueryLimits limits, ListSizes sizes, Map<String, Object> variables) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = operations.stream()
                .filter(o -> operationName == null || operationName.isEmpty() ? operations.size() == 1
                        : operationName.equals(o.getName()))
                .findFirst().orElse(null);
        if (operation == null) {
            return null;
        }
        DocumentCost counter = new DocumentCost(document, schema, limits, sizes, variables);
        counter.operation = operation;
        counter.root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        return counter;
    }

    /**
     * Follows the costliest field down from the root and names each list on that path with its rows, as
     * "countries (190 rows) > contributions (20 each) > contributors (190 each)"; null when no list is on it.
     */
    private String costliestPath(SelectionSet set, GraphQLType parent) {
        List<String> lists = new java.util.ArrayList<>();
        boolean belowList = false;
        while (set != null) {
            FieldIn best = null;
            long bestCost = 1;
            for (FieldIn candidate : fieldsOf(set, parent)) {
                long cost = field(candidate.field(), candidate.parent(), belowList).cost();
                if (cost > bestCost) {
                    best = candidate;
                    bestCost = cost;
                }
            }
            GraphQLFieldDefinition definition = best != null && best.parent() instanceof GraphQLFieldsContainer container
                    ? container.getFieldDefinition(best.field().getName()) : null;
            if (definition == null) {
                break;
            }
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            long rows = size(best.field(), definition, type, best.parent(), belowList);
            if (rows > 1) {
                lists.add(best.field().getName() + " (" + rows + (lists.isEmpty() ? " rows)" : " each)"));
            }
            belowList = belowList || reachesThrough(best.field(), type);
            parent = GraphQLTypeUtil.unwrapAll(definition.getType());
            set = best.field().getSelectionSet();
        }
        return lists.isEmpty() ? null : String.join(" > ", lists);
    }

    /** A field and the type it is selected on (a fragment's type condition, or the selection set's type). */
    private record FieldIn(Field field, GraphQLType parent) {
    }

    /** The fields of a selection set, inline fragments and spreads opened. */
    private List<FieldIn> fieldsOf(SelectionSet set, GraphQLType parent) {
        List<FieldIn> fields = new java.util.ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                fields.add(new FieldIn(field, parent));
            } else if (selection instanceof InlineFragment inline && inline.getSelectionSet() != null) {
                fields.addAll(fieldsOf(inline.getSelectionSet(), inline.getTypeCondition() == null
                        ? parent : schema.getType(inline.getTypeCondition().getName())));
            } else if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null
                    && counting.add(spread.getName())) {
                FragmentDefinition definition = fragments.get(spread.getName());
                fields.addAll(fieldsOf(definition.getSelectionSet(), schema.getType(definition.getTypeCondition().getName())));
                counting.remove(spread.getName());
            }
        }
        return fields;
    }

    private Figures selections(SelectionSet set, GraphQLType parent, boolean belowList) {
        Figures figures = Figures.NONE;
        if (set == null) {
            return figures;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                figures = figures.beside(field(field, parent, belowList));
            } else if (selection instanceof InlineFragment inline) {
                figures = figures.beside(selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                        ? parent : schema.getType(inline.getTypeCondition().getName()), belowList));
            } else if (selection instanceof FragmentSpread spread) {
                figures = figures.beside(fragment(spread.getName(), belowList));
            }
        }
        return figures;
    }

    private Figures fragment(String name, boolean belowList) {
        Figures known = counted.get(name + (belowList ? "|below" : ""));
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        // an unknown fragment, or one that spreads itself: validation refuses both
        if (definition == null || !counting.add(name)) {
            return Figures.NONE;
        }
        Figures figures = selections(definition.getSelectionSet(),
                schema.getType(definition.getTypeCondition().getName()), belowList);
        counting.remove(name);
        counted.put(name + (belowList ? "|below" : ""), figures);
        return figures;
    }

    private Figures field(Field field, GraphQLType parent, boolean belowList) {
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        GraphQLType type = definition == null ? null : GraphQLTypeUtil.unwrapNonNull(definition.getType());
        GraphQLType below = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
        Figures children = selections(field.getSelectionSet(), below instanceof GraphQLCompositeType ? below : null,
                belowList || reachesThrough(field, type));
        long cost = field.getName().startsWith("__") ? 0
                : add(1, multiply(size(field, definition, type, parent, belowList), children.cost()));
        return new Figures(add(1, children.fields()), add(1, children.depth()), cost);
    }

    /**
     * How many times a field's selection is answered. A list's {@code first} or {@code limit} (given, from a variable,
     * or by default; at most {@link Paging#MAX_FIRST}) caps it; below that, where the graph's counts know the list,
     * the rows it holds on average (a {@code years} or {@code year} filter taking its share of the years), and at most
     * the nodes a root page can list; a list the counts do not know takes {@code first}/{@code limit}, else the list
     * weight. A connection's {@code edges} count once: its page size is counted on the connection.
     */
    private long size(Field field, GraphQLFieldDefinition definition, GraphQLType type, GraphQLType parent,
            boolean belowList) {
        Long asked = null;
        for (String name : List.of("first", "limit")) {
            Long value = argument(field, definition, name);
            if (value != null) {
                asked = Math.max(1, Math.min(value, Paging.MAX_FIRST));
                break;
            }
        }
        if (asked == null && !(type instanceof GraphQLList)) {
            return 1;
        }
        if (asked == null && field.getName().equals("edges")) {
            return 1;
        }
        String parentName = parent instanceof GraphQLNamedType named ? named.getName() : "";
        double rows = asked == null ? Double.POSITIVE_INFINITY : asked;
        java.util.OptionalDouble expected = sizes.expected(parentName, field.getName(), belowList);
        if (expected.isPresent()) {
            rows = Math.min(rows, expected.getAsDouble() * yearShare(field, definition, parentName));
        }
        java.util.OptionalDouble most = sizes.page(parentName, field.getName());
        if (most.isPresent()) {
            rows = Math.min(rows, most.getAsDouble());
        }
        if (Double.isInfinite(rows)) {
            return limits.listWeight();
        }
        return Math.max(1, (long) Math.ceil(rows));
    }

    /**
     * Whether what a field selects is reached through a list of relationships, so that a list below it meets nodes
     * weighted by their degree ({@link ListSizes}): any list but a connection's {@code edges}, whose page covers its
     * label's nodes evenly.
     */
    private static boolean reachesThrough(Field field, GraphQLType type) {
        return type instanceof GraphQLList && !field.getName().equals("edges");
    }

    /** The share of a list's years its {@code years: {from, to}} or {@code year} argument keeps (1 without one). */
    private double yearShare(Field field, GraphQLFieldDefinition definition, String parent) {
        for (Argument argument : field.getArguments()) {
            Value<?> value = argument.getValue();
            if (argument.getName().equals("year")) {
                Long year = number(value);
                return year == null ? 1 : sizes.yearShare(parent, field.getName(), year.intValue(), year.intValue());
            }
            if (argument.getName().equals("years")) {
                Object range = value instanceof VariableReference v ? variables.get(v.getName()) : value;
                Long from = bound(range, "from");
                Long to = bound(range, "to");
                return sizes.yearShare(parent, field.getName(), from == null ? null : from.intValue(),
                        to == null ? null : to.intValue());
            }
        }
        return 1;
    }

    /** A bound of a year range given inline ({@code {from: 2015}}) or as a variable's map. */
    private Long bound(Object range, String name) {
        if (range instanceof graphql.language.ObjectValue object) {
            return object.getObjectFields().stream().filter(f -> f.getName().equals(name)).findFirst()
                    .map(f -> number(f.getValue())).orElse(null);
        }
        if (range instanceof Map<?, ?> map && map.get(name) instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    private Long argument(Field field, GraphQLFieldDefinition definition, String name) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(name)) {
                return number(argument.getValue());
            }
        }
        GraphQLArgument declared = definition == null ? null : definition.getArgument(name);
        if (declared != null && declared.hasSetDefaultValue()) {
            Object value = declared.getArgumentDefaultValue().getValue();
            return value instanceof Value<?> literal ? number(literal) : value instanceof Number n ? n.longValue() : null;
        }
        return null;
    }

    private Long number(Value<?> value) {
        if (value instanceof IntValue i) {
            return i.getValue().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
        if (value instanceof VariableReference v && variables.get(v.getName()) instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
