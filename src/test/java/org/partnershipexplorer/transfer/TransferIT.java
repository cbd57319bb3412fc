package org.partnershipexplorer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphCensus;
import org.partnershipexplorer.support.TestNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("POST /import and GET /export")
class TransferIT implements FreshServiceTest {

    static final String SECRET = "transfer-secret-transfer-secret-transfer-0123";
    static final ObjectMapper JSON = new ObjectMapper();

    private TestNeo4j.Instance neo4j;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public synchronized TestNeo4j.Instance neo4j() {
        if (neo4j == null) {
            neo4j = TestNeo4j.fresh();
        }
        return neo4j;
    }

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.security.jwt-secret", SECRET);
    }

    String token(String role) {
        return Tokens.mint(SECRET, "carol", List.of(role), Duration.ofHours(1));
    }

    HttpResponse<byte[]> export(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/export")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> upload(String token, Map<String, byte[]> files) throws Exception {
        String boundary = "----partnership-explorer-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    @DisplayName("the export is a zip of the thirteen seed files for an editor, 401 without a token, 403 for another role")
    void exportNeedsAnEditor() throws Exception {
        assertEquals(401, export(null).statusCode());
        assertEquals(403, export(token("reader")).statusCode());
        HttpResponse<byte[]> response = export(token("editor"));
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        List<String> names = entries(response.body());
        assertEquals(13, names.size(), names.toString());
        assertTrue(names.contains("countries.csv") && names.contains("attendance.csv"), names.toString());
    }

    @Test
    @DisplayName("importing the export back is accepted with a report and changes no count; a broken seed gets 422 with file and line, and writes nothing")
    void importAllOrNothing() throws Exception {
        byte[] zip = export(token("editor")).body();
        Map<String, Object> before = GraphCensus.census(neo4j().driver());

        assertEquals(401, upload(null, Map.of("seed.zip", zip)).statusCode());

        HttpResponse<String> accepted = upload(token("editor"), Map.of("seed.zip", zip));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode report = JSON.readTree(accepted.body());
        assertEquals("carol", report.path("importedBy").asText());
        assertEquals(197, report.path("nodes").path("Country").asInt());
        assertEquals(13, report.path("files").size());
        Map<String, Object> after = GraphCensus.census(neo4j().driver());
        before.keySet().stream().filter(k -> !k.startsWith("newest")).forEach(k -> assertEquals(before.get(k), after.get(k), k));

        Path broken = Path.of(TransferIT.class.getResource("/seed/broken").toURI());
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var paths = Files.list(broken)) {
            for (Path file : paths.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        HttpResponse<String> refused = upload(token("editor"), files);
        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode errors = JSON.readTree(refused.body()).path("errors");
        assertTrue(errors.size() > 0);
        assertTrue(errors.path(0).path("file").asText().endsWith(".csv"));
        assertTrue(errors.path(0).path("line").asInt() > 0);
        assertEquals(after, GraphCensus.census(neo4j().driver()));

        HttpResponse<String> notSeed = upload(token("editor"), Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, notSeed.statusCode(), notSeed.body());
        assertTrue(notSeed.body().contains("'notes.txt' is not a seed file name"), notSeed.body());
    }
}
