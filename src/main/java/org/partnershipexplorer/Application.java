package org.partnershipexplorer;

import io.micronaut.runtime.Micronaut;

/** Starts Partnership Explorer: the HTTP server, the GraphQL API and, unless NEO4J_URI is set, an embedded Neo4j. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
