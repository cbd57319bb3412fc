/** Aggregates for charts: personnel by mission, region and date; partnerships by year; pledges by category and status. */
package org.partnershipexplorer.statistics;
