package org.partnershipexplorer.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.neo4j.cypherdsl.core.Case;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.driver.Value;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.FieldRegistry.FieldDefinition;
import org.partnershipexplorer.graphql.FieldRegistry.Key;
import org.partnershipexplorer.graphql.FieldRegistry.TypeProjection;

/**
 * The DataLoaders of the defined fields, generated from their definitions: the batch statement of a field unwinds
 * its parents' keys, finds each parent again ({@link FieldRegistry.Key}) and returns the field's own expression for
 * it, the one {@link Prefetch} and {@link Translator} write. A level of a query that neither reaches (a field below
 * a list that repeats a field above it, a query with an untranslatable field beside it) costs one statement for all
 * its parents, and answers as they do because it is the same Cypher.
 *
 * <p>Fields whose parent is a relationship (an endpoint of a training, a contribution's mission) have no key to find
 * the parent by; their records hold the key of what they lead to, and their features resolve them through that
 * type's by-key loader.
 *
 * <p>These loaders are registered first ({@link RequestLoaders} dispatches in that order): a batch here answers at
 * once and queues the by-key loads of the level below (a training's trainee), so with the by-key loaders after
 * these, each is dispatched once with the level's whole batch.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class FieldLoaders implements GraphQLWiring, DataLoaders {

    private final FieldRegistry definitions;
    private final org.partnershipexplorer.neo4j.Cypher cypher;

    FieldLoaders(FieldRegistry definitions, org.partnershipexplorer.neo4j.Cypher cypher) {
        this.definitions = definitions;
        this.cypher = cypher;
    }

    /** One parent's value of a field: the parent's key, the field's arguments, the types its values can have. */
    record Load(Object parent, Map<String, Object> arguments, List<String> types, boolean list) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        for (FieldDefinition field : loadable()) {
            Key key = definitions.key(field.typeName());
            wiring.type(field.typeName(), t -> t.dataFetcher(field.fieldName(), Prefetch.orElse(fetcher(field, key))));
        }
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        for (FieldDefinition field : loadable()) {
            registry.register(loaderName(field), loader(field, deadline));
        }
    }

    /** The defined fields whose parents can be found again: the ones these loaders answer. */
    List<FieldDefinition> loadable() {
        return definitions.fields().stream()
                .filter(f -> definitions.key(f.typeName()) != null && !definitions.endpoint(f))
                .toList();
    }

    private static String loaderName(FieldDefinition field) {
        return "field:" + field.typeName() + "." + field.fieldName();
    }

    private DataFetcher<Object> fetcher(FieldDefinition field, Key key) {
        String name = loaderName(field);
        return env -> {
            Map<String, Object> arguments = env.getArguments();
            // arguments the field refuses are reported at the field's path, before any statement
            field.projection().expression(new Prefetch.Bindings("checked", "checked").scope("p", "c", Cypher.mapOf()),
                    arguments);
            List<String> types = Prefetch.concreteTypes(env.getGraphQLSchema(), env.getFieldType());
            boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldType()));
            DataLoader<Load, Object> loader = env.getDataLoader(name);
            return loader.load(new Load(key.of().apply(env.getSource()), arguments, types, list));
        };
    }

    private DataLoader<Load, Object> loader(FieldDefinition field, Deadline deadline) {
        return DataLoaderFactory.newMappedDataLoader((Set<Load> loads) -> {
            Map<Load, Object> found = load(field, new ArrayList<>(loads), deadline);
            return CompletableFuture.completedFuture(found);
        });
    }

    /**
     * One statement for every load of a batch: the loads are grouped by their arguments, each group a branch of a
     * {@code UNION ALL} that unwinds its parents' keys.
     */
    private Map<Load, Object> load(FieldDefinition field, List<Load> loads, Deadline deadline) {
        Key key = definitions.key(field.typeName());
        Map<Map<String, Object>, List<Load>> groups = new LinkedHashMap<>();
        loads.forEach(l -> groups.computeIfAbsent(l.arguments(), a -> new ArrayList<>()).add(l));
        Prefetch.Bindings bindings = new Prefetch.Bindings("loaded", "load");
        List<Statement> branches = new ArrayList<>();
        List<List<Load>> byGroup = new ArrayList<>(groups.values());
        List<String> types = loads.get(0).types();
        for (int g = 0; g < byGroup.size(); g++) {
            List<Load> group = byGroup.get(g);
            String child = bindings.variable();
            Expression object = object(types, child);
            FieldRegistry.Scope scope = bindings.scope(Key.PARENT.getValue(), child, object);
            String parents = scope.parameter(group.stream().map(Load::parent).distinct().toList());
            Expression value = Composed.fragment(field.projection().expression(scope, group.get(0).arguments()),
                    object);
            branches.add(Cypher.unwind(Composed.parameter(parents)).as(Key.KEY).match(key.match())
                    .returning(Cypher.literalOf(g).as("g"), Key.KEY, value.as("value")).build());
        }
        String statement = Composed.render(branches.size() == 1 ? branches.get(0)
                : Cypher.call(Cypher.unionAll(branches))
                        .returning(Cypher.name("g"), Key.KEY, Cypher.name("value")).build());
        boolean list = loads.get(0).list();
        // a parent that is gone since its record was read has no row: an empty list, or null
        Map<List<Object>, Object> values = new HashMap<>();
        cypher.read(deadline, statement, bindings.parameters(), r -> {
            Value value = r.get("value");
            List<Object> at = List.of(r.get("g").asInt(), r.get("key").asObject());
            values.put(at, list ? value.asList(v -> read(types, v)) : read(types, value));
            return at;
        });
        Map<Load, Object> found = new HashMap<>();
        for (int g = 0; g < byGroup.size(); g++) {
            for (Load load : byGroup.get(g)) {
                found.put(load, values.getOrDefault(List.of(g, load.parent()), list ? List.of() : null));
            }
        }
        return found;
    }

    /**
     * The map expression of a value of one of {@code types} bound to {@code variable}: every property a scalar of
     * its type is read from, so the record answers any field a request asks of it.
     */
    private Expression object(List<String> types, String variable) {
        if (types.size() == 1) {
            return Cypher.mapOf("n", row(types.get(0), variable));
        }
        Case cases = Cypher.caseExpression();
        for (String type : types) {
            cases = cases.when(Cypher.raw(definitions.type(type).test().apply(variable)).asCondition())
                    .then(Cypher.mapOf("t", Cypher.literalOf(type), "n", row(type, variable)));
        }
        return cases;
    }

    private Expression row(String typeName, String variable) {
        TypeProjection type = definitions.type(typeName);
        return Cypher.raw(type.row().apply(variable, definitions.scalarNames(typeName)));
    }

    private Object read(List<String> types, Value value) {
        if (value.isNull()) {
            return null;
        }
        String type = types.size() == 1 ? types.get(0) : value.get("t").asString();
        return definitions.type(type).read().apply(value.get("n"));
    }
}
