/** International organisations (UN, EU, NATO, AU...) and their member states. */
package org.partnershipexplorer.organization;
