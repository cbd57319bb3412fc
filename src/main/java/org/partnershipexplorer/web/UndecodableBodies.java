package org.partnershipexplorer.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;
import java.util.Map;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.HttpErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A body that its {@code Content-Encoding} calls gzip (or deflate) and that is not: the client's mistake, so
 * 400 with the API's JSON error, where Micronaut would answer 500. The server decodes request bodies itself
 * ({@code micronaut.server.netty.request-decompression-enabled}, on by default) and has taken the header off the
 * request by the time the body fails, so the message quotes the decoder's reason, which names the encoding.
 */
@Singleton
@Produces
final class UndecodableBodies implements ExceptionHandler<DecompressionException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UndecodableBodies.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, DecompressionException exception) {
        String requestId = HttpErrors.requestId(request);
        LOG.debug("request {}: body not in its Content-Encoding: {}", requestId, exception.getMessage());
        return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT,
                "The body cannot be decoded as its Content-Encoding header says: " + exception.getMessage(),
                Map.of(), requestId);
    }
}
