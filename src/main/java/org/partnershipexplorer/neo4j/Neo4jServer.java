package org.partnershipexplorer.neo4j;

import java.net.URI;
import java.util.Optional;

/** The Neo4j the service talks to: an external server named by NEO4J_URI, or the embedded one it started. */
public final class Neo4jServer implements AutoCloseable {

    private final URI uri;
    private final EmbeddedNeo4j embedded;

    private Neo4jServer(URI uri, EmbeddedNeo4j embedded) {
        this.uri = uri;
        this.embedded = embedded;
    }

    static Neo4jServer external(URI uri) {
        return new Neo4jServer(uri, null);
    }

    static Neo4jServer embedded(EmbeddedNeo4j embedded) {
        return new Neo4jServer(embedded.boltUri(), embedded);
    }

    public URI uri() {
        return uri;
    }

    public Optional<EmbeddedNeo4j> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
