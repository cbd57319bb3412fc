/** Provenance: how far each fact can be trusted, and where it comes from. */
package org.partnershipexplorer.provenance;
