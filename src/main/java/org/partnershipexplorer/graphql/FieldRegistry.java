package org.partnershipexplorer.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.CountExpression;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.driver.Value;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * Every field's meaning, written once: what the features define in their {@link Projections}, and what all three
 * ways of answering a query read. {@link Translator} writes a whole query as one statement from these definitions;
 * {@link Prefetch} writes the nested fields below a root field into the root's statement; {@link FieldLoaders}
 * writes the batch statement of a DataLoader (the parents' keys unwound, then the same expression), for a field
 * asked where neither of the others reaches. A field is defined by the Cypher expression of its value over its
 * parent, and by the arguments that expression handles.
 *
 * <p>At start ({@link #verify}) the definitions are held against the schema: a defined field must handle exactly
 * the arguments the schema gives it, and every field of a type with a projection is either defined or marked as
 * answered field by field on purpose, with the reason. So a new argument cannot be ignored on one path unnoticed:
 * the service does not start.
 */
@Singleton
public final class FieldRegistry {

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

        /**
         * Where the map expression of the child bound to {@link #child()} (what the plan reads back) goes in a
         * fragment: the statement's composition puts {@link #objectExpression()} there.
         */
        String object();

        /** The child's object as the statement composes it (Cypher-DSL); null where there is none. */
        Expression objectExpression();

        /** Binds a value as a statement parameter and returns its name ({@code $p3}). */
        String parameter(Object value);

        /** Another variable of the field's own, for a pattern element besides the child. */
        String variable();

        /**
         * The Cypher fragment {@code template} with its named placeholders filled ({@link CypherTemplate}):
         * {@code ${parent}}, {@code ${child}} and {@code ${object}} from this scope, any other name from the pairs
         * that follow ({@code "filter", parameter(...)}).
         */
        default String cypher(String template, String... namesAndValues) {
            Map<String, String> values = CypherTemplate.pairs(namesAndValues);
            values.putIfAbsent("parent", parent());
            values.putIfAbsent("child", child());
            values.putIfAbsent("object", object());
            return CypherTemplate.fill(template, values);
        }
    }

    /**
     * How a root field's objects are found, for {@link Translator}: {@code objects} gives, for a connection, the
     * list of rows {@code [key, Scope#object()]} of the page ({@code first + 1} of them, after the cursor, in key
     * order) and for a single object the object or null; {@code count}, for a connection only, the number of
     * objects matching the filters.
     */
    public record RootProjection(RootObjects objects, RootCount count, RootMatch match, RootPage page) {

        /** A root without a pattern or a page of its own ({@link #match} and {@link #page} null). */
        public RootProjection(RootObjects objects, RootCount count) {
            this(objects, count, null, null);
        }

        public boolean connection() {
            return count != null;
        }

        /**
         * A connection over the nodes labelled {@code label} in {@code key} order, as the repositories' keyset
         * pages read them: the page walks the key's index from the cursor; {@code filters} gives the conditions of
         * the arguments that are set, over the scope's child (and throws ApiException for one its fetcher refuses).
         *
         * <p>A first page with filters has no condition on the key: the filters' own index finds the few nodes
         * they keep (the filtered labels are countries, organisations and missions, hundreds of nodes at most) and
         * Neo4j sorts them, where a key condition with nothing to skip only gives the planner a second index to
         * weigh: a new filtered shape's statement took Neo4j 79 ms instead of 113 to plan and run (bench/README.md,
         * "The filtered first page"). An unfiltered first page keeps the condition, which lets Neo4j walk the key's
         * index in order instead of sorting the whole label; a later page keeps it as its cursor.
         */
        public static RootProjection keyset(String label, String key,
                BiFunction<Scope, Map<String, Object>, List<String>> filters) {
            RootPage rows = (s, arguments, page) -> {
                Node node = Cypher.node(label).named(s.child());
                // a later page numbers its parameters as before, the cursor's first
                Expression after = page.afterKey() == null ? null : Composed.parameter(s.parameter(page.afterKey()));
                List<String> given = filters.apply(s, arguments);
                Condition where = allOf(after != null ? node.property(key).gt(after)
                        : given.isEmpty() ? node.property(key).gt(Composed.parameter(s.parameter("")))
                        : Cypher.noCondition(), given);
                return new PageRows(Cypher.match(node).where(where)
                        .with(node).orderBy(node.property(key).ascending())
                        .limit(Composed.parameter(s.parameter(page.limit()))),
                        node.property(key), Cypher.listOf(node.property(key), s.objectExpression()));
            };
            RootObjects objects = (s, arguments, page) -> {
                PageRows read = rows.rows(s, arguments, page);
                return Cypher.collect(read.reading().returning(read.row()).build());
            };
            RootCount count = (s, arguments) -> {
                List<String> given = filters.apply(s, arguments);
                CountExpression all = Cypher.count((PatternElement) Cypher.node(label).named(s.child()));
                return given.isEmpty() ? all : all.where(allOf(Cypher.noCondition(), given));
            };
            return new RootProjection(objects, count, null, rows);
        }

        /** {@code first} and each of the filters' conditions; {@code noCondition() AND c} renders as {@code c}. */
        private static Condition allOf(Condition first, List<String> filters) {
            Condition where = first;
            for (String filter : filters) {
                where = where.and(Cypher.raw(filter).asCondition());
            }
            return where;
        }

        /** The node labelled {@code label} whose {@code key} is the argument {@code argument}, or null. */
        public static RootProjection byKey(String label, String key, String argument) {
            RootMatch match = (s, arguments) -> Cypher.node(label).named(s.child())
                    .withProperties(key, Composed.parameter(s.parameter(arguments.get(argument))));
            return new RootProjection((s, arguments, page) -> Cypher.valueAt(Cypher.collect(Cypher.match(
                    match.pattern(s, arguments)).returning(s.objectExpression()).build()), 0), null, match, null);
        }

        /**
         * The whole statement that answers this root field alone, as {@link Prefetch} runs it: for a connection
         * the rows of the page ({@code [key, object]}, {@code first + 1} of them) as {@code rows} and the number
         * of matching objects as {@code total} (null unless {@code page.withTotal()}); for a single object the
         * object or null as {@code object}. The objects are {@code scope.objectExpression()} for the scope's child,
         * and {@code count} gets a scope of its own. {@link Translator} writes the same expressions into its
         * statement, one root beside the other.
         */
        public String statement(Scope scope, Scope count, Map<String, Object> arguments, Paging.Request page) {
            Expression objects = objects().expression(scope, arguments, page);
            if (!connection()) {
                return Composed.render(Cypher.returning(objects.as("object")).build());
            }
            Expression total = page.withTotal() ? count().expression(count, arguments) : Cypher.literalNull();
            return Composed.render(Cypher.returning(objects.as("rows"), total.as("total")).build());
        }
    }

    /** The number of objects a connection's filters match (see {@link RootProjection}). */
    @FunctionalInterface
    public interface RootCount {

        Expression expression(Scope scope, Map<String, Object> arguments);
    }

    /**
     * The pattern that binds a single object's root to the scope's child, for a query that asks for that root alone:
     * {@link Translator} then writes a plain {@code MATCH}, which Neo4j plans quicker on a query's first call than the
     * same pattern in a subquery; no row is no object.
     */
    @FunctionalInterface
    public interface RootMatch {

        PatternElement pattern(Scope scope, Map<String, Object> arguments);
    }

    /**
     * A connection's page as the reading part of a statement, for a query that asks for that root alone:
     * {@link Translator} then writes the page's own {@code MATCH ... LIMIT} and collects its rows, which Neo4j plans
     * quicker on a query's first call than the same reading in a {@code COLLECT} subquery (a filtered page: 63 against
     * 75 ms, bench/README.md, "The planner warmed"). It allocates its parameters in the order {@link RootObjects}
     * does, so both forms of a page number them alike.
     */
    @FunctionalInterface
    public interface RootPage {

        PageRows rows(Scope scope, Map<String, Object> arguments, Paging.Request page);
    }

    /**
     * A page's reading, ending in its {@code ORDER BY} and {@code LIMIT}; the key of one of its rows (what its cursor
     * encodes), and the row {@code [key, Scope#object()]}.
     */
    public record PageRows(StatementBuilder.OngoingReadingAndWith reading, Expression key, Expression row) {
    }

    /** The Cypher expression of a root field's objects (see {@link RootProjection}). */
    @FunctionalInterface
    public interface RootObjects {

        /**
         * @param page a connection's {@code first} and {@code after}, read and checked; null for a single object
         * @throws ApiException for arguments the root's fetcher refuses: the request then runs field by field,
         *                      and the fetcher reports the error
         */
        Expression expression(Scope scope, Map<String, Object> arguments, Paging.Request page);
    }

    /**
     * How a stored parent is found again from its record, for a DataLoader's batch statement: {@code match} is a
     * pattern that binds the parent to {@link #PARENT} from the unwound {@link #KEY}, which is {@code of} the record
     * (a country's iso3, a training's id).
     */
    public record Key(PatternElement match, Function<Object, Object> of) {

        /** The parent a batch statement finds again. */
        public static final SymbolicName PARENT = Cypher.name("p");
        /** One parent's key, unwound from the batch's list. */
        public static final SymbolicName KEY = Cypher.name("key");
    }

    /** One field: the expression of its value, and the names of the arguments that expression reads. */
    public record FieldDefinition(String typeName, String fieldName, FieldProjection projection,
            Set<String> arguments) {
    }

    /** A root field: how its objects are found, and the arguments it reads besides a connection's paging. */
    public record RootDefinition(String fieldName, RootProjection projection, Set<String> arguments) {
    }

    /** What the features define ({@link Projections}). */
    /** Which end of the parent relationship an endpoint field is (see {@link Definitions#endpoint(String, String, End)}). */
    public enum End {
        START("startNode"), END("endNode");

        private final String function;

        End(String function) {
            this.function = function;
        }
    }

    public interface Definitions {

        void type(String typeName, TypeProjection projection);

        /**
         * How a record of {@code typeName} is found again (a pattern binding {@link Key#PARENT} from
         * {@link Key#KEY}): makes its defined fields loadable in batches.
         */
        void key(String typeName, PatternElement match, Function<Object, Object> of);

        /** A node found by one property: {@code (p:Label {property: key})}. */
        default void key(String typeName, String label, String property, Function<Object, Object> of) {
            key(typeName, Cypher.node(label).named(Key.PARENT).withProperties(property, Key.KEY), of);
        }

        /** A relationship found by its stable id: {@code ()-[p:TYPE {id: key}]->()}. */
        default void relationshipKey(String typeName, String relationshipType, Function<Object, Object> id) {
            key(typeName, Cypher.anyNode().relationshipTo(Cypher.anyNode(), relationshipType).named(Key.PARENT)
                    .withProperties("id", Key.KEY), id);
        }

        /** A nested field and the arguments its projection reads (every one the schema gives it). */
        void field(String typeName, String fieldName, FieldProjection projection, String... arguments);

        /**
         * A single object that the parent's record names by key (a training's trainee, a contribution's mission):
         * defined for translation and fetching ahead like any field, but resolved field by field by its feature
         * through the by-key loader of the type it leads to, which every field leading there shares (one statement
         * a level for all of them), rather than by a loader of its own.
         */
        void endpoint(String typeName, String fieldName, FieldProjection projection);

        /**
         * An endpoint that is the parent relationship's own start or end node (a contribution's country, a
         * training's trainee), written as a list comprehension over that one node: Neo4j plans it as an expression,
         * where a {@code COLLECT} subquery is one more plan to build on a query shape's first call (about a fifth of
         * the missions question's planning time).
         */
        default void endpoint(String typeName, String fieldName, End end) {
            endpoint(typeName, fieldName,
                    (s, args) -> s.cypher("[${child} IN [${end}(${parent})] | ${object}][0]", "end", end.function));
        }

        /**
         * A field answered only by its generated loader, never written into a larger statement: Neo4j 5.26's planner
         * refuses some statements that nest it (insertCachedProperties), so a query that selects it runs field by
         * field and the field costs one batch statement a level.
         */
        void loaded(String typeName, String fieldName, FieldProjection projection);

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

        /**
         * A relationship's {@code id}: the stable id stored on it. One written without it (by hand, outside the
         * service) reads null where the schema promises an {@code ID!}, so its query runs field by field and the
         * feature's record makes the id from the key; the same fallback written into the statement cost every first
         * call of a list more planning.
         */
        default void relationshipId(String typeName) {
            properties(typeName, "id");
        }

        /** {@code confidence} (stored in lower case, answered as the enum) and {@code source}. */
        default void provenance(String typeName) {
            scalar(typeName, "confidence", v -> "toUpper(" + v + ".confidence)");
            properties(typeName, "source");
        }

        /** A root field and the arguments it reads besides a connection's {@code first} and {@code after}. */
        void root(String fieldName, RootProjection projection, String... arguments);

        /**
         * A field of a projected type that has no definition on purpose and is answered by its own fetcher: an
         * analysis computed in memory, a list with its own paging. A query that selects it runs field by field.
         */
        void fieldByField(String typeName, String fieldName, String reason);
    }

    private final Map<String, TypeProjection> types = new HashMap<>();
    private final Map<String, Key> keys = new HashMap<>();
    private final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    private final Map<String, Function<String, String>> scalars = new HashMap<>();
    private final Map<String, RootDefinition> roots = new HashMap<>();
    private final Map<String, String> fieldByField = new HashMap<>();
    private final Set<String> endpoints = new java.util.HashSet<>();
    private final Set<String> loadedOnly = new java.util.HashSet<>();

    FieldRegistry(List<Projections> projections) {
        Definitions definitions = new Definitions() {
            @Override
            public void type(String typeName, TypeProjection projection) {
                put(types, typeName, projection);
            }

            @Override
            public void key(String typeName, PatternElement match, Function<Object, Object> of) {
                put(keys, typeName, new Key(match, of));
            }

            @Override
            public void field(String typeName, String fieldName, FieldProjection projection, String... arguments) {
                put(fields, typeName + "." + fieldName,
                        new FieldDefinition(typeName, fieldName, projection, Set.of(arguments)));
            }

            @Override
            public void loaded(String typeName, String fieldName, FieldProjection projection) {
                field(typeName, fieldName, projection);
                loadedOnly.add(typeName + "." + fieldName);
            }

            @Override
            public void endpoint(String typeName, String fieldName, FieldProjection projection) {
                field(typeName, fieldName, projection);
                endpoints.add(typeName + "." + fieldName);
            }

            @Override
            public void scalar(String typeName, String fieldName, Function<String, String> expression) {
                put(scalars, typeName + "." + fieldName, expression);
            }

            @Override
            public void root(String fieldName, RootProjection projection, String... arguments) {
                put(roots, fieldName, new RootDefinition(fieldName, projection, Set.of(arguments)));
            }

            @Override
            public void fieldByField(String typeName, String fieldName, String reason) {
                put(FieldRegistry.this.fieldByField, typeName + "." + fieldName, reason);
            }
        };
        projections.forEach(p -> p.define(definitions));
    }

    /** One definition per name: a second one is a mistake, not an override. */
    private static <V> void put(Map<String, V> map, String name, V value) {
        if (map.putIfAbsent(name, value) != null) {
            throw new IllegalStateException(name + " is defined twice");
        }
    }

    TypeProjection type(String typeName) {
        return types.get(typeName);
    }

    Key key(String typeName) {
        return keys.get(typeName);
    }

    /** The projection Translator and Prefetch write into their statements; null for a field they leave alone. */
    FieldProjection field(String typeName, String fieldName) {
        FieldDefinition definition = fields.get(typeName + "." + fieldName);
        return definition == null || loadedOnly.contains(typeName + "." + fieldName) ? null : definition.projection();
    }

    Function<String, String> scalar(String typeName, String fieldName) {
        return scalars.get(typeName + "." + fieldName);
    }

    RootProjection root(String fieldName) {
        RootDefinition definition = roots.get(fieldName);
        return definition == null ? null : definition.projection();
    }

    /** The names of the scalars defined on a type: what a record of it may be asked for. */
    Set<String> scalarNames(String typeName) {
        Set<String> names = new TreeSet<>();
        scalars.keySet().stream().filter(n -> n.startsWith(typeName + "."))
                .forEach(n -> names.add(n.substring(typeName.length() + 1)));
        return names;
    }

    /** The defined nested fields, in the order the features defined them. */
    List<FieldDefinition> fields() {
        return List.copyOf(fields.values());
    }

    /** Whether a field is an endpoint its feature resolves by key (see {@link Definitions#endpoint}). */
    boolean endpoint(FieldDefinition field) {
        return endpoints.contains(field.typeName() + "." + field.fieldName());
    }

    /**
     * What is wrong between the definitions and the schema, one line each; the service refuses to start on any
     * (see {@link GraphQLFactory}).
     */
    public List<String> problems(GraphQLSchema schema) {
        List<String> problems = new ArrayList<>();
        for (FieldDefinition field : fields.values()) {
            arguments(schema, field.typeName(), field.fieldName(), field.arguments(), false, problems);
        }
        for (RootDefinition root : roots.values()) {
            GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(root.fieldName());
            boolean connection = root.projection().connection();
            arguments(schema, schema.getQueryType().getName(), root.fieldName(), root.arguments(), connection,
                    problems);
            if (definition != null
                    && connection != GraphQLTypeUtil.unwrapAll(definition.getType()).getName().endsWith("Connection")) {
                problems.add("Query." + root.fieldName() + ": a connection in the schema and not in its definition,"
                        + " or the other way round");
            }
        }
        for (String name : scalars.keySet()) {
            String[] parts = name.split("\\.");
            GraphQLFieldDefinition definition = fieldOf(schema, parts[0], parts[1]);
            if (definition == null) {
                problems.add(name + ": defined as a scalar but not in the schema");
            } else if (!definition.getArguments().isEmpty()) {
                problems.add(name + ": a scalar definition handles no arguments, the schema gives "
                        + names(definition.getArguments()));
            }
        }
        for (String name : fieldByField.keySet()) {
            String[] parts = name.split("\\.");
            if (fieldOf(schema, parts[0], parts[1]) == null) {
                problems.add(name + ": marked as answered field by field but not in the schema");
            } else if (fields.containsKey(name) || scalars.containsKey(name)) {
                problems.add(name + ": both defined and marked as answered field by field");
            }
        }
        for (String typeName : new TreeSet<>(types.keySet())) {
            if (!(schema.getType(typeName) instanceof GraphQLObjectType type)) {
                problems.add(typeName + ": a projected type that is no object type of the schema");
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                String name = typeName + "." + field.getName();
                if (!fields.containsKey(name) && !scalars.containsKey(name) && !fieldByField.containsKey(name)) {
                    problems.add(name + ": neither defined nor marked as answered field by field");
                }
            }
        }
        for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
            String name = "Query." + field.getName();
            if (!roots.containsKey(field.getName()) && !fieldByField.containsKey(name)) {
                problems.add(name + ": neither defined nor marked as answered field by field");
            }
        }
        return problems;
    }

    private static void arguments(GraphQLSchema schema, String typeName, String fieldName, Set<String> handled,
            boolean connection, List<String> problems) {
        GraphQLFieldDefinition definition = fieldOf(schema, typeName, fieldName);
        if (definition == null) {
            problems.add(typeName + "." + fieldName + ": defined but not in the schema");
            return;
        }
        Set<String> given = new TreeSet<>();
        definition.getArguments().forEach(a -> given.add(a.getName()));
        if (connection) {
            given.removeAll(Set.of("first", "after"));
        }
        Set<String> unhandled = new TreeSet<>(given);
        unhandled.removeAll(handled);
        Set<String> unknown = new TreeSet<>(handled);
        unknown.removeAll(given);
        if (!unhandled.isEmpty()) {
            problems.add(typeName + "." + fieldName + ": its definition does not handle the argument(s) " + unhandled);
        }
        if (!unknown.isEmpty()) {
            problems.add(typeName + "." + fieldName + ": its definition handles argument(s) the schema does not give "
                    + unknown);
        }
    }

    private static GraphQLFieldDefinition fieldOf(GraphQLSchema schema, String typeName, String fieldName) {
        return schema.getType(typeName) instanceof GraphQLObjectType type ? type.getFieldDefinition(fieldName) : null;
    }

    private static String names(List<GraphQLArgument> arguments) {
        return arguments.stream().map(GraphQLArgument::getName).toList().toString();
    }
}
