package org.partnershipexplorer.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.ResultPath;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.cypherdsl.core.Case;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.partnershipexplorer.access.Access;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.deadline.RequestTimeoutException;
import org.partnershipexplorer.neo4j.Neo4jUnavailableException;
import org.partnershipexplorer.neo4j.QueryTimeoutException;
import org.partnershipexplorer.neo4j.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a whole query with one Cypher statement whose value is the response's {@code data}: each selected field
 * becomes an expression of the statement (a property, a computed value, a {@code COLLECT {}} subquery for a nested
 * list), and the statement's one value is read back into the response's shape (aliases, key order, cursors,
 * {@code __typename}) without running a data fetcher per field. graphql-java's execution of a nested page costs
 * about as much as the statement itself (a few thousand fields, each with its own environment, instrumentation
 * and completion); a translated query costs the statement and the reading of its value.
 *
 * <p>The features define the translation of their fields in their {@link Projections}: scalars
 * ({@link FieldRegistry.Definitions#scalar}), nested fields (the same {@link FieldRegistry.FieldProjection}s that
 * {@link Prefetch} uses) and root fields ({@link FieldRegistry.Definitions#root}). A query translates only when every
 * field it selects has a translation; otherwise, and whenever the answer would be an error (an argument a fetcher
 * refuses, a key that names nothing, a null where the schema promises a value, a caller without access), it runs
 * field by field as before and the fetchers report what is wrong. Translation is on by default
 * ({@code explorer.graphql.translate}); turned off, every query runs field by field.
 */
@Singleton
public final class Translator {

    private static final Logger LOG = LoggerFactory.getLogger(Translator.class);
    /** Set to true in a request's GraphQL context when its query ran translated (the request log says so). */
    static final String TRANSLATED = "explorer.translated";

    private final FieldRegistry definitions;
    private final org.partnershipexplorer.neo4j.Cypher cypher;
    private final Access access;
    private final boolean enabled;
    private final boolean fallback;
    private final Counter fallbacks;

    /**
     * @param fallback whether a translated statement that Neo4j refuses is answered field by field (production) or
     *                 fails the request ({@code explorer.graphql.translation-fallback: false}, as the tests run, so
     *                 that a translation bug fails a test instead of showing only as a slower answer)
     */
    Translator(FieldRegistry definitions, org.partnershipexplorer.neo4j.Cypher cypher, Access access, MeterRegistry meters,
            @Value("${explorer.graphql.translate:true}") boolean enabled,
            @Value("${explorer.graphql.translation-fallback:true}") boolean fallback) {
        this.definitions = definitions;
        this.cypher = cypher;
        this.access = access;
        this.enabled = enabled;
        this.fallback = fallback;
        this.fallbacks = Counter.builder(FALLBACKS)
                .description("Translated queries that Neo4j refused and that ran field by field instead")
                .register(meters);
    }

    /** The metric of the fallbacks: each one is a translation to look at, with the shape the log gives. */
    static final String FALLBACKS = "graphql.translation.fallbacks";

    /** The query's result from one statement, or empty when it must run field by field. */
    Optional<ExecutionResult> execute(ExecutionContext context) {
        if (!enabled || context.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY) {
            return Optional.empty();
        }
        Statement statement;
        try {
            access.requireReader(context.getGraphQLContext().getOrDefault(Caller.class, Caller.ANONYMOUS));
            Optional<Statement> known = known(context);
            if (known.isEmpty()) {
                return Optional.empty();
            }
            statement = known.get();
        } catch (ApiException e) {
            return Optional.empty();
        }
        Object value;
        try {
            List<Object> rows = cypher.read(RequestInfo.deadline(context.getGraphQLContext()), statement.cypher(),
                    statement.parameters(), r -> r.get("data").asObject());
            if (rows.isEmpty()) {
                // a lone root's MATCH found no object: its fetcher reports NOT_FOUND
                return Optional.empty();
            }
            value = rows.get(0);
        } catch (QueryTimeoutException | RequestTimeoutException | Neo4jUnavailableException e) {
            // the one statement ran and failed: rerunning field by field would wait for the database twice
            context.getGraphQLContext().put(TRANSLATED, true);
            return Optional.of(failed(context, statement, e));
        } catch (RuntimeException e) {
            // Neo4j 5.26's planner has refused statements a translation can write (a page and a single object
            // side by side once failed in insertCachedProperties); in production an answer field by field beats an
            // error, but it is counted and logged with the query's shape (the statement, whose values are all
            // parameters) so that it is seen and fixed
            fallbacks.increment();
            LOG.warn("translated statement failed{}: {}\n{}", fallback ? ", running the query field by field" : "",
                    e.getMessage(), statement.cypher());
            if (!fallback) {
                throw e;
            }
            return Optional.empty();
        }
        try {
            ExecutionResult result = ExecutionResult.newExecutionResult().data(statement.shape().read(value)).build();
            context.getGraphQLContext().put(TRANSLATED, true);
            return Optional.of(result);
        } catch (Untranslatable e) {
            return Optional.empty();
        }
    }

    /** The query's one statement; throws when some field has no translation. */
    Statement statement(ExecutionContext context) {
        return new Compilation(context).statement();
    }

    /**
     * The query's statement as {@link #statement} writes it, kept for the next request of the same text, operation
     * and variables, or empty when the query has no translation. Clients send the same few shapes again and again;
     * composing one with Cypher-DSL and rendering it cost about a tenth of the service's own CPU on a one-country
     * lookup (a profile of a steady load, bench/README.md), and the statement depends on nothing else: the schema
     * and the definitions are fixed at start, and a refusal that depends on an argument's value (an
     * {@link ApiException}) is not kept. A persisted query arrives here with its text, so its key is that text.
     */
    Optional<Statement> known(ExecutionContext context) {
        String query = context.getExecutionInput().getQuery();
        if (query == null || query.length() > CACHED_CHARACTERS / 100) {
            return compiled(context);
        }
        Key key = new Key(query, context.getExecutionInput().getOperationName(),
                context.getCoercedVariables().toMap());
        // an ApiException thrown while composing leaves nothing kept
        return statements.get(key, k -> compiled(context));
    }

    /** The distinct statement texts composed and kept so far: each one Neo4j plans on its first use. */
    Set<String> keptStatements() {
        return statements.asMap().values().stream().flatMap(Optional::stream).map(Statement::cypher)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Optional<Statement> compiled(ExecutionContext context) {
        try {
            return Optional.of(statement(context));
        } catch (Untranslatable e) {
            return Optional.empty();
        }
    }

    /** About 8 MB of query and statement text (two bytes a character), whatever the number of shapes. */
    static final long CACHED_CHARACTERS = 4_000_000;

    private record Key(String query, String operationName, Map<String, Object> variables) {
    }

    private final Cache<Key, Optional<Statement>> statements = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARACTERS)
            .weigher((Key key, Optional<Statement> statement) -> key.query().length()
                    + statement.map(s -> s.cypher().length()).orElse(0) + 1)
            .build();

    /**
     * The statement failed (a timeout, the request's deadline, an unreachable database): each root field reports the
     * error, as its fetcher would have, and the data is null where the schema allows it.
     */
    private static ExecutionResult failed(ExecutionContext context, Statement statement, RuntimeException e) {
        RequestInfo request = context.getGraphQLContext().get(RequestInfo.class);
        List<GraphQLError> errors = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        boolean nullable = true;
        for (Root root : statement.shape().roots()) {
            if (root.shape() == null) {
                data.put(root.key(), statement.shape().queryType());
                continue;
            }
            errors.add(ErrorHandler.error(e, ResultPath.rootPath().segment(root.key()), root.location(), request));
            data.put(root.key(), null);
            nullable &= !root.nonNull();
        }
        return ExecutionResult.newExecutionResult().data(nullable ? data : null).errors(errors).build();
    }

    /** Thrown while translating or reading: this query runs field by field instead. */
    private static final class Untranslatable extends RuntimeException {
        Untranslatable() {
            super(null, null, false, false);
        }
    }

    private static final Untranslatable UNTRANSLATABLE = new Untranslatable();

    /** A query's statement: requests of the same shape share one ({@link #known}), so nothing in it changes. */
    record Statement(String cypher, Map<String, Object> parameters, Response shape) {
        Statement {
            parameters = java.util.Collections.unmodifiableMap(parameters);
        }
    }

    /** Reads a value of the statement back into the response's shape. */
    private interface Shape {

        Object read(Object value);
    }

    /** The scalars whose stored values a translation checks: what the records read through {@link Rows}. */
    private enum Scalar {
        INT, STRING, BOOLEAN, OTHER
    }

    /**
     * A scalar as the statement gives it, but an Int as an Integer, and never null where the schema says
     * {@code !}. A stored value that does not fit its type (a count beyond 32 bits, text where a number belongs)
     * makes the query run field by field, where the record that reads it answers null for that field and logs the
     * row ({@link Rows}): the statement knows no row to name, and one such value is rare enough to cost the
     * slower way only while it lasts.
     */
    private record Leaf(boolean nonNull, Scalar scalar) implements Shape {
        @Override
        public Object read(Object value) {
            if (value == null) {
                return absent(nonNull);
            }
            Object fitted = switch (scalar) {
                case INT -> Rows.integer(value);
                case STRING -> Rows.text(value);
                case BOOLEAN -> value instanceof Boolean ? value : null;
                case OTHER -> value;
            };
            if (fitted == null) {
                throw UNTRANSLATABLE;
            }
            return fitted;
        }
    }

    private record ListOf(Shape element, boolean nonNull) implements Shape {
        @Override
        public Object read(Object value) {
            if (value == null) {
                return absent(nonNull);
            }
            List<?> values = (List<?>) value;
            List<Object> read = new ArrayList<>(values.size());
            for (Object v : values) {
                read.add(element.read(v));
            }
            return read;
        }
    }

    /**
     * An object of one type as a map from its fields' keys in the response to their values, as a lone page's rows
     * come ({@link ConnectionOf}); a field without a value in the map (a {@code __typename}) answers its type.
     */
    private record MapObjectOf(Fields fields, boolean nonNull) implements Shape {
        @Override
        public Object read(Object value) {
            if (value == null) {
                return absent(nonNull);
            }
            Map<?, ?> values = (Map<?, ?>) value;
            Map<String, Object> object = new LinkedHashMap<>();
            for (Entry entry : fields.entries()) {
                object.put(entry.key(),
                        entry.shape() == null ? fields.typeName() : entry.shape().read(values.get(entry.key())));
            }
            return object;
        }
    }

    /**
     * The entry of a lone page's row that holds its key: a name no GraphQL field or alias can have, so that it never
     * meets one of the object's entries beside it.
     */
    static final String ROW_KEY = ":key";

    /** One selected field of an object: {@code shape} null for {@code __typename}. */
    private record Entry(String key, Shape shape) {
    }

    /** The fields selected on one concrete type. */
    private record Fields(String typeName, List<Entry> entries) {
    }

    /**
     * An object, as the list of its fields' values in selection order; when it may be of several types, the list
     * starts with the index of its type in {@code types}.
     */
    private record ObjectOf(List<Fields> types, boolean nonNull) implements Shape {
        @Override
        public Object read(Object value) {
            if (value == null) {
                return absent(nonNull);
            }
            List<?> values = (List<?>) value;
            int i = 0;
            Fields fields = types.size() == 1 ? types.get(0) : types.get(((Long) values.get(i++)).intValue());
            Map<String, Object> object = new LinkedHashMap<>();
            for (Entry entry : fields.entries()) {
                object.put(entry.key(),
                        entry.shape() == null ? fields.typeName() : entry.shape().read(values.get(i++)));
            }
            return object;
        }
    }

    /**
     * A selected field of a connection, of its edges or of its page info ({@code fields}: what is selected below
     * it). {@code node} is which of a row's nodes an edge's {@code node} is, {@code shape} how to read it (or the
     * count); {@code typeName} the answer of a {@code __typename}.
     */
    private record Selected(String key, String field, String typeName, List<Selected> fields, int node, Shape shape) {
    }

    /**
     * A connection: the statement gives {@code [rows, count]}, or with {@code rowsAlone} (a lone page without its
     * total) the rows alone; each row {@code [key, [node, ...]]} (one node per selection of {@code edges.node}), or
     * with {@code maps} the node itself as a map with the key under {@link #ROW_KEY} (when a cursor is asked);
     * cursors, {@code hasNextPage} and the page's length come from the request.
     */
    private record ConnectionOf(int first, List<Selected> fields, boolean maps, boolean rowsAlone) implements Shape {
        @Override
        public Object read(Object value) {
            List<?> values = rowsAlone ? null : (List<?>) value;
            List<?> rows = rowsAlone ? (List<?>) value : (List<?>) values.get(0);
            List<?> page = rows.subList(0, Math.min(first, rows.size()));
            Map<String, Object> connection = new LinkedHashMap<>();
            for (Selected selected : fields) {
                connection.put(selected.key(), switch (selected.field()) {
                    case "edges" -> edges(page, selected.fields());
                    case "pageInfo" -> pageInfo(rows.size() > first, page.isEmpty() ? null
                            : page.get(page.size() - 1), selected.fields());
                    case "totalCount" -> selected.shape().read(values.get(1));
                    default -> selected.typeName();
                });
            }
            return connection;
        }

        private String key(Object row) {
            return (String) (maps ? ((Map<?, ?>) row).get(ROW_KEY) : ((List<?>) row).get(0));
        }

        private List<Object> edges(List<?> page, List<Selected> fields) {
            List<Object> edges = new ArrayList<>(page.size());
            for (Object row : page) {
                Map<String, Object> edge = new LinkedHashMap<>();
                for (Selected selected : fields) {
                    edge.put(selected.key(), switch (selected.field()) {
                        case "cursor" -> Paging.encode(key(row));
                        case "node" -> selected.shape().read(
                                maps ? row : ((List<?>) ((List<?>) row).get(1)).get(selected.node()));
                        default -> selected.typeName();
                    });
                }
                edges.add(edge);
            }
            return edges;
        }

        private Map<String, Object> pageInfo(boolean hasNext, Object lastRow, List<Selected> fields) {
            Map<String, Object> info = new LinkedHashMap<>();
            for (Selected selected : fields) {
                info.put(selected.key(), switch (selected.field()) {
                    case "hasNextPage" -> hasNext;
                    case "endCursor" -> lastRow == null ? null : Paging.encode(key(lastRow));
                    default -> selected.typeName();
                });
            }
            return info;
        }
    }

    /**
     * A root field: its key in the response, the shape of its value ({@code null} for {@code __typename}), whether
     * the schema allows it to be null and where it is in the document (for an error).
     */
    private record Root(String key, Shape shape, boolean nonNull, SourceLocation location) {
    }

    /**
     * The response's data: the statement gives a list of the root fields' values or, for a query whose one root has a
     * statement of its own ({@code lone}), that root's value itself.
     */
    private record Response(String queryType, List<Root> roots, boolean lone) {
        Map<String, Object> read(Object value) {
            List<?> values = lone ? Collections.singletonList(value) : (List<?>) value;
            Map<String, Object> data = new LinkedHashMap<>();
            int i = 0;
            for (Root root : roots) {
                data.put(root.key(), root.shape() == null ? queryType : root.shape().read(values.get(i++)));
            }
            return data;
        }
    }

    private static Object absent(boolean nonNull) {
        if (nonNull) {
            // the fetchers would report the error (and null the parent); let them
            throw UNTRANSLATABLE;
        }
        return null;
    }

    /** An expression of the statement and the shape of its value. */
    private record Translated(Expression expression, Shape shape) {
    }

    /** The fields selected on one type and the expressions of their values, {@code __typename}'s left out. */
    private record Values(Fields fields, List<Expression> values) {
    }

    /** Walks the normalised operation and writes the statement, its parameters and the response's shape. */
    private final class Compilation {
        private final ExecutionContext context;
        private final GraphQLSchema schema;
        private final ExecutableNormalizedOperation operation;
        // generated names never meet a feature's own: features name variables through their scope only
        private final Prefetch.Bindings bindings = new Prefetch.Bindings("t", "p");

        /**
         * The whole statement when the query asks for one root alone and that root has a reading of its own: a single
         * object's pattern ({@link FieldRegistry.RootMatch}), {@code MATCH pattern RETURN object}; a connection's
         * page ({@link FieldRegistry.RootPage}), {@code MATCH ... LIMIT RETURN collect(row)}, or with its total
         * {@code MATCH ... LIMIT WITH collect(row) AS rows RETURN [rows, total]}: the root's value, not a list of
         * values. Null otherwise: the roots' expressions side by side ({@link #returning(List)}).
         */
        private org.neo4j.cypherdsl.core.Statement lone;

        Compilation(ExecutionContext context) {
            this.context = context;
            this.schema = context.getGraphQLSchema();
            this.operation = context.getNormalizedQueryTree().get();
        }

        Statement statement() {
            List<Root> roots = new ArrayList<>();
            List<Expression> expressions = new ArrayList<>();
            for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
                if (field.getName().equals("__typename")) {
                    roots.add(new Root(field.getResultKey(), null, true, null));
                    continue;
                }
                FieldRegistry.RootProjection root = definitions.root(field.getName());
                if (root == null) {
                    throw UNTRANSLATABLE;
                }
                Translated translated = root.connection() ? connection(field, root) : single(field, root);
                roots.add(new Root(field.getResultKey(), translated.shape(),
                        GraphQLTypeUtil.isNonNull(field.getType(schema)),
                        operation.getMergedField(field).getSingleField().getSourceLocation()));
                expressions.add(translated.expression());
            }
            if (expressions.isEmpty()) {
                throw UNTRANSLATABLE;
            }
            org.neo4j.cypherdsl.core.Statement statement = lone != null ? lone : returning(expressions);
            return new Statement(Composed.render(statement), bindings.parameters(),
                    new Response(schema.getQueryType().getName(), roots, lone != null));
        }

        /** {@code RETURN [root values] AS data}. */
        private static org.neo4j.cypherdsl.core.Statement returning(List<Expression> expressions) {
            if (expressions.size() == 1) {
                // one root, the usual query: returned as it is; a CALL around it would only add a subquery for
                // Neo4j to plan on the first call of the shape (a lookup's planning took about a third longer)
                return Cypher.returning(Cypher.listOf(expressions.get(0)).as("data")).build();
            }
            // each root in a CALL of its own: Neo4j 5.26's planner fails on some roots side by side in one RETURN
            // (a page and a single object: "t0.acronym should not appear non-cached")
            StatementBuilder.OngoingReadingWithoutWhere calls = null;
            List<SymbolicName> values = new ArrayList<>();
            for (Expression expression : expressions) {
                SymbolicName value = Cypher.name("r" + values.size());
                org.neo4j.cypherdsl.core.Statement root = Cypher.returning(expression.as(value)).build();
                calls = calls == null ? Cypher.call(root) : calls.call(root);
                values.add(value);
            }
            return calls.returning(Cypher.listOf(values.stream().map(v -> (Expression) v).toList()).as("data"))
                    .build();
        }

        /** Whether the query asks for its one root alone (no other root, no {@code __typename} beside it). */
        private boolean alone() {
            return operation.getTopLevelFields().size() == 1;
        }

        /** A root that returns one object. */
        private Translated single(ExecutableNormalizedField field, FieldRegistry.RootProjection root) {
            String variable = bindings.variable();
            // read as non-null: a key that names nothing is NOT_FOUND, which the root's fetcher reports
            Translated object = object(field, Prefetch.concreteTypes(schema, field.getType(schema)), variable, true);
            FieldRegistry.Scope scope = bindings.scope(null, variable, object.expression());
            if (root.match() != null && alone()) {
                lone = Cypher.match(root.match().pattern(scope, field.getResolvedArguments()))
                        .returning(object.expression().as("data")).build();
                return object;
            }
            return new Translated(root.objects().expression(scope, field.getResolvedArguments(), null),
                    object.shape());
        }

        private Translated connection(ExecutableNormalizedField field, FieldRegistry.RootProjection root) {
            Map<String, Object> arguments = field.getResolvedArguments();
            boolean withTotal = field.getChildren().stream().anyMatch(f -> f.getName().equals("totalCount"));
            Paging.Request page = Paging.Request.of(arguments, withTotal);
            String variable = bindings.variable();
            List<Expression> nodes = new ArrayList<>();
            List<Selected> fields = new ArrayList<>();
            String connectionType = GraphQLTypeUtil.unwrapAll(field.getType(schema)).getName();
            boolean maps = root.page() != null && alone() && mapRows(field);
            Values mapped = null;
            for (ExecutableNormalizedField child : field.getChildren()) {
                String name = child.getName();
                List<Selected> below = new ArrayList<>();
                Shape count = null;
                switch (name) {
                    case "__typename" -> {
                    }
                    case "totalCount" -> count = new Leaf(true, Scalar.INT);
                    case "pageInfo", "edges" -> {
                        String partType = GraphQLTypeUtil.unwrapAll(child.getType(schema)).getName();
                        for (ExecutableNormalizedField part : child.getChildren()) {
                            Shape node = null;
                            if (!List.of("node", "cursor", "hasNextPage", "endCursor", "__typename")
                                    .contains(part.getName())) {
                                throw UNTRANSLATABLE;
                            }
                            if (part.getName().equals("node")) {
                                List<String> types = Prefetch.concreteTypes(schema, part.getType(schema));
                                if (maps) {
                                    // the row is this map (rowMap); the list only completes the scope, whose row
                                    // the map's statement does not use
                                    mapped = values(part, types.get(0), variable);
                                    nodes.add(Cypher.listOf(mapped.values()));
                                    node = new MapObjectOf(mapped.fields(), true);
                                } else {
                                    Translated translated = object(part, types, variable, true);
                                    nodes.add(translated.expression());
                                    node = translated.shape();
                                }
                            }
                            below.add(new Selected(part.getResultKey(), part.getName(), partType, List.of(),
                                    nodes.size() - 1, node));
                        }
                    }
                    default -> throw UNTRANSLATABLE;
                }
                fields.add(new Selected(child.getResultKey(), name, connectionType, below, 0, count));
            }
            FieldRegistry.Scope scope = bindings.scope(null, variable, Cypher.listOf(nodes));
            if (root.page() != null && alone()) {
                FieldRegistry.PageRows read = root.page().rows(scope, arguments, page);
                Expression row = maps ? rowMap(cursors(field) ? read.key() : null, mapped) : read.row();
                if (withTotal) {
                    SymbolicName rows = Cypher.name("rows");
                    lone = read.reading().with(Cypher.collect(row).as(rows))
                            .returning(Cypher.listOf(rows, total(root, arguments, true)).as("data")).build();
                } else {
                    // the rows alone, collected in the RETURN: a clause and a list fewer for Neo4j to check and plan
                    // on the first call of the shape (bench/README.md, "A lone root's value as the statement's data")
                    lone = read.reading().returning(Cypher.collect(row).as("data")).build();
                }
                // no expression of its own: the statement is the page's
                return new Translated(null, new ConnectionOf(page.first(), fields, maps, !withTotal));
            }
            Expression rows = root.objects().expression(scope, arguments, page);
            return new Translated(Cypher.listOf(rows, total(root, arguments, withTotal)),
                    new ConnectionOf(page.first(), fields, maps, false));
        }

        /**
         * Whether a lone page's rows can be maps: when its edges select at most one {@code node}, of a single type.
         * Neo4j plans a page that collects maps some 3 to 6 ms quicker than one that collects lists, on the first
         * call of its shape (bench/README.md, "A lone page collects maps"); lists stay for several nodes in a row
         * and for nodes of several types, whose values start with the type's index.
         */
        private boolean mapRows(ExecutableNormalizedField connection) {
            List<ExecutableNormalizedField> nodes = connection.getChildren().stream()
                    .filter(child -> child.getName().equals("edges"))
                    .flatMap(edges -> edges.getChildren().stream())
                    .filter(part -> part.getName().equals("node"))
                    .toList();
            return nodes.isEmpty()
                    || nodes.size() == 1 && Prefetch.concreteTypes(schema, nodes.get(0).getType(schema)).size() == 1;
        }

        /** Whether a connection's selection asks for a cursor: an edge's {@code cursor} or {@code endCursor}. */
        private static boolean cursors(ExecutableNormalizedField connection) {
            return connection.getChildren().stream()
                    .filter(child -> child.getName().equals("edges") || child.getName().equals("pageInfo"))
                    .flatMap(part -> part.getChildren().stream())
                    .anyMatch(part -> part.getName().equals("cursor") || part.getName().equals("endCursor"));
        }

        /**
         * A lone page's row as a map: its key under {@link #ROW_KEY} when a cursor is asked (null {@code key}: none;
         * a smaller map is a little quicker for Neo4j to plan), then its node's values under their keys.
         */
        private static Expression rowMap(Expression key, Values node) {
            List<Object> entries = new ArrayList<>();
            if (key != null) {
                entries.add(ROW_KEY);
                entries.add(key);
            }
            if (node != null) {
                Iterator<Expression> values = node.values().iterator();
                for (Entry entry : node.fields().entries()) {
                    if (entry.shape() != null) {
                        entries.add(entry.key());
                        entries.add(values.next());
                    }
                }
            }
            return Cypher.mapOf(entries.toArray());
        }

        /** A connection's {@code totalCount}, null when not asked. */
        private Expression total(FieldRegistry.RootProjection root, Map<String, Object> arguments, boolean withTotal) {
            return withTotal
                    ? root.count().expression(bindings.scope(null, bindings.variable(), null), arguments)
                    : Cypher.literalNull();
        }

        /**
         * The object bound to {@code variable}, of one of {@code typeNames}: a list of its selected fields' values,
         * preceded by the index of its type when it may be of several.
         */
        private Translated object(ExecutableNormalizedField parent, List<String> typeNames, String variable,
                boolean nonNull) {
            List<Fields> types = new ArrayList<>();
            Case cases = Cypher.caseExpression();
            Expression single = null;
            for (String typeName : typeNames) {
                Values type = values(parent, typeName, variable);
                List<Expression> values = new ArrayList<>(type.values());
                if (typeNames.size() > 1) {
                    values.add(0, Cypher.literalOf(types.size()));
                }
                types.add(type.fields());
                Expression list = Cypher.listOf(values);
                single = list;
                cases = cases.when(Cypher.raw(definitions.type(typeName).test().apply(variable)).asCondition())
                        .then(list);
            }
            Expression expression = typeNames.size() == 1 ? single : cases;
            return new Translated(expression, new ObjectOf(types, nonNull));
        }

        /** The fields selected on an object of {@code typeName} bound to {@code variable}, and their values. */
        private Values values(ExecutableNormalizedField parent, String typeName, String variable) {
            if (definitions.type(typeName) == null) {
                throw UNTRANSLATABLE;
            }
            List<Entry> entries = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            for (ExecutableNormalizedField field : selected(parent, typeName)) {
                entries.add(new Entry(field.getResultKey(), field(field, typeName, variable, values)));
            }
            return new Values(new Fields(typeName, entries), values);
        }

        /**
         * The fields selected below {@code parent} on an object of {@code typeName}, in the order graphql-java
         * answers them: the normalised operation merges a key selected in fragments on several types at its first
         * place on any type ({@code ... on Organization { code name } ... on Country { iso3 name }} puts a
         * country's name before its iso3), so the order comes from graphql-java's own field collection for that type.
         */
        private List<ExecutableNormalizedField> selected(ExecutableNormalizedField parent, String typeName) {
            List<ExecutableNormalizedField> fields = new ArrayList<>();
            boolean severalTypes = false;
            for (ExecutableNormalizedField child : parent.getChildren()) {
                if (child.getObjectTypeNames().contains(typeName)) {
                    fields.add(child);
                }
                severalTypes |= child.getObjectTypeNames().size() > 1 || !child.getObjectTypeNames().contains(typeName);
            }
            if (severalTypes && fields.size() > 1) {
                List<String> keys = new FieldCollector().collectFields(FieldCollectorParameters.newParameters()
                        .schema(schema)
                        .objectType(schema.getObjectType(typeName))
                        .fragments(context.getFragmentsByName())
                        .variables(context.getCoercedVariables().toMap())
                        .graphQLContext(context.getGraphQLContext())
                        .build(), operation.getMergedField(parent)).getKeys();
                fields.sort(Comparator.comparingInt(f -> keys.indexOf(f.getResultKey())));
            }
            return fields;
        }

        /** Adds the value of one field of an object of {@code typeName} to {@code values}; null for __typename. */
        private Shape field(ExecutableNormalizedField field, String typeName, String variable,
                List<Expression> values) {
            if (field.getName().equals("__typename")) {
                return null;
            }
            GraphQLObjectType type = schema.getObjectType(typeName);
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
            GraphQLOutputType fieldType = definition.getType();
            Function<String, String> scalar = definitions.scalar(typeName, field.getName());
            if (scalar != null) {
                values.add(Cypher.raw(scalar.apply(variable)));
                return leaf(fieldType);
            }
            FieldRegistry.FieldProjection projection = definitions.field(typeName, field.getName());
            if (projection == null) {
                throw UNTRANSLATABLE;
            }
            String child = bindings.variable();
            boolean nonNull = GraphQLTypeUtil.isNonNull(fieldType);
            GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(fieldType);
            boolean list = unwrapped instanceof GraphQLList;
            GraphQLOutputType element = (GraphQLOutputType) GraphQLTypeUtil.unwrapAll(fieldType);
            boolean elementNonNull = list && ((GraphQLList) unwrapped).getWrappedType() instanceof GraphQLNonNull;
            Translated object = object(field, Prefetch.concreteTypes(schema, element), child,
                    list ? elementNonNull : nonNull);
            values.add(Composed.fragment(projection.expression(bindings.scope(variable, child, object.expression()),
                    field.getResolvedArguments()), object.expression()));
            return list ? new ListOf(object.shape(), nonNull) : object.shape();
        }

        private Shape leaf(GraphQLOutputType type) {
            GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
            if (unwrapped instanceof GraphQLList list) {
                return new ListOf(leaf((GraphQLOutputType) list.getWrappedType()), GraphQLTypeUtil.isNonNull(type));
            }
            Scalar scalar = unwrapped == Scalars.GraphQLInt ? Scalar.INT
                    : unwrapped == Scalars.GraphQLString || unwrapped == Scalars.GraphQLID ? Scalar.STRING
                    : unwrapped == Scalars.GraphQLBoolean ? Scalar.BOOLEAN
                    : Scalar.OTHER;
            return new Leaf(GraphQLTypeUtil.isNonNull(type), scalar);
        }
    }
}
