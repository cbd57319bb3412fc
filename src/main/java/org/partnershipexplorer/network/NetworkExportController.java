package org.partnershipexplorer.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.GraphQLHttpController;
import org.partnershipexplorer.neo4j.Neo4jUnavailableException;
import org.partnershipexplorer.neo4j.StatementCounter;
import org.partnershipexplorer.provenance.Confidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /export/network.graphml|.nodes.csv|.edges.csv|.json}: the slice {@code Query.network} returns, as a
 * file, for people who open it in Gephi, Cytoscape desktop or a spreadsheet rather than call GraphQL. The query
 * parameters are {@link NetworkSlice#fromQuery}'s; a bad one gets 400 with the same error shape as /graphql.
 */
@Controller("/export")
@ExecuteOn(TaskExecutors.BLOCKING)
final class NetworkExportController {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkExportController.class);

    static final String GRAPHML = "application/graphml+xml";
    static final String CSV = "text/csv";

    private final NetworkRepository network;
    private final ObjectMapper json = new ObjectMapper();

    NetworkExportController(NetworkRepository network) {
        this.network = network;
    }

    @Get("/network.graphml")
    @Produces(MediaType.ALL)
    HttpResponse<String> graphml(HttpRequest<?> request) {
        return export(request, GRAPHML, ".graphml", NetworkExport::graphml);
    }

    @Get("/network.nodes.csv")
    @Produces(MediaType.ALL)
    HttpResponse<String> nodesCsv(HttpRequest<?> request) {
        return export(request, CSV, ".nodes.csv", NetworkExport::nodesCsv);
    }

    @Get("/network.edges.csv")
    @Produces(MediaType.ALL)
    HttpResponse<String> edgesCsv(HttpRequest<?> request) {
        return export(request, CSV, ".edges.csv", NetworkExport::edgesCsv);
    }

    @Get("/network.json")
    @Produces(MediaType.ALL)
    HttpResponse<String> json(HttpRequest<?> request) {
        return export(request, MediaType.APPLICATION_JSON, ".json", NetworkExport::json);
    }

    private MutableHttpResponse<String> export(HttpRequest<?> request, String type, String extension,
            Function<Network, String> format) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, values));
        String body;
        int statements;
        String fileName = "network" + extension;
        try (StatementCounter.Scope scope = StatementCounter.open()) {
            NetworkSlice slice = NetworkSlice.fromQuery(query);
            fileName = fileName(slice, LocalDate.now(ZoneOffset.UTC), extension);
            // one statement, so its own limit (explorer.limits.query-timeout) is the whole request's
            body = format.apply(network.slice(Deadline.NONE, slice));
            statements = scope.count();
        } catch (ApiException e) {
            return error(e.code(), e.getMessage(), e.extensions());
        } catch (Neo4jUnavailableException e) {
            LOG.warn("export {} failed: {}", fileName, e.getMessage());
            return error(ErrorCode.SERVICE_UNAVAILABLE, "Neo4j cannot be reached; try again shortly", Map.of());
        } catch (RuntimeException e) {
            // the log has the cause; the caller gets no stack trace (docs/api.md)
            String id = UUID.randomUUID().toString();
            LOG.error("export {} failed, error id {}", fileName, id, e);
            return error(ErrorCode.INTERNAL, "Internal error " + id, Map.of("requestId", id));
        }
        return HttpResponse.ok(body)
                .contentType(MediaType.of(type + ";charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(GraphQLHttpController.STATEMENTS_HEADER, Integer.toString(statements));
    }

    /**
     * {@code partnerships-VIEW-DATE.EXT}: every download was called network.*, so two views saved on one day
     * overwrote each other or became "network (1).graphml". VIEW names the filters that narrow the slice, in a
     * fixed order ({@code all} when none does); the map names its PNG the same way.
     */
    static String fileName(NetworkSlice slice, LocalDate date, String extension) {
        List<String> parts = new ArrayList<>();
        if (slice.center() != null) {
            parts.add("around-" + slice.center());
        }
        if (slice.region() != null) {
            parts.add(slice.region());
        }
        if (slice.mission() != null) {
            parts.add(slice.mission());
        }
        Integer from = slice.years().from();
        Integer to = slice.years().to();
        if (from != null || to != null) {
            parts.add(from == null ? "to-" + to : to == null ? "from-" + from : from.equals(to) ? "" + from : from + "-" + to);
        }
        if (slice.kinds().size() < NetworkSlice.PartnershipKind.values().length) {
            parts.add(slice.kinds().isEmpty() ? "no-partnerships"
                    : slice.kinds().stream().map(Enum::name).collect(Collectors.joining("-")));
        }
        if (slice.confidence().size() < Confidence.values().length) {
            parts.add(slice.confidence().stream().map(Enum::name).collect(Collectors.joining("-")));
        }
        if (slice.includeMissions()) {
            parts.add("with-missions");
        }
        String view = parts.isEmpty() ? "all" : String.join("-", parts).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "partnerships-" + view + "-" + date + extension;
    }

    /** The error shape of /graphql ({@code errors[].message}, {@code extensions.code}), with 400, 404, 503 or 500. */
    private MutableHttpResponse<String> error(ErrorCode code, String message, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        String text;
        try {
            text = json.writeValueAsString(Map.of("errors", List.of(error)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        HttpStatus status = switch (code) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
        return HttpResponse.<String>status(status).body(text).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
