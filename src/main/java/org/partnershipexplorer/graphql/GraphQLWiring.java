package org.partnershipexplorer.graphql;

import graphql.schema.idl.RuntimeWiring;

/** A feature's part of the runtime wiring; the factory only collects them, so the wiring reads like the schema. */
public interface GraphQLWiring {

    void wire(RuntimeWiring.Builder wiring);
}
