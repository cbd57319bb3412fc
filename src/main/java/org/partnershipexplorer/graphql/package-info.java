/** GraphQL plumbing shared by every feature: schema and wiring, the HTTP endpoint, errors, paging, DataLoaders. */
package org.partnershipexplorer.graphql;
