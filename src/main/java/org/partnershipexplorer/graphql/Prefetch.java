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
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neo4j.driver.Value;

/**
 * Fetches a request's nested fields inside the statement of the field that reaches them: a root field (a page of
 * countries) asks for a {@link Plan}, puts {@link Plan#object} in its own Cypher and reads each row with
 * {@link Plan#read}; the nested fields then resolve from what that one statement returned instead of one batch
 * statement per level. The README's nested query (countries, what they train, the programme and the trainee, the
 * trainee's contributions, their missions and hosts) costs one statement this way instead of seven.
 *
 * <p>Only fields a feature has defined a projection for are fetched ahead ({@link Projections}); any other field in
 * the selection, and everything below it, resolves through its own fetcher and DataLoaders as before, so a plan
 * never changes an answer, only how many statements it takes. A projected field's fetcher is wrapped with
 * {@link #orElse}: it answers from the plan's {@link Store} when the value is there and falls back to its loader
 * otherwise.
 *
 * <p>The Cypher of a plan is assembled from the features' fixed fragments; every argument value is a parameter,
 * and map keys are positional ({@code f0}, {@code f1}), never a client's alias. Each distinct selection is a
 * distinct statement text: Neo4j plans it on first use and takes it from its query cache after, so the first
 * request of a new shape pays for planning (tens of milliseconds) and the ones after it do not.
 */
@Singleton
public final class Prefetch {

    /**
     * How the records of one GraphQL object type are fetched.
     *
     * @param test the Cypher predicate that tells this type apart from the others of an interface ({@code v:Country})
     * @param row  the Cypher expression, over the variable and the names of the fields the request selects on the
     *             type, that carries what {@code read} needs for them (see {@link #properties})
     * @param read builds the record from that expression's value
     */
    public record TypeProjection(Function<String, String> test, BiFunction<String, Set<String>, String> row,
            Function<Value, Object> read) {
    }

