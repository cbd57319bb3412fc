package org.partnershipexplorer.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a seed folder in the format of docs/graph-model.md at {@code scale} times the size of graph-seed/: the seed's
 * own rows (copy 0), then {@code scale - 1} synthetic copies of every row.
 *
 * <p>A copy's keys follow the contract's patterns, as every import must. Codes, acronyms and ids get a prefix
 * ({@code X07-UN}, {@code X07-MINUSCA}, {@code X07-TPP}, {@code x07-seoul-2021}) that no real key has. A country's
 * twin needs a key of three capital letters, and there are only 17,576: twins take the three-letter codes the seed
 * does not use, from {@code ZZZ} down. When a scale needs more twins than there are codes (from about 89x), the
 * rest become organisations ({@code X95-KEN}), so that the actors, trainings and donations keep their numbers; their
 * rows that only a country can have (a contribution, a membership, a host) go to a twin that is a country, and
 * their deployments are left out, since that twin already reported on those dates.
 *
 * <p>Every synthetic row is {@code illustrative} with a source saying it was generated. Copies are not islands: every
 * other training and donation of copy c goes to the recipient's twin in copy c-1, so real actors also receive from
 * synthetic ones and paths cross copies.
 *
 * <p>Run: {@code SeedScaler SEED_DIR OUT_DIR SCALE}.
 */
