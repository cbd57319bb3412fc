/** Peacekeeping ministerials: who attended, what was pledged, what has been delivered, and how complete the data is. */
package org.partnershipexplorer.ministerial;
