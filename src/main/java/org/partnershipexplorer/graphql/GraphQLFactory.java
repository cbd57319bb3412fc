package org.partnershipexplorer.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code schema.graphqls} (packaged from the repository root) and applies every feature's wiring. */
@Factory
final class GraphQLFactory {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLFactory.class);
    static final String SCHEMA = "classpath:schema.graphqls";

    /**
     * The schema with every feature's wiring; refused when the field definitions and the schema disagree (an
     * argument a definition does not handle, a field neither defined nor marked as answered field by field).
     */
    @Singleton
    GraphQLSchema graphQLSchema(ResourceResolver resources, List<GraphQLWiring> wirings, FieldRegistry fields,
            StartupPhases phases) {
        return phases.time("GraphQL schema", () -> build(resources, wirings, fields));
    }

    private static GraphQLSchema build(ResourceResolver resources, List<GraphQLWiring> wirings, FieldRegistry fields) {
        TypeDefinitionRegistry types;
        try (InputStream in = resources.getResourceAsStream(SCHEMA)
                .orElseThrow(() -> new IllegalStateException(SCHEMA + " is missing from the classpath"))) {
            types = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        wirings.forEach(w -> w.wire(wiring));
        LOG.debug("GraphQL wiring from {} features", wirings.size());
        // graphql-java would otherwise turn the # comments that organise the file into descriptions (the file's
        // header into the schema's): clients and code generators must see only the "..." descriptions
        SchemaGenerator.Options options = SchemaGenerator.Options.defaultOptions().useCommentsAsDescriptions(false);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(options, types, wiring.build());
        List<String> problems = fields.problems(schema);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the field definitions do not match " + SCHEMA + ":\n  "
                    + String.join("\n  ", problems));
        }
        return schema;
    }

    /** Eager: a schema that does not match its wiring stops the start, rather than failing the first request. */
    @Context
    GraphQL graphQL(GraphQLSchema schema, QueryLimits limits, List<Instrumentation> instrumentations,
            Translator translator, GraphCounts counts) {
        // The limits are counted before validation (LimitedDocuments); instrumentation beans (access) run here.
        List<Instrumentation> chain = new ArrayList<>(instrumentations);
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new ErrorHandler())
                .queryExecutionStrategy(new TranslatedQueries(translator))
                .instrumentation(new ChainedInstrumentation(chain))
                .preparsedDocumentProvider(new LimitedDocuments(limits, schema, counts::sizes))
                .build();
    }
}
