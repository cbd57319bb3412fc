/** Full-text search over countries, organisations, missions and programmes: ranked, typo tolerant, safe for any input. */
package org.partnershipexplorer.search;
