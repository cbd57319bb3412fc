package org.partnershipexplorer.seed;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.partnershipexplorer.neo4j.Cypher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the whole graph back as a seed folder (the backup): one CSV per kind in docs/graph-model.md's format, every
 * contract column, confidence and source, and every other property as an extra column, so that loading the export
 * into an empty database gives the same graph.
 *
 * <p>All files are read in one read transaction (one state of the graph) and streamed row by row.
 */
@Singleton
public final class SeedExporter {

    /** An export reads the whole graph: it may rightly take longer than an ordinary request. */
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(SeedExporter.class);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Cypher cypher;

    public SeedExporter(Cypher cypher) {
        this.cypher = cypher;
    }

    /** Where the files go: each call opens one file's stream; the exporter closes it. */
    @FunctionalInterface
    public interface Sink {
        OutputStream open(String fileName) throws IOException;
    }

    /** The rows written per file, in load order. */
    public record ExportReport(Map<String, Long> rows, Duration duration) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Exports into a folder (created if missing), overwriting the seed files there. */
    public ExportReport toDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return export(name -> Files.newOutputStream(dir.resolve(name)));
    }

    /** Exports as one zip of the seed files. */
    public ExportReport toZip(OutputStream out) {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        ExportReport report = export(name -> {
            zip.putNextEntry(new ZipEntry(name));
            // closing a file closes its entry, not the zip
            return new java.io.FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                    zip.closeEntry();
                }
            };
        });
        try {
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    public ExportReport export(Sink sink) {
        long started = System.nanoTime();
        Map<String, Long> rows = cypher.inReadTransaction(EXPORT_TIMEOUT, tx -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (SeedFile file : SeedFile.values()) {
                counts.put(file.fileName, exportFile(tx, file, sink));
            }
            return counts;
        });
        ExportReport report = new ExportReport(rows, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Exported {} rows in {} ms: {}", report.total(), report.duration().toMillis(), rows);
        return report;
    }

    private long exportFile(Cypher.Transaction tx, SeedFile file, Sink sink) {
        // The header must name every extra column before the first row is streamed.
        List<String> properties = new ArrayList<>();
        tx.each(extraKeysQuery(file), Map.of(), r -> properties.add(r.get("k").asString()));
        List<String> header = new ArrayList<>(file.columnNames());
        header.addAll(SeedRows.extraColumns(file, properties));
        long[] count = {0};
        try (Writer writer = new OutputStreamWriter(sink.open(file.fileName), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord(header);
            tx.each(SeedGraph.all(file), Map.of(), r -> {
                Map<String, String> cells = SeedRows.cells(file, r.get("props").asMap(), r.get("ends").asMap());
                List<String> record = new ArrayList<>(header.size());
                for (String column : header) {
                    record.add(cells.getOrDefault(column, ""));
                }
                try {
                    csv.printRecord(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.fileName, e);
        }
        return count[0];
    }

    private static String extraKeysQuery(SeedFile file) {
        String all = SeedGraph.all(file);
        String match = all.substring(0, all.indexOf("\n"));
        return match + "\nUNWIND keys(n) AS k\nRETURN DISTINCT k";
    }
}
