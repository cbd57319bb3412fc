/** The seed: the CSV contract of docs/graph-model.md, its two-pass loader (validate everything, then write), and start-up seeding. */
package org.partnershipexplorer.seed;
