/** Graph-shaped slices of the partnership network ({@code Query.network}) and their exports (GraphML, CSV, JSON). */
package org.partnershipexplorer.network;