public final class SeedScaler {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /**
     * Which columns of each file hold keys, and of what kind: c = a country, a = an actor of either kind, r = an
     * actor that every other row takes from the copy before, m = a mission, p = a programme, n = a ministerial's or a
     * pledge's id. countries.csv comes first: its rows decide which twins are countries.
     */
    private static final Map<String, Map<String, Character>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("countries.csv", Map.of("iso3", 'c'));
        KEYS.put("organizations.csv", Map.of("code", 'a'));
        KEYS.put("programs.csv", Map.of("code", 'p'));
        KEYS.put("missions.csv", Map.of("acronym", 'm', "host_iso3", 'c'));
        KEYS.put("ministerials.csv", Map.of("id", 'n', "host_iso3", 'c'));
        KEYS.put("memberships.csv", Map.of("iso3", 'c', "organization", 'a'));
        KEYS.put("contributions.csv", Map.of("iso3", 'c', "mission", 'm'));
        KEYS.put("deployments.csv", Map.of("iso3", 'c'));
        KEYS.put("trainings.csv", Map.of("trainer", 'a', "trainee", 'r', "program", 'p'));
        KEYS.put("donations.csv", Map.of("donor", 'a', "recipient", 'r', "program", 'p'));
        KEYS.put("pledges.csv", Map.of("id", 'n', "pledger", 'a', "ministerial", 'n', "beneficiary", 'a',
                "mission", 'm'));
        KEYS.put("attendance.csv", Map.of("actor", 'a', "ministerial", 'n'));
    }

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
        return generate(seed, out, scale, Integer.MAX_VALUE);
    }

    /**
     * As {@link #generate(Path, Path, int)}, with at most {@code countryCodes} three-letter codes for the twins: a
     * small scale then runs out of codes as 100x does, in seconds instead of minutes.
     */
    public static long generate(Path seed, Path out, int scale, int countryCodes) throws IOException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        Files.createDirectories(out);
        Twins twins = Twins.of(read(seed.resolve("countries.csv")), read(seed.resolve("organizations.csv")),
                countryCodes);
        long written = 0;
        // The sources are cited, not scaled: every copy of a row cites the same pages.
        Path sources = seed.resolve("sources.csv");
        if (Files.exists(sources)) {
            Files.copy(sources, out.resolve("sources.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            written += read(sources).records().size();
        }
        for (Map.Entry<String, Map<String, Character>> file : KEYS.entrySet()) {
            Path source = seed.resolve(file.getKey());
            if (!Files.exists(source)) {
                continue;
            }
            Table table = read(source);
            try (Writer w = Files.newBufferedWriter(out.resolve(file.getKey()), StandardCharsets.UTF_8);
                    CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(table.header().toArray(String[]::new))
                            .get().print(w)) {
                for (int copy = 0; copy < scale; copy++) {
                    for (CSVRecord record : table.records()) {
                        List<String> row = row(file.getKey(), file.getValue(), table.header(), record, copy, twins);
                        if (row != null) {
                            printer.printRecord(row);
                            written++;
                        }
                    }
                    if (copy > 0 && file.getKey().equals("organizations.csv")) {
                        for (String country : twins.organizationsIn(copy)) {
                            printer.printRecord(twins.organizationRow(table.header(), country, copy));
                            written++;
                        }
                    }
                }
            }
        }
        return written;
    }

    private record Table(List<String> header, List<CSVRecord> records) {
    }

    private static Table read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Table(List.of(), List.of());
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(in)) {
            return new Table(parser.getHeaderNames(), parser.getRecords());
        }
    }

    /** The row of {@code copy}, or null when that copy has no such row (see the class comment). */
    private static List<String> row(String file, Map<String, Character> keys, List<String> header, CSVRecord record,
            int copy, Twins twins) {
        if (copy > 0 && (file.equals("countries.csv") || file.equals("deployments.csv"))
                && !twins.isCountry(record.get("iso3"), copy)) {
            return null;
        }
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
                cells.add(source(copy, file, record.getRecordNumber()));
            } else if (kind == null || cell.isEmpty()) {
                cells.add(cell);
            } else {
                // every other partnership of copy c reaches the recipient's twin in copy c-1
                int target = kind == 'r' && record.getRecordNumber() % 2 == 0 ? copy - 1 : copy;
                cells.add(String.join(";", Arrays.stream(cell.split(";"))
                        .map(k -> twins.key(kind, k, target)).toList()));
            }
        }
        return cells;
    }

    private static String source(int copy, String file, long row) {
        return "generated by bench SeedScaler: copy " + copy + " of graph-seed/" + file + " data row " + row;
    }

    /** The keys of the copies. */
    private static final class Twins {

        /** The seed's countries in file order, each with its name. */
        private final Map<String, String> countries;
        private final Map<String, Integer> position = new LinkedHashMap<>();
        /** The three-letter codes no real actor has, from ZZZ down: the twins' iso3s, copy 1's first. */
        private final List<String> spare;

        private Twins(Map<String, String> countries, Set<String> taken, int limit) {
            this.countries = countries;
            countries.keySet().forEach(iso3 -> position.put(iso3, position.size()));
            List<String> codes = new ArrayList<>();
            for (char a = 'Z'; a >= 'A'; a--) {
                for (char b = 'Z'; b >= 'A'; b--) {
                    for (char c = 'Z'; c >= 'A'; c--) {
                        String code = "" + a + b + c;
                        if (!taken.contains(code) && codes.size() < limit) {
                            codes.add(code);
                        }
                    }
                }
            }
            this.spare = codes;
        }

        static Twins of(Table countries, Table organizations, int limit) {
            Map<String, String> names = new LinkedHashMap<>();
            countries.records().forEach(r -> names.put(r.get("iso3"), r.get("name")));
            Set<String> taken = new HashSet<>(names.keySet());
            organizations.records().forEach(r -> taken.add(r.get("code")));
            return new Twins(names, taken, limit);
        }

        /** Where the twin of a country in a copy stands among all twins (copy 1 first, in file order). */
        private int index(String iso3, int copy) {
            return (copy - 1) * countries.size() + position.get(iso3);
        }

        boolean isCountry(String key, int copy) {
            return copy == 0 || position.containsKey(key) && index(key, copy) < spare.size();
        }

        /** The twin of a key in a copy; a country's where only a country will do ('c'). */
        String key(char kind, String key, int copy) {
            if (copy == 0) {
                return key;
            }
            if (position.containsKey(key) && (kind == 'c' || isCountry(key, copy))) {
                // a copy's countries take consecutive indices, so the wrap-around never gives two of them one twin
                return spare.get(index(key, copy) % spare.size());
            }
            return (kind == 'n' ? "x%02d-%s" : "X%02d-%s").formatted(copy, key);
        }

        /** The countries whose twins in a copy are organisations. */
        List<String> organizationsIn(int copy) {
            return countries.keySet().stream().filter(iso3 -> !isCountry(iso3, copy)).toList();
        }

        List<String> organizationRow(List<String> header, String iso3, int copy) {
            List<String> cells = new ArrayList<>(header.size());
            for (String column : header) {
                cells.add(switch (column) {
                    case "code" -> key('a', iso3, copy);
                    case "name" -> countries.get(iso3) + " (twin " + copy + ")";
                    case "kind" -> "other";
                    case "confidence" -> "illustrative";
                    case "source" -> source(copy, "countries.csv", position.get(iso3) + 1);
                    default -> "";
                });
            }
            return cells;
        }
    }
}
