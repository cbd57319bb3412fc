package org.partnershipexplorer.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Map;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.HttpErrors;

/**
 * A request whose headers or request line are over the server's limits ({@code micronaut.server.netty.max-header-size},
 * {@code max-initial-line-length}) answers 431 Request Header Fields Too Large or 414 URI Too Long, with the API's
 * JSON error naming the limit. Micronaut answers both 413 Payload Too Large, which blames a body the client may not
 * have sent.
 *
 * <p>Micronaut never routes such a request: it shapes its 413 with the {@link ErrorResponseProcessor} (no route can
 * answer it, since running one fails with the decoder's error). So this wraps that processor, and passes every
 * other error response to it unchanged.
 */
@Singleton
final class OversizedRequestHeads implements BeanCreatedEventListener<ErrorResponseProcessor<?>> {

    private final Provider<NettyHttpServerConfiguration> server;

    OversizedRequestHeads(Provider<NettyHttpServerConfiguration> server) {
        this.server = server;
    }

    @Override
    public ErrorResponseProcessor<?> onCreated(BeanCreatedEvent<ErrorResponseProcessor<?>> event) {
        ErrorResponseProcessor<?> micronauts = event.getBean();
        return new ErrorResponseProcessor<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
                MutableHttpResponse<?> refused = refuse(context.getRequest());
                return (MutableHttpResponse<Object>) (refused != null ? refused : micronauts.processResponse(context, response));
            }
        };
    }

    /** The answer to a request whose head the decoder refused as too long, or null for any other request. */
    private MutableHttpResponse<String> refuse(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty) || !netty.getNativeRequest().decoderResult().isFailure()) {
            return null;
        }
        Throwable cause = netty.getNativeRequest().decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return HttpErrors.response(HttpStatus.REQUEST_URI_TOO_LONG, ErrorCode.BAD_USER_INPUT,
                    "The request line is too long: at most " + server.get().getMaxInitialLineLength()
                            + " bytes (micronaut.server.netty.max-initial-line-length)",
                    Map.of(), HttpErrors.requestId(request));
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpErrors.response(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCode.BAD_USER_INPUT,
                    "The request's headers are too large: at most " + server.get().getMaxHeaderSize()
                            + " bytes (micronaut.server.netty.max-header-size)",
                    Map.of(), HttpErrors.requestId(request));
        }
        return null;
    }
}
