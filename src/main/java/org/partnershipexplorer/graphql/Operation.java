package org.partnershipexplorer.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import java.util.Optional;

/**
 * The operation of a document that a request asks to run, chosen as the GraphQL specification chooses it: the one
 * named by {@code operationName}, or the only one when no name is given.
 *
 * @param name the operation's name; null for an anonymous operation
 * @param type query, mutation or subscription
 */
public record Operation(String name, OperationDefinition.Operation type) {

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
        return chosen.size() == 1
                ? Optional.of(new Operation(chosen.get(0).getName(), chosen.get(0).getOperation()))
                : Optional.empty();
    }

    public boolean isMutation() {
        return type == OperationDefinition.Operation.MUTATION;
    }
}
