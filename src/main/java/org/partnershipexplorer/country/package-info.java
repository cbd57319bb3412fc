/** Countries: UN member states and the non-members the data needs, with their published deployment totals. */
package org.partnershipexplorer.country;
