/** The database: the embedded Neo4j server, the driver, the one query helper every feature uses, and the schema. */
package org.partnershipexplorer.neo4j;
