package org.partnershipexplorer.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.org.antlr.v4.runtime.CharStreams;
import graphql.org.antlr.v4.runtime.Token;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.antlr.GraphqlLexer;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The limits a document breaks before it is validated: characters, tokens, rule depth (the parser's own limits,
 * set here), aliases (none in graphql-java), and depth, fields and cost ({@link DocumentCost}, counted with each
 * fragment once). A refused document costs one bounded parse and one linear count, never a validation that expands
 * fragments and never a statement.
 *
 * <p>A document that passed is kept, parsed and validated, for the next request with the same text: clients send
 * the same few operations again and again with other variables, and parsing and validating them cost more CPU than
 * executing a small one. The cache is bounded by the characters it holds.
 */
final class LimitedDocuments implements PreparsedDocumentProvider {

    /** About 8 MB of query text (two bytes a character), whatever the documents' sizes. */
    static final long CACHED_CHARACTERS = 4_000_000;

    private final QueryLimits limits;
    private final GraphQLSchema schema;
    /** The lists' sizes in the graph as it stands (GraphCounts), read when a document is counted. */
    private final java.util.function.Supplier<ListSizes> sizes;
    private final ParserOptions options;
    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARACTERS)
            .weigher((String query, PreparsedDocumentEntry entry) -> query.length())
            .build();

    LimitedDocuments(QueryLimits limits, GraphQLSchema schema) {
        this(limits, schema, () -> ListSizes.UNKNOWN);
    }

    LimitedDocuments(QueryLimits limits, GraphQLSchema schema, java.util.function.Supplier<ListSizes> sizes) {
        this.limits = limits;
        this.schema = schema;
        this.sizes = sizes;
        this.options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxCharacters(limits.maxCharacters())
                .maxTokens(limits.maxTokens())
                .maxWhitespaceTokens(Math.max(limits.maxCharacters(), 1))
                // the parser's own recursion, far above any depth the field limit lets through
                .maxRuleDepth(Math.max(64, limits.maxDepth() * 8)));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry known = documents.getIfPresent(input.getQuery());
        if (known != null) {
            // a kept document may have been a subscription run over WebSocket, and be sent again to /graphql
            GraphQLError subscription = subscription(known.getDocument(), input);
            if (subscription != null) {
                return done(subscription);
            }
            // counted again: the size of a kept document depends on this request's variables ($first)
            GraphQLError over = overLimits(known.getDocument(), input);
            return over == null ? CompletableFuture.completedFuture(known) : done(over);
        }
        return checked(input, parseAndValidate).thenApply(entry -> {
            if (!entry.hasErrors()) {
                documents.put(input.getQuery(), entry);
            }
            return entry;
        });
    }

    private CompletableFuture<PreparsedDocumentEntry> checked(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > limits.maxCharacters()) {
            return done(TooComplex.error("maxCharacters", "characters", limits.maxCharacters(), query.length()));
        }
        // graphql-java's own parse (inside parseAndValidate) reads its options from here
        input.getGraphQLContext().put(ParserOptions.class, options);
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
        } catch (ParseCancelledTooDeepException e) {
            return done(TooComplex.error("maxDepth", "nesting of the document", options.getMaxRuleDepth(),
                    "more than " + options.getMaxRuleDepth()));
        } catch (ParseCancelledException e) {
            return done(TooComplex.error("maxTokens", "tokens", limits.maxTokens(), countTokens(query)));
        } catch (InvalidSyntaxException e) {
            // graphql-java reports the syntax error its usual way
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        GraphQLError subscription = subscription(document, input);
        if (subscription != null) {
            return done(subscription);
        }
        int aliases = countAliases(document);
        if (aliases > limits.maxAliases()) {
            return done(TooComplex.error("maxAliases", "aliases", limits.maxAliases(), aliases));
        }
        GraphQLError over = overLimits(document, input);
        if (over != null) {
            return done(over);
        }
        return CompletableFuture.completedFuture(validated(document, input));
    }

    /**
     * Validates the document parsed above as graphql-java's own step would (the rules the request's context lets
     * run, in its locale), instead of handing graphql-java the text to parse a second time. No instrumentation of
     * this service watches parsing or validation; one that did would have to be called from here.
     */
    private PreparsedDocumentEntry validated(Document document, ExecutionInput input) {
        Predicate<Class<?>> rules = input.getGraphQLContext()
                .getOrDefault(ParseAndValidate.INTERNAL_VALIDATION_PREDICATE_HINT, rule -> true);
        Locale locale = input.getLocale() != null ? input.getLocale() : Locale.getDefault();
        List<ValidationError> errors = ParseAndValidate.validate(schema, document, rules, locale);
        return errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(document, errors);
    }

    /**
     * /graphql has no stream to send events on: a subscription sent there is told where subscriptions are served
     * (the WebSocket route marks its own executions), before it is validated or counted.
     */
    private static GraphQLError subscription(Document document, ExecutionInput input) {
        if (Boolean.TRUE.equals(input.getGraphQLContext().get(SubscriptionRoute.CONTEXT_KEY))) {
            return null;
        }
        String operationName = input.getOperationName();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(o -> operationName == null || operationName.isEmpty() ? operations.size() == 1
                        : operationName.equals(o.getName()))
                .filter(o -> o.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
                .findFirst()
                .map(o -> GraphqlErrorBuilder.newError()
                        .message("Subscriptions are served over WebSocket at " + SubscriptionRoute.PATH + " (subprotocol "
                                + SubscriptionRoute.PROTOCOL + "); /graphql answers queries and mutations")
                        .location(o.getSourceLocation())
                        .extensions(Map.of("code", ErrorCode.GRAPHQL_VALIDATION_FAILED.name()))
                        .build())
                .orElse(null);
    }

    /** Depth, then fields, then cost of the operation the request runs; null when all are within the limits. */
    private GraphQLError overLimits(Document document, ExecutionInput input) {
        ListSizes lists = sizes.get();
        Map<String, Object> variables = input.getRawVariables().toMap();
        DocumentCost.Figures figures = DocumentCost.of(document, input.getOperationName(), schema, limits, lists,
                variables);
        if (figures.depth() > limits.maxDepth()) {
            return TooComplex.error("maxDepth", "depth", limits.maxDepth(), figures.depth());
        }
        if (figures.fields() > limits.maxFields()) {
            return TooComplex.error("maxFields", "fields", limits.maxFields(), figures.fields());
        }
        if (figures.cost() > limits.maxComplexity()) {
            String costliest = DocumentCost.costliest(document, input.getOperationName(), schema, limits, lists,
                    variables);
            return TooComplex.error("maxComplexity", "cost", limits.maxComplexity(), figures.cost(),
                    "The answer would hold about " + figures.cost() + " values"
                            + (costliest == null ? "" : ", most of them from " + costliest)
                            + ": ask for fewer rows (first, limit), narrow the lists (years), or split the query");
        }
        return null;
    }

    private static CompletableFuture<PreparsedDocumentEntry> done(GraphQLError error) {
        return CompletableFuture.completedFuture(new PreparsedDocumentEntry(error));
    }

    /** Tokens as the parser counts them (whitespace and commas aside); the text is already within maxCharacters. */
    static int countTokens(String query) {
        GraphqlLexer lexer = new GraphqlLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        int count = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                count++;
            }
        }
        return count;
    }

    static int countAliases(Document document) {
        int[] count = {0};
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field node, TraverserContext<Node> context) {
                if (node.getAlias() != null) {
                    count[0]++;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return count[0];
    }
}
