package org.partnershipexplorer.access;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Health and metrics marked sensitive by the operator ({@code ENDPOINTS_PROMETHEUS_SENSITIVE=true}) answer any
 * caller with a valid token. micronaut-security's own rule refuses every caller of a sensitive endpoint, with an
 * error, until an application says whom it lets through.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class SensitiveEndpoints extends SensitiveEndpointRule {

    SensitiveEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
            Authentication authentication, ExecutableMethod<?, ?> method) {
        return Mono.just(SecurityRuleResult.ALLOWED);
    }
}
