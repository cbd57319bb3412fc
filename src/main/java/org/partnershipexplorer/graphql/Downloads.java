package org.partnershipexplorer.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.StatementCounter;

/**
 * Tables people take away (CSV for a spreadsheet, JSON for a script) of what a GraphQL query returns. The download
 * runs the query itself, through the same engine, loaders, limits and deadline as {@code /graphql}: the filters mean
 * what they mean in the query, the rows are the query's answer, and a bad filter gets the query's own error (400 in
 * the error shape of {@code /graphql}).
 */
@Singleton
public final class Downloads {

    /** How a query parameter becomes a GraphQL variable. */
    public enum Type {
        INT, STRING, LIST
    }

    /** A query parameter the download takes, under the name of the query's variable. */
    public record Parameter(String name, Type type) {
    }

    /**
     * A column: {@code pointer} is a JSON pointer into one row; where it reaches a list, {@code item} (a pointer into
     * each element, or empty for the element itself) gives the values, joined with "; ".
     */
    public record Column(String name, String pointer, String item) {
        public Column(String name, String pointer) {
            this(name, pointer, null);
        }
    }

    /**
     * A downloadable table: the query, where its rows are in {@code data} (a JSON pointer to a list) and, within each
     * entry of that list, the row itself ({@code row}, e.g. "/node" for a connection's edges).
     */
    public record Table(String name, String document, String rows, String row, List<Parameter> parameters,
            List<Column> columns) {
    }

    /** A column's pointer that stands for the row's position in the list (a rank, for a ranking). */
    public static final String POSITION = "#";

    /** The largest page the API gives: a download takes the whole list at once. */
    static final int ALL = Paging.MAX_FIRST;

    private final GraphQL graphQL;
    private final List<DataLoaders> dataLoaders;
    private final QueryLimits limits;
    private final ObjectMapper json = new ObjectMapper();

    Downloads(GraphQL graphQL, List<DataLoaders> dataLoaders, QueryLimits limits) {
        this.graphQL = graphQL;
        this.dataLoaders = dataLoaders;
        this.limits = limits;
    }

    public HttpResponse<String> csv(HttpRequest<?> request, Table table) {
        return download(request, table, true);
    }

    public HttpResponse<String> json(HttpRequest<?> request, Table table) {
        return download(request, table, false);
    }

    private HttpResponse<String> download(HttpRequest<?> request, Table table, boolean csv) {
        String requestId = HttpErrors.requestId(request);
        Map<String, Object> variables;
        try {
            variables = variables(request, table);
        } catch (IllegalArgumentException e) {
            return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT, e.getMessage(), Map.of(),
                    requestId);
        }
        Deadline deadline = Deadline.after(limits.requestTimeout());
        DataLoaderRegistry registry = new RequestLoaders();
        dataLoaders.forEach(d -> d.register(registry, deadline));
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(table.document())
                .variables(variables)
                .dataLoaderRegistry(registry)
                .graphQLContext(Map.of(RequestInfo.class, new RequestInfo(requestId, deadline), Caller.class,
                        Caller.of(request)))
                .build();
        ExecutionResult result;
        int statements;
        try (StatementCounter.Scope scope = StatementCounter.open()) {
            try {
                result = graphQL.execute(input);
            } catch (RuntimeException e) {
                result = ErrorHandler.escaped(e, input.getGraphQLContext().get(RequestInfo.class));
            }
            statements = scope.count();
        }
        if (!result.getErrors().isEmpty()) {
            GraphQLError error = result.getErrors().get(0);
            Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : error.getExtensions();
            ErrorCode errorCode = code(extensions.get("code"));
            HttpStatus status = switch (errorCode) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.BAD_REQUEST;
            };
            Map<String, Object> details = new LinkedHashMap<>(extensions);
            details.remove("code");
            details.remove("requestId");
            return HttpErrors.response(status, errorCode, error.getMessage(), details, requestId);
        }
        List<JsonNode> rows = new ArrayList<>();
        json.valueToTree(result.getData()).at(table.rows()).forEach(entry -> rows.add(entry.at(table.row())));
        String body = csv ? csv(table, rows) : json(rows);
        String file = table.name() + "-" + LocalDate.now(ZoneOffset.UTC) + (csv ? ".csv" : ".json");
        return HttpResponse.ok(body)
                .contentType(MediaType.of((csv ? "text/csv" : MediaType.APPLICATION_JSON) + ";charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpErrors.REQUEST_ID_HEADER, requestId)
                .header(GraphQLHttpController.STATEMENTS_HEADER, Integer.toString(statements));
    }

    /** The error's code; graphql-java's own errors (a missing or mistyped variable) have none: the caller's input. */
    private static ErrorCode code(Object code) {
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                return known;
            }
        }
        return ErrorCode.BAD_USER_INPUT;
    }

    /** The query parameters the table takes, typed; any other parameter is refused rather than silently ignored. */
    static Map<String, Object> variables(HttpRequest<?> request, Table table) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("first", ALL);
        for (String name : request.getParameters().names()) {
            Parameter parameter = table.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown parameter '" + name + "'; this download"
                            + " takes " + String.join(", ", table.parameters().stream().map(Parameter::name)
                                    .toList())));
            String value = request.getParameters().get(name);
            variables.put(name, switch (parameter.type()) {
                case STRING -> value;
                case LIST -> List.of(value.split(",", -1)).stream().map(String::trim).toList();
                case INT -> {
                    try {
                        yield Integer.parseInt(value.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
                    }
                }
            });
        }
        return variables;
    }

    private String csv(Table table, List<JsonNode> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(table.columns().stream().map(Column::name).toArray(String[]::new)).get())) {
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = new ArrayList<>();
                for (Column column : table.columns()) {
                    cells.add(column.pointer().equals(POSITION) ? Integer.toString(i + 1)
                            : cell(rows.get(i).at(column.pointer()), column.item()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return out.toString();
    }

    private static String cell(JsonNode value, String item) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(cell(item == null || item.isEmpty() ? v : v.at(item), null)));
            return String.join("; ", parts);
        }
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private String json(List<JsonNode> rows) {
        ArrayNode array = json.createArrayNode();
        rows.forEach(array::add);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
