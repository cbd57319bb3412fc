/**
 * GraphQL plumbing shared by every feature: schema and wiring, the HTTP endpoint, errors, paging, DataLoaders, and
 * the two ways a nested query costs one statement: Translator (the whole query) and Prefetch (below a root field).
 */
package org.partnershipexplorer.graphql;
