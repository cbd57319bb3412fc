/** Peacekeeping missions, where they are, and who served in them by year. */
package org.partnershipexplorer.mission;
