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
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private final Map<String, Figures> counted = new HashMap<>();
    private final Set<String> counting = new HashSet<>();

    private DocumentCost(Document document, GraphQLSchema schema, QueryLimits limits, Map<String, Object> variables) {
        this.schema = schema;
        this.limits = limits;
        this.variables = variables == null ? Map.of() : variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
    }

    /** The figures of the operation a request runs (by name, or the only one); none when it names no operation. */
    static Figures of(Document document, String operationName, GraphQLSchema schema, QueryLimits limits,
            Map<String, Object> variables) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = operations.stream()
                .filter(o -> operationName == null || operationName.isEmpty() ? operations.size() == 1
                        : operationName.equals(o.getName()))
                .findFirst().orElse(null);
        if (operation == null) {
            return Figures.NONE;
        }
        GraphQLObjectType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        return new DocumentCost(document, schema, limits, variables).selections(operation.getSelectionSet(), root);
    }

    private Figures selections(SelectionSet set, GraphQLType parent) {
        Figures figures = Figures.NONE;
        if (set == null) {
            return figures;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                figures = figures.beside(field(field, parent));
            } else if (selection instanceof InlineFragment inline) {
                figures = figures.beside(selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                        ? parent : schema.getType(inline.getTypeCondition().getName())));
            } else if (selection instanceof FragmentSpread spread) {
                figures = figures.beside(fragment(spread.getName()));
            }
        }
        return figures;
    }

    private Figures fragment(String name) {
        Figures known = counted.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        // an unknown fragment, or one that spreads itself: validation refuses both
        if (definition == null || !counting.add(name)) {
            return Figures.NONE;
        }
        Figures figures = selections(definition.getSelectionSet(),
                schema.getType(definition.getTypeCondition().getName()));
        counting.remove(name);
        counted.put(name, figures);
        return figures;
    }

    private Figures field(Field field, GraphQLType parent) {
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        GraphQLType type = definition == null ? null : GraphQLTypeUtil.unwrapNonNull(definition.getType());
        GraphQLType below = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
        Figures children = selections(field.getSelectionSet(), below instanceof GraphQLCompositeType ? below : null);
        long cost = field.getName().startsWith("__") ? 0 : add(1, multiply(size(field, definition, type), children.cost()));
        return new Figures(add(1, children.fields()), add(1, children.depth()), cost);
    }

    /** As the cost calculator of the limits: first or limit (given, from a variable, or by default), else by type. */
    private long size(Field field, GraphQLFieldDefinition definition, GraphQLType type) {
        for (String name : List.of("first", "limit")) {
            Long value = argument(field, definition, name);
            if (value != null) {
                return Math.max(1, Math.min(value, Paging.MAX_FIRST));
            }
        }
        if (type instanceof GraphQLList) {
            return field.getName().equals("edges") ? 1 : limits.listWeight();
        }
        return 1;
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
