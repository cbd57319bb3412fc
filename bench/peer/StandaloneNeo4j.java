import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.partnershipexplorer.neo4j.EmbeddedNeo4j;

/**
 * The standalone Neo4j of the peer comparison: the service's own embedded Neo4j 5.26, started alone in its own JVM
 * on a store the service has already seeded, so that the service and the peer both reach it over Bolt on the same
 * terms. Run with the service's jar on the class path (a single-file program, no build step):
 *
 * <pre>java -cp target/partnership-explorer.jar bench/peer/StandaloneNeo4j.java STORE_DIR BOLT_PORT</pre>
 */
public class StandaloneNeo4j {

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: StandaloneNeo4j STORE_DIR BOLT_PORT");
            System.exit(2);
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(Path.of(args[0]), Integer.parseInt(args[1]), Duration.ofSeconds(60));
        System.out.println("ready " + neo4j.boltUri());
        // Stops through the shutdown hook EmbeddedNeo4j registers, on SIGTERM.
        new CountDownLatch(1).await();
    }
}
