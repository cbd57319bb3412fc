/**
 * Mutations: create, update and delete every kind of the seed contract, one transaction each, checked by the seed
 * loader's own rules and stamped with who and when.
 */
package org.partnershipexplorer.write;
