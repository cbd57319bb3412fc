/** Operating the service: the request log and the GraphQL metrics that every answered request feeds. */
package org.partnershipexplorer.ops;
