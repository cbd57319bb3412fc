package org.partnershipexplorer.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.deadline.Deadline;

/**
 * The in-process layers of one GraphQL request, each callable alone so that a benchmark can time it
 * (bench/LayerBench): what the controller does between reading the body and writing the answer. Lives in the
 * graphql package because the pieces it calls are package-private.
 */
public final class GraphQLLayers {

    private final GraphQL graphQL;
    private final GraphQL uninstrumented;
    private final GraphQLSchema schema;
    private final QueryLimits limits;
    private final GraphCounts counts;
    private final Translator translator;
    private final List<DataLoaders> dataLoaders;
    private final String query;
    private final Document document;

    /**
     * Waits for the service's own warm-up (a few generic queries sent after start) to end, so that a benchmark's
     * first call of a new shape meets a warm request path and planner, as a client's would once the service has
     * been up for a moment; returns at once when the warm-up is switched off.
     */
    public static void awaitWarmUp(ApplicationContext context, java.time.Duration atMost) throws Exception {
        java.util.Optional<WarmUp> warmUp = context.findBean(WarmUp.class);
        if (warmUp.isPresent()) {
            warmUp.get().outcome().get(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    public GraphQLLayers(ApplicationContext context, String query) {
        this.graphQL = context.getBean(GraphQL.class);
        // the same engine (document cache, execution strategy) without the instrumentation beans
        this.uninstrumented = graphQL.transform(b -> b.instrumentation(SimplePerformantInstrumentation.INSTANCE));
        this.schema = context.getBean(GraphQLSchema.class);
        this.limits = context.getBean(QueryLimits.class);
        this.counts = context.getBean(GraphCounts.class);
        this.translator = context.getBean(Translator.class);
        this.dataLoaders = List.copyOf(context.getBeansOfType(DataLoaders.class));
        this.query = query;
        this.document = Parser.parse(query);
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ROOT);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("the query does not validate: " + errors);
        }
    }

    /** The instrumentations the service chains, by class, for the report. */
    public String instrumentation() {
        return graphQL.getInstrumentation().toString();
    }

    public int dataLoaderFeatures() {
        return dataLoaders.size();
    }

    /** graphql-java's parse of the text, as a document cache miss pays it. */
    public Object parse() {
        return Parser.parse(query);
    }

    /** The controller's own look at the operation (mutation or not, its name for the log). */
    public Object operation() {
        return Operation.of(query, null);
    }

    public Object validate() {
        return new Validator().validateDocument(schema, document, Locale.ROOT);
    }

    /** The limits counted on every request, a cached document included (they depend on the variables). */
    public Object cost() {
        return DocumentCost.of(document, null, schema, limits, counts.sizes(), Map.of());
    }

    /** The normalised operation the translation walks. */
    public Object normalise() {
        return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(schema, document, null,
                CoercedVariables.emptyVariables());
    }

    /** A request's DataLoader registry, as the controller builds one. */
    public Object registry() {
        DataLoaderRegistry registry = new RequestLoaders();
        dataLoaders.forEach(d -> d.register(registry, Deadline.NONE));
        return registry;
    }

    /** graphql-java's execution as the controller runs it: document cache, limits, instrumentation, the statement. */
    public ExecutionResult execute() {
        return graphQL.execute(input());
    }

    /** The same without the instrumentation beans: the difference is what they cost. */
    public ExecutionResult executeUninstrumented() {
        return uninstrumented.execute(input());
    }

    private ExecutionInput input() {
        DataLoaderRegistry registry = new RequestLoaders();
        Deadline deadline = Deadline.after(limits.requestTimeout());
        dataLoaders.forEach(d -> d.register(registry, deadline));
        return ExecutionInput.newExecutionInput()
                .query(query)
                .dataLoaderRegistry(registry)
                .graphQLContext(Map.of(RequestInfo.class, new RequestInfo("bench", deadline), Caller.class,
                        Caller.ANONYMOUS, Introspection.INTROSPECTION_DISABLED, false))
                .build();
    }

    /** The statement the query translates to, and a way to time its translation alone. */
    public Translation translation() {
        ExecutionContext[] captured = new ExecutionContext[1];
        GraphQL capturing = graphQL.transform(b -> b.instrumentation(new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                captured[0] = parameters.getExecutionContext();
                return super.beginExecuteOperation(parameters, state);
            }
        }));
        capturing.execute(input());
        Translator.Statement statement = translator.statement(captured[0]);
        return new Translation(statement.cypher(), statement.parameters(),
                () -> translator.statement(captured[0]), () -> translator.known(captured[0]));
    }

    /**
     * {@code translate} writes the statement again from the same (already normalised) operation; {@code known}
     * finds it among the statements kept per shape, as a request does.
     */
    public record Translation(String cypher, Map<String, Object> parameters, Runnable translate, Runnable known) {
    }
}
