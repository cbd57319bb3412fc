package org.partnershipexplorer.graphql;

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

    /** Empty when the document does not parse or names no such operation (execution then reports why). */
    public static Optional<Operation> of(String query, String operationName) {
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
