package org.partnershipexplorer.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a seed folder in the format of docs/graph-model.md at {@code scale} times the size of graph-seed/: the seed's
 * own rows (copy 0), then {@code scale - 1} synthetic copies of every row.
 *
 * <p>A copy's keys are the seed's with a lower-case prefix ({@code x07KEN}, {@code x07UN}, {@code x07-seoul-2021}),
 * so they sort after every real key and never clash with one; every synthetic row is {@code illustrative} with a
 * source saying it was generated. Copies are not islands: every other training and donation of copy c goes to the
 * recipient's twin in copy c-1, so real actors also receive from synthetic ones and paths cross copies.
 *
 * <p>Run: {@code SeedScaler SEED_DIR OUT_DIR SCALE}.
 */
public final class SeedScaler {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** Which columns of each file hold keys, and of what kind (a = actor, m = mission, p = programme...). */
    private static final Map<String, Map<String, Character>> KEYS = Map.ofEntries(
            Map.entry("countries.csv", Map.of("iso3", 'a')),
            Map.entry("organizations.csv", Map.of("code", 'a')),
            Map.entry("programs.csv", Map.of("code", 'p')),
            Map.entry("missions.csv", Map.of("acronym", 'm', "host_iso3", 'a')),
            Map.entry("ministerials.csv", Map.of("id", 'n', "host_iso3", 'a')),
            Map.entry("memberships.csv", Map.of("iso3", 'a', "organization", 'a')),
            Map.entry("contributions.csv", Map.of("iso3", 'a', "mission", 'm')),
            Map.entry("deployments.csv", Map.of("iso3", 'a')),
            Map.entry("trainings.csv", Map.of("trainer", 'a', "trainee", 'r', "program", 'p')),
            Map.entry("donations.csv", Map.of("donor", 'a', "recipient", 'r', "program", 'p')),
            Map.entry("pledges.csv", Map.of("id", 'n', "pledger", 'a', "ministerial", 'n', "beneficiary", 'a',
                    "mission", 'm')),
            Map.entry("attendance.csv", Map.of("actor", 'a', "ministerial", 'n')));

    private SeedScaler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SeedScaler SEED_DIR OUT_DIR SCALE");
            System.exit(2);
        }
        long rows = generate(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
        System.out.println("wrote " + rows + " rows to " + args[1]);
    }

    /** Writes the scaled seed; answers the number of rows written. */
    public static long generate(Path seed, Path out, int scale) throws IOException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        Files.createDirectories(out);
        long written = 0;
        for (Map.Entry<String, Map<String, Character>> file : KEYS.entrySet()) {
            Path source = seed.resolve(file.getKey());
            if (!Files.exists(source)) {
                continue;
            }
            List<CSVRecord> records;
            List<String> header;
            try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                    CSVParser parser = READ.parse(in)) {
                header = parser.getHeaderNames();
                records = parser.getRecords();
            }
            try (Writer w = Files.newBufferedWriter(out.resolve(file.getKey()), StandardCharsets.UTF_8);
                    CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                            .print(w)) {
                for (int copy = 0; copy < scale; copy++) {
                    for (CSVRecord record : records) {
                        printer.printRecord(row(file.getKey(), file.getValue(), header, record, copy));
                        written++;
                    }
                }
            }
        }
        return written;
    }

    private static List<String> row(String file, Map<String, Character> keys, List<String> header, CSVRecord record,
            int copy) {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            String cell = record.get(column);
            if (copy == 0) {
                cells.add(cell);
                continue;
            }
            Character kind = keys.get(column);
            if (column.equals("confidence")) {
                cells.add("illustrative");
            } else if (column.equals("source")) {
                cells.add("generated by bench SeedScaler: copy " + copy + " of graph-seed/" + file + " data row "
                        + record.getRecordNumber());
            } else if (kind == null || cell.isEmpty()) {
                cells.add(cell);
            } else {
                // every other partnership of copy c reaches the recipient's twin in copy c-1
                int target = kind == 'r' && record.getRecordNumber() % 2 == 0 ? copy - 1 : copy;
                BiFunction<String, Integer, String> key = (k, c) -> c == 0 ? k
                        : "x%02d%s%s".formatted(c, kind == 'n' ? "-" : "", k);
                cells.add(String.join(";", Arrays.stream(cell.split(";")).map(k -> key.apply(k, target)).toList()));
            }
        }
        return cells;
    }
}
