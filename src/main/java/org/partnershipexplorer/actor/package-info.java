/** Actors: countries and organisations behind one interface, and lookups by either key. */
package org.partnershipexplorer.actor;
