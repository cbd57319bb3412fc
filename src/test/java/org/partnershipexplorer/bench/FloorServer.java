package org.partnershipexplorer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;

/**
 * The floor: each benchmarked answer from one hand-written Cypher statement through the same driver, serialised
 * to JSON and served over HTTP on 127.0.0.1 (POST /floor/NAME), so both sides pay for HTTP and JSON alike.
 */
final class FloorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final ObjectMapper json = new ObjectMapper();

    /** @param port the port to listen on, 0 for any free one */
    FloorServer(Driver driver, Iterable<BenchQuery> queries, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        for (BenchQuery query : queries) {
            server.createContext("/floor/" + query.name(), exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    Object data = driver.executableQuery(query.floorCypher())
                            .withParameters(query.floorParameters())
                            .withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
                            .execute().records().get(0).get("data").asObject();
                    byte[] body = json.writeValueAsBytes(Map.of("data", data));
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (RuntimeException e) {
                    byte[] body = ("{\"error\":" + json.writeValueAsString(String.valueOf(e.getMessage())) + "}")
                            .getBytes();
                    exchange.sendResponseHeaders(500, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
        }
        server.setExecutor(workers);
        server.start();
    }

    URI uri(BenchQuery query) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/floor/" + query.name());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
