/**
 * A per-client rate limit on /graphql and the network downloads (explorer.rate-limit.*): a Bucket4j token bucket per
 * client address, in a bounded Caffeine cache that forgets idle clients; over the limit a request answers 429 with
 * Retry-After and the API's JSON error.
 */
package org.partnershipexplorer.ratelimit;
