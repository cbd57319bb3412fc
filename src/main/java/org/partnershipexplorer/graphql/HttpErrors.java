package org.partnershipexplorer.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The API's error shape ({@code {"errors": [{"message", "extensions": {"code", "requestId"}}]}}, docs/api.md) for
 * refusals that happen outside GraphQL: a body that cannot be decoded, headers over the server's limit, a client
 * over its rate limit. A caller then reads every refusal the same way, whichever layer gave it.
 */
public final class HttpErrors {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    // Not Micronaut's mapper: it leaves out nulls, and the shape must not depend on its settings.
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpErrors() {
    }

    /** The caller's request id when it sends a sane one (a proxy's), else a new one. */
    public static String requestId(HttpRequest<?> request) {
        String given = request.getHeaders().get(REQUEST_ID_HEADER);
        return given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /**
     * One error as {@code application/json}, with {@code X-Request-Id}: the details come before the code and the
     * request id in {@code extensions}, which the details cannot override.
     */
    public static MutableHttpResponse<String> response(HttpStatus status, ErrorCode code, String message,
            Map<String, Object> details, String requestId) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        extensions.put("requestId", requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        String text;
        try {
            text = JSON.writeValueAsString(Map.of("errors", List.of(error)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an error of strings and numbers that Jackson cannot write", impossible);
        }
        return HttpResponse.<String>status(status)
                .body(text)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(REQUEST_ID_HEADER, requestId);
    }
}
