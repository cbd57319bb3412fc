package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.ServiceTest;

/**
 * The downloads of the isolated contributors, the providers, an actor's partners and the pledges, on the frozen
 * fixture: each file holds the rows the query returns for the same filters.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("downloads of query answers as CSV and JSON")
class DownloadsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("isolated.csv for 2021 in Africa: 35 rows, EGY first with its reasons; the file is named after the list and the day")
    void isolatedCsv() throws Exception {
        var response = get("/export/isolated.csv?year=2021&region=Africa");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/csv;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"isolated-contributors-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
        assertEquals(List.of("rank", "iso3", "name", "year", "score", "personnel", "women", "personnel_as_of",
                "support_received", "providers", "missions", "reason_codes", "reasons", "since", "score_then",
                "providers_gained", "providers_lost"), rows.get(0).toList());
        assertEquals(36, rows.size());
        CSVRecord egy = rows.get(1);
        assertEquals(List.of("1", "EGY", "Egypt", "2021"), egy.toList().subList(0, 4));
        assertEquals(0.6135446142237315, Double.parseDouble(egy.get(4)), 1e-12);
        assertEquals(List.of("3154", "86", "2021-01-31", "0", "", "MINUSCA; MINUSMA; MONUSCO",
                "NO_SUPPORT; HIGH_PERSONNEL_LOW_SUPPORT; SMALL_COMPONENT; WOMEN_BELOW_TARGET; PEERS_WELL_SUPPORTED"),
                egy.toList().subList(5, 12));
        assertTrue(egy.get(12).startsWith("Received no training or donation in 2019-2021.; 3,154 uniformed personnel"),
                egy.get(12));
        assertEquals(List.of("", "", "", ""), egy.toList().subList(13, 17));
        assertEquals(List.of("2", "RWA", "Rwanda"), rows.get(2).toList().subList(0, 3));
    }

    @Test
    @DisplayName("isolated.json with since: the query's nodes, trend included")
    void isolatedJsonWithTrend() throws Exception {
        var response = get("/export/isolated.json?year=2021&since=2018&minPersonnel=6500");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode rows = new ObjectMapper().readTree(response.body());
        assertEquals(1, rows.size());
        assertEquals("BGD", rows.path(0).path("country").path("iso3").asText());
        assertEquals(0.3592442645074225, rows.path(0).path("trend").path("scoreThen").asDouble(), 1e-12);
        assertEquals("USA", rows.path(0).path("trend").path("providersLost").path(0).path("id").asText());
    }

    @Test
    @DisplayName("providers.csv for 2021: JPN, KOR, USA with what they carry")
    void providersCsv() throws Exception {
        var response = get("/export/providers.csv?year=2021");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("rank,id,name,year,recipients,given,contributors_supported,sole_recipients,providers",
                "1,JPN,Japan,2021,2,2,1,UGA; UN,0", "2,KOR,Republic of Korea,2021,1,1,1,,0",
                "3,USA,United States,2021,1,1,1,,0"), response.body().lines().toList());
    }

    @Test
    @DisplayName("partners.csv of KEN, incoming and verified only: JPN, KOR, the UN and USA, one row each")
    void partnersCsv() throws Exception {
        var response = get("/export/partners.csv?actor=KEN&direction=INCOMING&confidence=VERIFIED");
        assertEquals(200, response.statusCode(), response.body());
        List<String> lines = response.body().lines().toList();
        assertEquals("partner,name,direction,kinds,relationships,first_year,last_year", lines.get(0));
        assertEquals(List.of("JPN", "KOR", "UN", "USA"), lines.subList(1, lines.size()).stream()
                .map(l -> l.substring(0, l.indexOf(','))).toList());
        assertTrue(lines.stream().allMatch(l -> l.equals(lines.get(0)) || l.contains(",INCOMING,")), lines.toString());
    }

    @Test
    @DisplayName("pledges.csv of Seoul 2021: the pledges with their delivery, sources joined in one cell")
    void pledgesCsv() throws Exception {
        var response = get("/export/pledges.csv?ministerial=seoul-2021&pledger=KOR");
        assertEquals(200, response.statusCode(), response.body());
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
        assertEquals("id,ministerial,pledger,pledger_name,category,description,quantity,unit,status,"
                + "delivered_quantity,delivered_year,delivered_by,beneficiary,mission,confidence,source,source_urls",
                String.join(",", rows.get(0).toList()));
        CSVRecord helicopters = rows.stream().filter(r -> r.get(0).equals("seoul-2021-kor-helicopters")).findFirst()
                .orElseThrow();
        assertEquals(List.of("seoul-2021", "KOR", "Republic of Korea", "CAPABILITY"), helicopters.toList().subList(1, 5));
        assertEquals(List.of("16", "helicopters", "IN_PROGRESS", "6", "2023"), helicopters.toList().subList(6, 11));
        assertEquals("KEN", helicopters.get(12));
    }

    @Test
    @DisplayName("bad filters get the query's own error as 400, in the error shape of /graphql")
    void badFilters() throws Exception {
        var missingYear = get("/export/isolated.csv");
        assertEquals(400, missingYear.statusCode());
        JsonNode error = new ObjectMapper().readTree(missingYear.body()).path("errors").path(0);
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText());
        var badYear = get("/export/isolated.csv?year=soon");
        assertEquals(400, badYear.statusCode());
        assertEquals("year: 'soon' is not a whole number", new ObjectMapper().readTree(badYear.body())
                .path("errors").path(0).path("message").asText());
        var unknown = get("/export/providers.json?year=2021&colour=red");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown parameter 'colour'"), unknown.body());
        var mission = get("/export/isolated.csv?year=2021&mission=NOPE");
        assertEquals(404, mission.statusCode());
        assertEquals(400, get("/export/isolated.csv?year=2021&confidence=SURE").statusCode());
    }
}
