package org.partnershipexplorer.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.partnershipexplorer.graphql.CompletedRequest;
import org.partnershipexplorer.graphql.RequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per GraphQL request on the logger {@code org.partnershipexplorer.requests}, as logfmt key=value pairs
 * (read by Loki, Vector, Datadog, grep and a person alike):
 *
 * <pre>graphql requestId=… operation=countryProfile type=query status=200 durationMs=4.21 statements=3 translated=false errors=""</pre>
 *
 * Variables may hold what a user typed, so they are logged only with the logger at DEBUG, in a line of their own.
 */
@Singleton
final class RequestLog implements RequestListener {

    static final String LOGGER = "org.partnershipexplorer.requests";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void completed(CompletedRequest request) {
        if (LOG.isInfoEnabled()) {
            LOG.info("graphql requestId={} operation={} type={} status={} durationMs={} statements={} translated={} errors={}",
                    value(request.requestId()),
                    value(OperationTag.name(request.operation())),
                    OperationTag.type(request.operation()),
                    request.status(),
                    String.format(Locale.ROOT, "%.2f", request.duration().toNanos() / 1e6),
                    request.statements(),
                    request.translated(),
                    value(String.join(",", request.errorCodes())));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("graphql requestId={} variables={}", value(request.requestId()), value(json(request)));
        }
    }

    private static String json(CompletedRequest request) {
        try {
            return JSON.writeValueAsString(request.variables());
        } catch (JsonProcessingException e) {
            return "unserialisable: " + e.getOriginalMessage();
        }
    }

    /** A logfmt value: bare when it is one safe word, else quoted with quotes and backslashes escaped. */
    static String value(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c != '\\' && c < 127)) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
