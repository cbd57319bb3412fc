package org.partnershipexplorer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code import} command into the embedded store of EXPLORER_DATA_DIR. */
@DisplayName("The import command into a brand-new embedded store")
class CliImportIT {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> args, Map<String, Object> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args, properties);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(CliImportIT.class.getResource("/seed/valid").toURI());
    }

    @Test
    @DisplayName("goes through Neo4j's offline importer with the rows' progress and the importer's phases; the next import goes over Bolt")
    void importsThroughTheImporter() throws IOException, URISyntaxException {
        Path home = tmp.resolve("store");
        Map<String, Object> properties = new HashMap<>();
        properties.put("explorer.neo4j.uri", "");
        properties.put("explorer.neo4j.data-dir", home.toString());
        properties.put("explorer.neo4j.bolt-port", "19630");
        properties.put("explorer.warm-up.enabled", "false");

        Run first = run(List.of("import", fixture().toString()), properties);

        assertEquals(0, first.exit(), first.err());
        // the rows checked, file by file, then the importer's own phases, on the command's console
        assertTrue(first.err().contains("checking countries.csv\n"), first.err());
        assertTrue(first.err().contains("writing [##############################] 100% 44/44 rows (the importer's files)"),
                first.err());
        for (String phase : List.of("(1/4) Node import", "(2/4) Relationship import", "(3/4) Relationship linking",
                "(4/4) Post processing", "IMPORT DONE in ")) {
            assertTrue(first.err().contains(phase), phase + " missing: " + first.err());
        }
        // the fixture with its illustrative rows, as the command loads by default
        assertTrue(first.out().contains("44 rows read, 0 illustrative skipped; nodes Country=7, Organization=3, "
                + "Actor=10,"), first.out());
        assertFalse(Files.list(home).anyMatch(p -> p.getFileName().toString().startsWith("seed-import-")),
                "the importer's folder is deleted");

        // the rows carry the command's stamp, as over Bolt: the account that ran it
        Path export = tmp.resolve("export");
        Run exported = run(List.of("export", export.toString()), properties);
        assertEquals(0, exported.exit(), exported.err());
        List<String> countries = Files.readAllLines(export.resolve("countries.csv"), StandardCharsets.UTF_8);
        assertTrue(countries.get(0).contains("updated_by"), countries.get(0));
        assertTrue(countries.stream().skip(1).allMatch(line -> line.contains(System.getProperty("user.name"))),
                String.join("\n", countries));

        // the store now holds data: the same command merges into it over Bolt, without the importer
        Run second = run(List.of("import", fixture().toString()), properties);
        assertEquals(0, second.exit(), second.err());
        assertFalse(second.err().contains("IMPORT DONE"), second.err());
        assertTrue(second.err().contains("writing [##############################] 100% 44/44 rows (attendance.csv)"),
                second.err());
    }
}
