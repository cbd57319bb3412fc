/** How long the service takes to start, phase by phase, logged once the HTTP server answers. */
package org.partnershipexplorer.startup;
