package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A load's statements")
class SeedStatementsTest {

    @Test
    @DisplayName("merge a training on its id into a store with data, and create it bare into an empty one")
    void trainingMergesOnItsIdAndCreatesBare() {
        assertEquals("UNWIND $rows AS row MATCH (a:Actor {id: row.trainer}) MATCH (b:Actor {id: row.trainee}) "
                + "MERGE (a)-[r:TRAINS {id: row.props.id}]->(b) SET r = row.props\n",
                SeedWriter.statement(SeedFile.TRAININGS));
        assertEquals("UNWIND $rows AS row MATCH (a:Actor {id: row.trainer}) MATCH (b:Actor {id: row.trainee}) "
                + "CREATE (a)-[r:TRAINS]->(b) SET r = row.props\n",
                SeedWriter.createStatement(SeedFile.TRAININGS));
    }

    @Test
    @DisplayName("merge a country on its iso3, create it bare, and make it an Actor either way")
    void countryIsAnActorInBothForms() {
        assertEquals("UNWIND $rows AS row MERGE (n:Country {iso3: row.props.iso3}) SET n = row.props, n:Actor\n",
                SeedWriter.statement(SeedFile.COUNTRIES));
        assertEquals("UNWIND $rows AS row CREATE (n:Country) SET n = row.props, n:Actor\n",
                SeedWriter.createStatement(SeedFile.COUNTRIES));
    }

    @Test
    @DisplayName("of a load in batches tag the node a row creates with the load's id, and leave relationships bare")
    void bulkStatementsTagNodesOnly() {
        assertEquals("UNWIND $rows AS row CREATE (n:Program) SET n = row.props\nSET n:Loading, n.loadId = $loadId\n",
                SeedWriter.bulkStatement(SeedFile.PROGRAMS));
        assertEquals(SeedWriter.createStatement(SeedFile.DONATIONS), SeedWriter.bulkStatement(SeedFile.DONATIONS));
    }

    @Test
    @DisplayName("of a deployment differ between the two forms only in the clause that writes the deployment")
    void deploymentFormsShareTheirReport() {
        String merge = SeedWriter.statement(SeedFile.DEPLOYMENTS);
        String create = SeedWriter.createStatement(SeedFile.DEPLOYMENTS);
        assertEquals("UNWIND $rows AS row MATCH (c:Country {iso3: row.iso3}) "
                + "MERGE (d:Deployment {iso3: row.props.iso3, asOf: row.props.asOf}) SET d = row.props\n"
                + "MERGE (c)-[r:REPORTED]->(d)\nSET r = row.edge\n", merge);
        assertEquals(merge.replace("MERGE (d:Deployment {iso3: row.props.iso3, asOf: row.props.asOf})",
                "CREATE (d:Deployment)"), create);
    }
}
