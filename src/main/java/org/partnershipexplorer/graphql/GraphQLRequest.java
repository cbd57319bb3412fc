package org.partnershipexplorer.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A GraphQL request as the specification defines its JSON body. */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads a POST body; an {@link IllegalArgumentException} says what makes it not a GraphQL request. */
    @SuppressWarnings("unchecked")
    static GraphQLRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            throw new IllegalArgumentException("query must be a non-empty string");
        }
        JsonNode operationName = body.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw new IllegalArgumentException("operationName must be a string");
        }
        JsonNode variables = body.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw new IllegalArgumentException("variables must be an object");
        }
        Map<String, Object> vars = variables == null || variables.isNull()
                ? Map.of()
                : MAPPER.convertValue(variables, Map.class);
        return new GraphQLRequest(query.asText(),
                operationName == null || operationName.isNull() ? null : operationName.asText(), vars);
    }
}
