package org.partnershipexplorer.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A GraphQL request as the specification defines its JSON body. The query is null only in a request that names its
 * document by a persisted-query hash ({@link PersistedQueries}).
 */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads a POST body; an {@link IllegalArgumentException} says what makes it not a GraphQL request. */
    public static GraphQLRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonNode query = body.get("query");
        Map<String, Object> extensions = object(body.get("extensions"), "extensions");
        boolean byHash = (query == null || query.isNull()) && extensions.containsKey(PersistedQueries.EXTENSION);
        if (!byHash && (query == null || !query.isTextual() || query.asText().isBlank())) {
            throw new IllegalArgumentException("query must be a non-empty string");
        }
        JsonNode operationName = body.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw new IllegalArgumentException("operationName must be a string");
        }
        JsonNode variables = body.get("variables");
        return new GraphQLRequest(byHash ? null : query.asText(),
                operationName == null || operationName.isNull() ? null : operationName.asText(),
                object(variables, "variables"), extensions);
    }

    /** The same request with the document its persisted-query hash stands for. */
    GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, extensions);
    }

    /**
     * A member that must be a JSON object when present ({@code variables}, {@code extensions}), as a map; absent or
     * null is an empty map.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(JsonNode member, String name) {
        if (member == null || member.isNull()) {
            return Map.of();
        }
        if (!member.isObject()) {
            throw new IllegalArgumentException(name + " must be an object");
        }
        return MAPPER.convertValue(member, Map.class);
    }
}
