package org.partnershipexplorer.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.cypherdsl.core.Case;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.graphql.FieldRegistry.FieldProjection;
import org.partnershipexplorer.graphql.FieldRegistry.Scope;
import org.partnershipexplorer.graphql.FieldRegistry.TypeProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a request's nested fields inside the statement of the field that reaches them: a root field (a page of
 * countries) is answered by {@link #connection} or {@link #one}, which write the root's statement from its definition
 * ({@link FieldRegistry.RootProjection}) with a {@link Plan}'s object in it and read each row with {@link Plan#read};
 * the nested fields then resolve from what that one statement returned instead of one batch statement per level. The README's nested query (countries, what they train, the programme and the trainee, the
 * trainee's contributions, their missions and hosts) costs one statement this way instead of seven.
 *
 * <p>Only fields a feature has defined a projection for are fetched ahead ({@link Projections}); any other field in
 * the selection, and everything below it, resolves through its own fetcher and DataLoaders as before, so a plan
 * never changes an answer, only how many statements it takes. A projected field's fetcher is wrapped with
 * {@link #orElse}: it answers from the plan's {@link Store} when the value is there and falls back to its loader
 * otherwise.
 *
 * <p>The Cypher of a plan is composed with Cypher-DSL ({@link Composed}) around the features' fixed fragments; every argument value is a parameter,
 * and map keys are positional ({@code f0}, {@code f1}), never a client's alias. Each distinct selection is a
 * distinct statement text: Neo4j plans it on first use and takes it from its query cache after, so the first
 * request of a new shape pays for planning (tens of milliseconds) and the ones after it do not.
 */
@Singleton
public final class Prefetch {

    private static final Logger LOG = LoggerFactory.getLogger(Prefetch.class);

    /** The metric of the fallbacks (see {@link #answer}): each one is a statement Neo4j refused. */
    static final String FALLBACKS = "graphql.prefetch.fallbacks";

    private final FieldRegistry definitions;
    private final org.partnershipexplorer.neo4j.Cypher cypher;
    private final boolean enabled;
    private final boolean fallback;
    private final Counter fallbacks;

    /**
     * @param enabled  off ({@code explorer.graphql.prefetch: false}), a root field fetches only its own objects and
     *                 every nested field is answered by its DataLoader: what the differential test compares with
     * @param fallback whether a statement fetching ahead that Neo4j refuses is answered without fetching ahead
     *                 (production) or fails the field ({@code explorer.graphql.translation-fallback: false}, as the
     *                 tests run: the same setting as the translated statements', for the same reason)
     */
    Prefetch(FieldRegistry definitions, org.partnershipexplorer.neo4j.Cypher cypher, MeterRegistry meters,
            @io.micronaut.context.annotation.Value("${explorer.graphql.prefetch:true}") boolean enabled,
            @io.micronaut.context.annotation.Value("${explorer.graphql.translation-fallback:true}") boolean fallback) {
        this.definitions = definitions;
        this.cypher = cypher;
        this.enabled = enabled;
        this.fallback = fallback;
        this.fallbacks = Counter.builder(FALLBACKS)
                .description("Root fields whose statement fetching ahead Neo4j refused, answered without it")
                .register(meters);
    }

    /**
     * A root field that is a connection of {@code typeName}, answered by one statement written from the root's
     * definition ({@link FieldRegistry.RootProjection#statement}): the page's objects, each with the nested fields
     * fetched ahead, and their number when {@code totalCount} is selected. The fetcher of {@code Query.countries}
     * is this call and nothing else; arguments the definition refuses are reported at the field.
     */
    public <T> DataFetcherResult<Paging.Connection<T>> connection(DataFetchingEnvironment env, String typeName) {
        Paging.Request page = Paging.Request.of(env);
        return answer(env, fetchAhead -> root(env, "edges/node", typeName, page, fetchAhead), root -> {
            List<String> keys = new ArrayList<>();
            List<T> objects = new ArrayList<>();
            Long total = cypher.read(RequestInfo.deadline(env), root.statement(), root.parameters(), r -> {
                for (Value row : r.get("rows").values()) {
                    keys.add(row.get(0).asString());
                    @SuppressWarnings("unchecked")
                    T object = (T) root.plan().read(row.get(1));
                    objects.add(object);
                }
                return Rows.whole(r, "total");
            }).get(0);
            return root.plan().result(Paging.connection(page, keys, objects, total));
        });
    }

    /**
     * A root field that is one object of {@code typeName} found by key, answered by one statement written from the
     * root's definition, with the nested fields fetched ahead; {@code notFound} when the key names nothing.
     */
    public <T> DataFetcherResult<T> one(DataFetchingEnvironment env, String typeName,
            Supplier<ApiException> notFound) {
        return answer(env, fetchAhead -> root(env, null, typeName, null, fetchAhead), root -> {
            Value object = cypher.read(RequestInfo.deadline(env), root.statement(), root.parameters(),
                    r -> r.get("object")).get(0);
            if (object.isNull()) {
                throw notFound.get();
            }
            @SuppressWarnings("unchecked")
            T read = (T) root.plan().read(object);
            return root.plan().result(read);
        });
    }

    /**
     * Runs a root field's statement with its nested fields fetched ahead, or, when Neo4j refuses that statement and
     * the fallback is on, the statement of the root's own objects alone, its nested fields left to their loaders as
     * when nothing is fetched ahead. Neo4j 5.26's planner has refused statements written so, on index samples older
     * than the data (GraphSchema#afterLoad); the smaller statements answer the same. Only Neo4j's own refusal falls
     * back: a timeout or an outage (which the driver's exceptions become in Cypher) and an argument the definition
     * refuses are the answer, and a statement that fetched nothing ahead has nothing smaller to fall back to.
     *
     * @param rootOf the root's statement, with its nested fields fetched ahead or not
     * @param run    runs a root's statement and reads its answer
     */
    private <R> R answer(DataFetchingEnvironment env, Function<Boolean, Root> rootOf, Function<Root, R> run) {
        Root root = rootOf.apply(enabled);
        if (!fallback || !root.plan().fetchesAhead()) {
            return run.apply(root);
        }
        try {
            return run.apply(root);
        } catch (Neo4jException e) {
            fallbacks.increment();
            LOG.warn("prefetching statement of {} failed, answering it without fetching its nested fields ahead: {}",
                    env.getExecutionStepInfo().getPath(), e.getMessage());
            return run.apply(rootOf.apply(false));
        }
    }

    /** A root field's statement, its parameters, and the plan that reads its objects. */
    private record Root(String statement, Map<String, Object> parameters, Plan plan) {
    }

    /**
     * The statement of a root field as {@link #connection} and {@link #one} run it: the root's definition with the
     * plan's object in it, readable whole (FieldRegistryTest shows one).
     */
    private Root root(DataFetchingEnvironment env, String nodes, String typeName, Paging.Request page,
            boolean fetchAhead) {
        FieldRegistry.RootProjection projection = definitions.root(env.getField().getName());
        if (projection == null) {
            throw new IllegalStateException("no root definition for Query." + env.getField().getName());
        }
        Plan plan = plan(env, nodes, typeName, fetchAhead);
        Bindings bindings = plan.compiler.bindings;
        String variable = bindings.variable();
        Expression object = plan.object(variable);
        String statement = projection.statement(bindings.scope(null, variable, object),
                bindings.scope(null, bindings.variable(), null), env.getArguments(), page);
        return new Root(statement, bindings.parameters(), plan);
    }

    /**
     * Wraps a projected field's fetcher: the value a plan fetched for this field of this object, when there is
     * one, else the fetcher's own answer.
     */
    public static DataFetcher<Object> orElse(DataFetcher<?> fetcher) {
        return env -> {
            if (env.getLocalContext() instanceof Store store) {
                Map<Object, Object> values = store.values.get(pathWithoutIndices(env));
                if (values != null && values.containsKey(env.getSource())) {
                    return values.get(env.getSource());
                }
            }
            return fetcher.get(env);
        };
    }

    /**
     * The plan for the objects a root field returns.
     *
     * @param env        the root field's environment
     * @param nodes      where its objects are in its selection ({@code "edges/node"} for a connection, null for
     *                   the field itself)
     * @param typeName   their GraphQL object type
     * @param fetchAhead false: the objects alone, every nested field left to its loader
     */
    private Plan plan(DataFetchingEnvironment env, String nodes, String typeName, boolean fetchAhead) {
        TypeProjection type = definitions.type(typeName);
        if (type == null) {
            throw new IllegalStateException("no projection is defined for type " + typeName);
        }
        if (!fetchAhead) {
            return new Plan(env.getGraphQLSchema(), typeName, null, pathWithoutIndices(env));
        }
        if (nodes == null) {
            return new Plan(env.getGraphQLSchema(), typeName, env.getSelectionSet().getImmediateFields(),
                    pathWithoutIndices(env));
        }
        List<SelectedField> found = env.getSelectionSet().getFields(nodes);
        if (found.size() != 1) {
            // none selected, or several aliases of it: each alias could ask for different arguments below
            return new Plan(env.getGraphQLSchema(), typeName, null, pathWithoutIndices(env));
        }
        SelectedField node = found.get(0);
        return new Plan(env.getGraphQLSchema(), typeName, node.getSelectionSet().getImmediateFields(),
                resultKeys(node));
    }

    /** What one statement fetched ahead, by field path (list indices left out) and by the object it belongs to. */
    static final class Store {
        private final Map<String, Map<Object, Object>> values = new HashMap<>();

        void put(String path, Object source, Object value) {
            values.computeIfAbsent(path, p -> new IdentityHashMap<>()).put(source, value);
        }
    }

    /** A selection to compile into the root statement: its Cypher, its parameters, and the reader of its rows. */
    final class Plan {
        private final Compiler compiler;
        private final String typeName;
        private final List<SelectedField> selection;
        private final String path;
        private final Store store = new Store();
        private Compiled root;

        private Plan(GraphQLSchema schema, String typeName, List<SelectedField> selection, String path) {
            this.compiler = new Compiler(schema);
            this.typeName = typeName;
            this.selection = selection;
            this.path = path;
        }

        /**
         * The map expression the root statement returns for each object it binds to {@code variable}; call it
         * once, before {@link #parameters()}.
         */
        Expression object(String variable) {
            if (selection == null) {
                // the nodes are selected under several aliases: no field is fetched ahead, and the records are built
                // from the whole node, since any of its properties may be asked for
                TypeProjection type = definitions.type(typeName);
                root = new Compiled(List.of(new CompiledType(typeName, type, List.of())),
                        Cypher.mapOf("n", Cypher.name(variable)));
            } else {
                root = compiler.compile(selection, List.of(typeName), path, variable, Set.of());
            }
            return root.expression();
        }

        /** Whether the root's statement fetches some of its nested fields (or picks some of its scalars). */
        boolean fetchesAhead() {
            return selection != null;
        }

        /** The plan's parameters, to add to the root statement's own. */
        Map<String, Object> parameters() {
            return compiler.bindings.parameters();
        }

        /** Builds the record of one row of {@link #object} and keeps what was fetched ahead for its fields. */
        Object read(Value value) {
            return root.read(value, store);
        }

        /** The root field's answer, with the fetched values handed down to the nested fields. */
        <T> DataFetcherResult<T> result(T data) {
            return DataFetcherResult.<T>newResult().data(data).localContext(store).build();
        }
    }

    /** One field fetched ahead: where it is read from and where its value goes. */
    private record CompiledField(String key, String path, boolean list, Compiled child) {
    }

    /** The fields fetched ahead for one concrete type. */
    private record CompiledType(String name, TypeProjection projection, List<CompiledField> fields) {
    }

    /** An object of one of {@code types}: its Cypher map expression and how to read it back. */
    private record Compiled(List<CompiledType> types, Expression expression) {

        Object read(Value value, Store store) {
            if (value == null || value.isNull()) {
                return null;
            }
            CompiledType type = types.size() == 1 ? types.get(0) : byName(value.get("t").asString());
            Object record = type.projection().read().apply(value.get("n"));
            for (CompiledField field : type.fields()) {
                Value fetched = value.get(field.key());
                Object read = field.list()
                        ? fetched.asList(v -> field.child().read(v, store))
                        : field.child().read(fetched, store);
                store.put(field.path(), record, read);
            }
            return record;
        }

        private CompiledType byName(String name) {
            return types.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a prefetched object of unexpected type " + name));
        }
    }

    /** Walks a selection set and writes the Cypher for the fields that have a projection. */
    private final class Compiler {
        private final GraphQLSchema schema;
        private final Bindings bindings = new Bindings("prefetched", "prefetch");

        Compiler(GraphQLSchema schema) {
            this.schema = schema;
        }

        /**
         * The object bound to {@code variable}, one of {@code typeNames}; null when one of those types has no
         * projection (the field is then left to its fetcher).
         */
        Compiled compile(List<SelectedField> selection, List<String> typeNames, String path, String variable,
                Set<String> above) {
            List<CompiledType> compiled = new ArrayList<>();
            List<Expression> maps = new ArrayList<>();
            for (String typeName : typeNames) {
                TypeProjection type = definitions.type(typeName);
                if (type == null) {
                    return null;
                }
                List<CompiledField> compiledFields = new ArrayList<>();
                List<Object> map = new ArrayList<>();
                if (typeNames.size() > 1) {
                    map.add("t");
                    map.add(Cypher.literalOf(typeName));
                }
                Set<String> selected = new HashSet<>();
                // scalar fields only: an object field is no property (and a list of scalars is one)
                selection.stream().filter(f -> f.getObjectTypeNames().contains(typeName))
                        .filter(f -> !(GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLFieldsContainer))
                        .forEach(f -> selected.add(f.getName()));
                map.add("n");
                map.add(Cypher.raw(type.row().apply(variable, selected)));
                for (SelectedField field : selection) {
                    String name = typeName + "." + field.getName();
                    FieldProjection projection = definitions.field(typeName, field.getName());
                    // A field already fetched above on this path (a mission's contributions, their missions, their
                    // contributions...) is left to its loader: a statement would repeat the same rows once per path
                    // and grow with the product of the levels, where the loader fetches each key once.
                    if (projection == null || !field.getObjectTypeNames().contains(typeName) || above.contains(name)) {
                        continue;
                    }
                    String fieldPath = path + "/" + field.getResultKey();
                    String child = bindings.variable();
                    Set<String> onPath = new HashSet<>(above);
                    onPath.add(name);
                    Compiled childObject = compile(field.getSelectionSet().getImmediateFields(),
                            concreteTypes(schema, field.getType()), fieldPath, child, onPath);
                    if (childObject == null) {
                        continue;
                    }
                    Expression expression;
                    try {
                        Scope scope = bindings.scope(variable, child, childObject.expression());
                        expression = Composed.fragment(projection.expression(scope, field.getArguments()),
                                childObject.expression());
                    } catch (ApiException refused) {
                        continue;
                    }
                    String key = "f" + compiledFields.size();
                    map.add(key);
                    map.add(expression);
                    compiledFields.add(new CompiledField(key, fieldPath,
                            GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType())), childObject));
                }
                compiled.add(new CompiledType(typeName, type, compiledFields));
                maps.add(Cypher.mapOf(map.toArray()));
            }
            if (compiled.size() == 1) {
                return new Compiled(compiled, maps.get(0));
            }
            Case cases = Cypher.caseExpression();
            for (int i = 0; i < compiled.size(); i++) {
                cases = cases.when(Cypher.raw(compiled.get(i).projection().test().apply(variable)).asCondition())
                        .then(maps.get(i));
            }
            return new Compiled(compiled, cases);
        }
    }

    /**
     * The parameters and generated variables of one statement being written, and the {@link Scope}s its projections
     * get. Every variable is generated, so no two meet: the features name theirs through their scope only.
     */
    static final class Bindings {
        private final String variablePrefix;
        private final String parameterPrefix;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private int variables;

        Bindings(String variablePrefix, String parameterPrefix) {
            this.variablePrefix = variablePrefix;
            this.parameterPrefix = parameterPrefix;
        }

        String variable() {
            return variablePrefix + variables++;
        }

        Map<String, Object> parameters() {
            return parameters;
        }

        /** A scope whose child's object is {@code object} (null where there is none, as for a count). */
        Scope scope(String parent, String child, Expression object) {
            return new Scope() {
                @Override
                public String parent() {
                    return parent;
                }

                @Override
                public String child() {
                    return child;
                }

                @Override
                public String object() {
                    return Composed.OBJECT;
                }

                @Override
                public Expression objectExpression() {
                    return object;
                }

                @Override
                public String parameter(Object value) {
                    String name = parameterPrefix + parameters.size();
                    parameters.put(name, value);
                    return "$" + name;
                }

                @Override
                public String variable() {
                    return Bindings.this.variable();
                }
            };
        }
    }

    /** The object types a field's values can have: its own, or those of its interface or union. */
    static List<String> concreteTypes(GraphQLSchema schema, GraphQLOutputType fieldType) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(fieldType);
        if (type instanceof GraphQLObjectType object) {
            return List.of(object.getName());
        }
        return schema.getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType)
                .map(t -> (GraphQLObjectType) t)
                .filter(t -> schema.isPossibleType((GraphQLNamedOutputType) type, t))
                .map(GraphQLObjectType::getName)
                .toList();
    }

    private static String pathWithoutIndices(DataFetchingEnvironment env) {
        return String.join("/", env.getExecutionStepInfo().getPath().getKeysOnly());
    }

    /**
     * The path of {@code field} by result keys (aliases where given), list indices left out: a selected field's
     * parents go up to the operation's root field, as {@link #pathWithoutIndices} does.
     */
    private static String resultKeys(SelectedField field) {
        List<String> keys = new ArrayList<>();
        for (SelectedField f = field; f != null; f = f.getParentField()) {
            keys.add(0, f.getResultKey());
        }
        return String.join("/", keys);
    }
}
