/**
 * One request, one deadline (explorer.limits.request-timeout): the time every statement and every in-memory analysis
 * of a request share, made when the request starts and carried with it.
 */
package org.partnershipexplorer.deadline;
