/** The pages: GraphiQL and the partnership map, with every library served from WebJars (no CDN). */
package org.partnershipexplorer.web;