    /**
     * A map projection of the node or relationship {@code variable}: the properties named like the selected
     * fields, and {@code always} (keys, and what a record cannot be built without). Reading only these, rather than
     * the whole entity, spares the database and the driver every unselected property (a source text on each row).
     * A selected field that is no property (a nested object, a computed value) projects as null and is not read.
     */
    public static String properties(String variable, Set<String> selected, String... always) {
        Set<String> names = new TreeSet<>(selected);
        names.addAll(List.of(always));
        StringBuilder projection = new StringBuilder(variable).append(" {");
        String separator = "";
        for (String name : names) {
            // schema field names (never a client's alias), which GraphQL restricts to letters, digits and _
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !name.startsWith("__")) {
                projection.append(separator).append('.').append(name);
                separator = ", ";
            }
        }
        return projection.append('}').toString();
    }

    /** How one field's value is fetched inside its parent's statement. */
    @FunctionalInterface
    public interface FieldProjection {

        /**
         * The Cypher expression of the field's value for the parent bound to {@link Scope#parent()}: a list for a
         * list field ({@code COLLECT { ... RETURN <object> }}), one object or null otherwise, built with
         * {@link Scope#object()} for the child bound to {@link Scope#child()}.
         *
         * @throws ApiException for arguments the field's own fetcher refuses: the field is then left to that
         *                      fetcher, which reports the error at the field's path
         */
        String expression(Scope scope, Map<String, Object> arguments);
    }

    /** The variables and parameters one field's projection works with. */
    public interface Scope {

        /** The variable the parent is bound to. */
        String parent();

        /** A variable of the field's own, for the child it binds. */
        String child();

        /** The map expression of the child bound to {@link #child()}: what the plan reads back. */
        String object();

        /** Binds a value as a statement parameter and returns its name ({@code $p3}). */
        String parameter(Object value);

        /** Another variable of the field's own, for a pattern element besides the child. */
        String variable();
    }

    /**
     * How a root field's objects are found, for {@link Translator}: {@code objects} gives, for a connection, the
     * list of rows {@code [key, Scope#object()]} of the page ({@code first + 1} of them, after the cursor, in key
     * order) and for a single object the object or null; {@code count}, for a connection only, the number of
     * objects matching the filters.
     */
    public record RootProjection(RootObjects objects, FieldProjection count) {

        public boolean connection() {
            return count != null;
        }

        /**
         * A connection over the nodes labelled {@code label} in {@code key} order, as the repositories' keyset
         * pages read them: the page walks the key's index from the cursor; {@code filters} gives the conditions of
         * the arguments that are set, over the scope's child (and throws ApiException for one its fetcher refuses).
         */
        public static RootProjection keyset(String label, String key,
                BiFunction<Scope, Map<String, Object>, List<String>> filters) {
            return new RootProjection((s, arguments, page) -> """
                    COLLECT { MATCH (%1$s:%2$s) WHERE %1$s.%3$s > %4$s%5$s
                      WITH %1$s ORDER BY %1$s.%3$s LIMIT %6$s
                      RETURN [%1$s.%3$s, %7$s] }\
                    """.formatted(s.child(), label, key, s.parameter(page.afterKey() == null ? "" : page.afterKey()),
                    filters.apply(s, arguments).stream().map(f -> " AND " + f).reduce("", String::concat),
                    s.parameter(page.limit()), s.object()),
                    (s, arguments) -> {
                        List<String> given = filters.apply(s, arguments);
                        return "COUNT { MATCH (%s:%s)%s }".formatted(s.child(), label,
                                given.isEmpty() ? "" : " WHERE " + String.join(" AND ", given));
                    });
        }

        /** The node labelled {@code label} whose {@code key} is the argument {@code argument}, or null. */
        public static RootProjection byKey(String label, String key, String argument) {
            return new RootProjection((s, arguments, page) -> "COLLECT { MATCH (%s:%s {%s: %s}) RETURN %s }[0]"
                    .formatted(s.child(), label, key, s.parameter(arguments.get(argument)), s.object()), null);
        }
    }

    /** The Cypher expression of a root field's objects (see {@link RootProjection}). */
    @FunctionalInterface
    public interface RootObjects {

        /**
         * @param page a connection's {@code first} and {@code after}, read and checked; null for a single object
         * @throws ApiException for arguments the root's fetcher refuses: the request then runs field by field,
         *                      and the fetcher reports the error
         */
        String expression(Scope scope, Map<String, Object> arguments, Paging.Request page);
    }

    /** What the features define ({@link Projections}). */
    public interface Definitions {

        void type(String typeName, TypeProjection projection);

        void field(String typeName, String fieldName, FieldProjection projection);

        /**
         * A field whose value is one Cypher expression over the object's variable, already as the response shows
         * it: an enum's name, a computed id ({@link Translator}).
         */
        void scalar(String typeName, String fieldName, Function<String, String> expression);

        /** Scalars that are the object's properties of the same names. */
        default void properties(String typeName, String... names) {
            for (String name : names) {
                scalar(typeName, name, v -> v + "." + name);
            }
        }

        /** {@code confidence} (stored in lower case, answered as the enum) and {@code source}. */
        default void provenance(String typeName) {
            scalar(typeName, "confidence", v -> "toUpper(" + v + ".confidence)");
            properties(typeName, "source");
        }

        void root(String fieldName, RootProjection projection);
    }

    private final Map<String, TypeProjection> types = new HashMap<>();
    private final Map<String, FieldProjection> fields = new HashMap<>();
    private final Map<String, Function<String, String>> scalars = new HashMap<>();
    private final Map<String, RootProjection> roots = new HashMap<>();

    Prefetch(List<Projections> projections) {
        Definitions definitions = new Definitions() {
            @Override
            public void type(String typeName, TypeProjection projection) {
                types.put(typeName, projection);
            }

            @Override
            public void field(String typeName, String fieldName, FieldProjection projection) {
                fields.put(typeName + "." + fieldName, projection);
            }

            @Override
            public void scalar(String typeName, String fieldName, Function<String, String> expression) {
                scalars.put(typeName + "." + fieldName, expression);
            }

            @Override
            public void root(String fieldName, RootProjection projection) {
                roots.put(fieldName, projection);
            }
        };
        projections.forEach(p -> p.define(definitions));
    }

    TypeProjection type(String typeName) {
        return types.get(typeName);
    }

    FieldProjection field(String typeName, String fieldName) {
        return fields.get(typeName + "." + fieldName);
    }

    Function<String, String> scalar(String typeName, String fieldName) {
        return scalars.get(typeName + "." + fieldName);
    }

    RootProjection root(String fieldName) {
        return roots.get(fieldName);
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
     * @param env      the root field's environment
     * @param nodes    where its objects are in its selection ({@code "edges/node"} for a connection, null for the
     *                 field itself)
     * @param typeName their GraphQL object type
     */
    public Plan plan(DataFetchingEnvironment env, String nodes, String typeName) {
        TypeProjection type = types.get(typeName);
        if (type == null) {
            throw new IllegalStateException("no projection is defined for type " + typeName);
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
    public final class Plan {
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
        public String object(String variable) {
            if (selection == null) {
                // the nodes are selected under several aliases: no field is fetched ahead, and the records are built
                // from the whole node, since any of its properties may be asked for
                TypeProjection type = types.get(typeName);
                root = new Compiled(List.of(new CompiledType(typeName, type, List.of())), "{n: " + variable + "}");
            } else {
                root = compiler.compile(selection, List.of(typeName), path, variable, Set.of());
            }
            return root.expression();
        }

        /** The plan's parameters, to add to the root statement's own. */
        public Map<String, Object> parameters() {
            return compiler.bindings.parameters();
        }

        /** Builds the record of one row of {@link #object} and keeps what was fetched ahead for its fields. */
        public Object read(Value value) {
            return root.read(value, store);
        }

        /** The root field's answer, with the fetched values handed down to the nested fields. */
        public <T> DataFetcherResult<T> result(T data) {
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
    private record Compiled(List<CompiledType> types, String expression) {

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
            List<String> maps = new ArrayList<>();
            for (String typeName : typeNames) {
                TypeProjection type = types.get(typeName);
                if (type == null) {
                    return null;
                }
                List<CompiledField> compiledFields = new ArrayList<>();
                StringBuilder map = new StringBuilder("{");
                if (typeNames.size() > 1) {
                    map.append("t: '").append(typeName).append("', ");
                }
                Set<String> selected = new HashSet<>();
                // scalar fields only: an object field is no property (and a list of scalars is one)
                selection.stream().filter(f -> f.getObjectTypeNames().contains(typeName))
                        .filter(f -> !(GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLFieldsContainer))
                        .forEach(f -> selected.add(f.getName()));
                map.append("n: ").append(type.row().apply(variable, selected));
                for (SelectedField field : selection) {
                    String name = typeName + "." + field.getName();
                    FieldProjection projection = fields.get(name);
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
                    String expression;
                    try {
                        expression = projection.expression(bindings.scope(variable, child, childObject.expression()),
                                field.getArguments());
                    } catch (ApiException refused) {
                        continue;
                    }
                    String key = "f" + compiledFields.size();
                    map.append(", ").append(key).append(": ").append(expression);
                    compiledFields.add(new CompiledField(key, fieldPath,
                            GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType())), childObject));
                }
                compiled.add(new CompiledType(typeName, type, compiledFields));
                maps.add(map.append("}").toString());
            }
            if (compiled.size() == 1) {
                return new Compiled(compiled, maps.get(0));
            }
            StringBuilder cases = new StringBuilder("CASE");
            for (int i = 0; i < compiled.size(); i++) {
                cases.append(" WHEN ").append(compiled.get(i).projection().test().apply(variable))
                        .append(" THEN ").append(maps.get(i));
            }
            return new Compiled(compiled, cases.append(" END").toString());
        }
    }

    /**
     * The parameters and generated variables of one statement being written, and the {@link Scope}s its projections
     * get. Generated names cannot meet a root statement's own ({@code c}, {@code m}, {@code r}): those never end in
     * a digit.
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

        Scope scope(String parent, String child, String object) {
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
