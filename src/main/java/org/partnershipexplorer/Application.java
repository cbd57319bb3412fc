package org.partnershipexplorer;

import io.micronaut.runtime.Micronaut;

/** Starts Partnership Explorer: the HTTP server, the GraphQL API and, unless NEO4J_URI is set, an embedded Neo4j. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // import, export and token are commands beside the server (transfer.Cli)
        if (args.length > 0 && org.partnershipexplorer.transfer.Cli.COMMANDS.contains(args[0])) {
            System.exit(org.partnershipexplorer.transfer.Cli.run(args));
        }
        Micronaut.run(Application.class, args);
    }
}
