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
            neo4j = TestNeo4j.withFrozenSeed();
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
        return uploadTo("", token, files);
    }

    HttpResponse<String> uploadTo(String query, String token, Map<String, byte[]> files) throws Exception {
        String boundary = "----partnership-explorer-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/import" + query))
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

    HttpResponse<String> postZip(String token, String query, byte[] zip) throws Exception {
        // what OPERATIONS.md's restore command sends: curl -s -H "Authorization: Bearer $TOKEN" -X POST
        // -H "Content-Type: application/zip" --data-binary @backup-2026-11-27 ".../import?restore=true"
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/import" + query))
                .header("Accept", "*/*")
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] zip(String name, java.io.InputStream content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            content.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** {@code lines} lines of 1023 zeros after a countries header, generated as they are zipped. */
    static java.io.InputStream zeros(int lines) {
        byte[] header = "iso3,name,region,confidence,source\n".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[1024];
        java.util.Arrays.fill(line, (byte) '0');
        line[1023] = '\n';
        return new java.io.SequenceInputStream(new ByteArrayInputStream(header), new java.io.InputStream() {
            long at;

            @Override
            public int read() {
                return at < (long) lines * line.length ? line[(int) (at++ % line.length)] : -1;
            }
        });
    }

    Map<String, Object> stamps(String query) {
        var record = neo4j().driver().executableQuery(query).execute().records().get(0);
        return Map.of("by", record.get("by").asString(), "at", record.get("at").asZonedDateTime().toInstant().toString());
    }

    @Test
    @DisplayName("a zip bomb (200 MB of zeros zipped to about 560 KB) answers 400 maxRatio, and a cell of 70,000 bytes 400 maxCellBytes with its entry and line, multipart or as a zip body; nothing is written")
    void uploadLimits() throws Exception {
        Map<String, Object> before = GraphCensus.census(neo4j().driver());
        byte[] bomb = zip("backup/countries.csv", zeros(200 * 1024));
        assertTrue(bomb.length < 1_000_000, bomb.length + " bytes");

        HttpResponse<String> refused = upload(token("editor"), Map.of("bomb.zip", bomb));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/json", refused.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText());
        assertEquals("maxRatio", error.path("extensions").path("limit").asText());
        assertEquals(100, error.path("extensions").path("max").asInt());
        assertEquals("backup/countries.csv", error.path("extensions").path("entry").asText());
        long compressed;
        Path kept = Files.createTempFile("bomb-", ".zip");
        try (var zip = new java.util.zip.ZipFile(Files.write(kept, bomb).toFile())) {
            compressed = zip.getEntry("backup/countries.csv").getCompressedSize();
        } finally {
            Files.delete(kept);
        }
        long line = (100 * compressed - 35) / 1024 + 2;
        assertEquals(line, error.path("extensions").path("line").asLong());
        assertEquals("An entry unpacks to more than 100 times its compressed size of " + compressed
                + " bytes (explorer.import.max-ratio = 100) in backup/countries.csv at line " + line
                + "; nothing was written", error.path("message").asText());

        java.util.Random random = new java.util.Random(7);
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            cell.append((char) ('a' + random.nextInt(26)));
        }
        byte[] longCell = zip("countries.csv", new ByteArrayInputStream(("iso3,name,region,confidence,source\n"
                + "KEN,Kenya,Africa,reported,s\nUGA,\"" + cell + "\",Africa,reported,s\n").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> tooLong = postZip(token("editor"), "", longCell);
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        JsonNode extensions = JSON.readTree(tooLong.body()).path("errors").path(0).path("extensions");
        assertEquals("maxCellBytes", extensions.path("limit").asText());
        assertEquals(65536, extensions.path("max").asInt());
        assertEquals("countries.csv", extensions.path("entry").asText());
        assertEquals(3, extensions.path("line").asInt());

        assertEquals(before, GraphCensus.census(neo4j().driver()));
    }

    @Test
    @DisplayName("an import stamps its rows with the importer and the time, whatever updated_by and updated_at they carry; restore=true keeps them, for an editor only")
    void auditStampsAreKeptOnlyOnRestore() throws Exception {
        String forged = "code,name,confidence,source,updated_by,updated_at\n"
                + "AUDIT-TEST,Audit test programme,reported,https://example.org/audit,mallory,2001-02-03T04:05:06Z\n";
        Map<String, byte[]> files = Map.of("programs.csv", forged.getBytes(StandardCharsets.UTF_8));
        String query = "MATCH (p:Program {code: 'AUDIT-TEST'}) RETURN p.updatedBy AS by, p.updatedAt AS at";

        java.time.Instant started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        HttpResponse<String> imported = upload(token("editor"), files);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(false, JSON.readTree(imported.body()).path("restore").asBoolean(true));
        Map<String, Object> stamped = stamps(query);
        assertEquals("carol", stamped.get("by"));
        java.time.Instant at = java.time.Instant.parse((String) stamped.get("at"));
        assertTrue(!at.isBefore(started) && !at.isAfter(java.time.Instant.now()), at + " not since " + started);

        assertEquals(403, uploadTo("?restore=true", token("reader"), files).statusCode());
        assertEquals(stamped, stamps(query));

        HttpResponse<String> restored = uploadTo("?restore=true", token("editor"), files);
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(true, JSON.readTree(restored.body()).path("restore").asBoolean(false));
        assertEquals(Map.of("by", "mallory", "at", "2001-02-03T04:05:06Z"), stamps(query));
    }

    @Test
    @DisplayName("trainings.csv alone may name countries the database holds; a trainee in neither the upload nor the database is refused at its line and column")
    void singleFileIsCheckedAgainstTheDatabase() throws Exception {
        String header = "trainer,trainee,year,confidence,source\n";
        HttpResponse<String> accepted = upload(token("editor"), Map.of("trainings.csv",
                (header + "JPN,KEN,2031,reported,https://example.org/t\nJPN,UGA,2031,reported,https://example.org/t\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(2L, neo4j().driver().executableQuery(
                "MATCH (:Country {iso3: 'JPN'})-[t:TRAINS {year: 2031}]->(:Country) RETURN count(t) AS n")
                .execute().records().get(0).get("n").asLong());

        Map<String, Object> before = GraphCensus.census(neo4j().driver());
        HttpResponse<String> refused = upload(token("editor"), Map.of("trainings.csv",
                (header + "JPN,KEN,2032,reported,https://example.org/t\nJPN,QQQ,2032,reported,https://example.org/t\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode errors = JSON.readTree(refused.body()).path("errors");
        assertEquals(1, errors.size(), refused.body());
        assertEquals("trainings.csv:3: trainee: unknown actor 'QQQ' (not in countries.csv or organizations.csv nor in the database)",
                errors.path(0).path("text").asText());
        assertEquals(before, GraphCensus.census(neo4j().driver()));
    }

    @Test
    @DisplayName("OPERATIONS.md's restore command (the export as an application/zip body, restore=true) restores it with its stamps; 401 without a token")
    void documentedRestoreCommand() throws Exception {
        neo4j().driver().executableQuery("""
                MATCH (c:Country {iso3: 'KEN'})
                SET c.updatedBy = 'alice', c.updatedAt = datetime('2025-01-02T03:04:05.123Z')""").execute();
        byte[] backup = export(token("editor")).body();
        Map<String, Object> before = GraphCensus.census(neo4j().driver());

        assertEquals(401, postZip(null, "?restore=true", backup).statusCode());
        HttpResponse<String> restored = postZip(token("editor"), "?restore=true", backup);
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(13, JSON.readTree(restored.body()).path("files").size());
        Map<String, Object> after = GraphCensus.census(neo4j().driver());
        before.keySet().stream().filter(k -> !k.startsWith("newest")).forEach(k -> assertEquals(before.get(k), after.get(k), k));
        assertEquals(Map.of("by", "alice", "at", "2025-01-02T03:04:05.123Z"),
                stamps("MATCH (c:Country {iso3: 'KEN'}) RETURN c.updatedBy AS by, c.updatedAt AS at"));
    }
}
