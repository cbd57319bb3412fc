package org.partnershipexplorer.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error meant for the caller: its message and extensions reach the response as they are. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;

    public ApiException(ErrorCode code, String message, Map<String, Object> extensions) {
        super(message);
        this.code = code;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    /** An invalid argument: the message names the argument and says why. */
    public static ApiException badInput(String argument, String reason) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, argument + ": " + reason, Map.of("argument", argument));
    }

    /** A named thing that does not exist; the extensions say what was looked for. */
    public static ApiException notFound(String kind, String key) {
        return new ApiException(ErrorCode.NOT_FOUND, "No " + kind + " '" + key + "'",
                Map.of("kind", kind, "key", key));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
