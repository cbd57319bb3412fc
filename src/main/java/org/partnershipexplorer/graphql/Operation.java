package org.partnershipexplorer.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import java.util.Optional;

/**
 * The operation of a document that a request asks to run, chosen as the GraphQL specification chooses it: the one
 * named by {@code operationName}, or the only one when no name is given.
 *
 * @param name        the operation's name; null for an anonymous operation
 * @param type        query, mutation or subscription
 * @param singleField whether its selection is one plain field (no fragment at the root)
 */
public record Operation(String name, OperationDefinition.Operation type, boolean singleField) {

    /** About 8 MB of query text, as the parsed documents of {@link LimitedDocuments}. */
    static final long CACHED_CHARACTERS = 4_000_000;

    private record Key(String query, String operationName) {
    }

    /**
     * The operations of texts already seen: every request asks for its operation (the log's name, GET's refusal of
     * mutations, the single-field mutation engine) before graphql-java parses it, and clients send the same few
     * texts again and again. Without it each request parsed its text twice; the operation depends on nothing else.
     */
    private static final Cache<Key, Optional<Operation>> KNOWN = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARACTERS)
            .weigher((Key key, Optional<Operation> operation) -> key.query().length() + 1)
            .build();

    /** Empty when the document does not parse or names no such operation (execution then reports why). */
    public static Optional<Operation> of(String query, String operationName) {
        if (query == null || query.length() > CACHED_CHARACTERS / 100) {
            return parse(query, operationName);
        }
        return KNOWN.get(new Key(query, operationName), key -> parse(key.query(), key.operationName()));
    }

    private static Optional<Operation> parse(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> chosen = operationName == null
                ? operations
                : operations.stream().filter(o -> operationName.equals(o.getName())).toList();
        if (chosen.size() != 1) {
            return Optional.empty();
        }
        OperationDefinition operation = chosen.get(0);
        List<Selection> root = operation.getSelectionSet().getSelections();
        return Optional.of(new Operation(operation.getName(), operation.getOperation(),
                root.size() == 1 && root.get(0) instanceof Field));
    }

    public boolean isMutation() {
        return type == OperationDefinition.Operation.MUTATION;
    }

    /** A mutation of one field: nothing to run in order, so it may run as a query does (batched per level). */
    public boolean isSingleFieldMutation() {
        return isMutation() && singleField;
    }
}
