package org.partnershipexplorer.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A person who clones the repository has nothing else: no folder beside it, no issue tracker of ours. The files we
 * write (code, schema, build, documents, seed tools) must not point at the shared folder beside the repository nor
 * cite issue or session numbers. Third-party text compiled into the seed (page titles, which may name a journal's
 * issue) is not ours and is not read.
 */
@DisplayName("the repository stands alone")
class StandsAloneTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\.\\./shared|\\b[Ii]ssues? #?\\d+|\\b[Ss]essions? \\d+\\b");
    private static final List<String> ROOTS = List.of("src", "docs", "bench", "bin", "graph-seed/tools", ".ci",
            "README.md", "CHANGELOG.md", "OPERATIONS.md", "SECURITY.md", "schema.graphqls", "pom.xml",
            "graph-seed/README.md", "graph-seed/CHANGELOG.md", "graph-seed/sources/COMPILING.md", "clients/src",
            "clients/codegen.ts");
    private static final List<String> TEXT = List.of(".java", ".md", ".graphqls", ".xml", ".py", ".sh", ".yml",
            ".js", ".html", ".css", ".graphql", "run", ".ts");

    @Test
    @DisplayName("no file of ours points at the shared folder beside the repository or cites an issue or session number")
    void noOutsideReferences() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : ROOTS) {
            Path start = Path.of(root);
            assertTrue(Files.exists(start), root + " is missing");
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(Files::isRegularFile).filter(StandsAloneTest::isText).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = FORBIDDEN.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(file + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        // node_modules holds other projects' packages, installed by the benchmarks and the client check
        return !file.toString().contains("frozen-seed") && !file.toString().contains("node_modules")
                && TEXT.stream().anyMatch(name::endsWith);
    }
}
