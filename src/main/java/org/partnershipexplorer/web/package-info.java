/**
 * The pages (GraphiQL and the partnership map, with every library served from WebJars, no CDN) and the HTTP rules
 * every response keeps: security headers, and a 4xx with the API's JSON error for requests HTTP cannot read.
 */
package org.partnershipexplorer.web;
