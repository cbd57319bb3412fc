package org.partnershipexplorer.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The world of {@link GeneratedGraph} written as a seed folder (docs/graph-model.md's CSV files), so that the
 * benchmark loads it through the seed loader as an import would: countries in five regions (three-letter codes, as
 * the contract wants), a few organisations, missions, contributions and dated totals every year, programmes, and
 * TRAINS / DONATES_TO rows whose providers are skewed towards a few big ones. Streamed to disk: a million rows never
 * sit in memory.
 */
public final class GeneratedSeed {

    /** Programmes a training may name: with the other key cells, enough to keep a million training keys apart. */
    static final int PROGRAMS = 1000;

    private GeneratedSeed() {
    }

    /** {@code AAA}, {@code AAB}, ...: the i-th generated country's iso3. */
    static String country(int i) {
        return "" + (char) ('A' + i / 676) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
    }

    /** The world of bench/analytics.sh with {@code relationships} trainings and donations, for other benchmarks. */
    public static long write(Path dir, int relationships) {
        return write(dir, new GeneratedGraph.Spec(193, 5, relationships, 1995, 2024, 20, 2026));
    }

    /** Writes the seed into {@code dir} (created); returns the number of training and donation rows. */
    public static long write(Path dir, GeneratedGraph.Spec spec) {
        try {
            Files.createDirectories(dir);
            return writeFiles(dir, spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated seed into " + dir, e);
        }
    }

    private static long writeFiles(Path dir, GeneratedGraph.Spec spec) throws IOException {
        Random random = new Random(spec.seed());
        try (BufferedWriter out = writer(dir, "countries.csv")) {
            out.write("iso3,name,region,confidence,source,un_member\n");
            for (int i = 0; i < spec.countries(); i++) {
                out.write(country(i) + ",Country " + country(i) + ","
                        + GeneratedGraph.REGIONS.get(i % GeneratedGraph.REGIONS.size()) + ",illustrative,generated,true\n");
            }
        }
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < spec.countries(); i++) {
            actors.add(country(i));
        }
        try (BufferedWriter out = writer(dir, "organizations.csv")) {
            out.write("code,name,kind,confidence,source\n");
            for (int i = 0; i < spec.organizations(); i++) {
                out.write("ORG" + i + ",Organisation ORG" + i + ",other,illustrative,generated\n");
                actors.add("ORG" + i);
            }
        }
        try (BufferedWriter out = writer(dir, "programs.csv")) {
            out.write("code,name,confidence,source\n");
            for (int i = 0; i < PROGRAMS; i++) {
                out.write("P" + i + ",Programme P" + i + ",illustrative,generated\n");
            }
        }
        try (BufferedWriter out = writer(dir, "missions.csv")) {
            out.write("acronym,name,start_year,confidence,source\n");
            for (int i = 0; i < spec.missions(); i++) {
                out.write("M" + i + ",Mission M" + i + "," + spec.firstYear() + ",illustrative,generated\n");
            }
        }
        try (BufferedWriter contributions = writer(dir, "contributions.csv");
                BufferedWriter deployments = writer(dir, "deployments.csv")) {
            contributions.write("iso3,mission,year,confidence,source\n");
            deployments.write("iso3,as_of,total,confidence,source\n");
            for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
                for (int i = 0; i < spec.countries(); i++) {
                    if (random.nextDouble() < 0.6) {
                        int n = 1 + random.nextInt(3);
                        Set<Integer> missions = new HashSet<>();
                        for (int k = 0; k < n; k++) {
                            int mission = random.nextInt(spec.missions());
                            if (missions.add(mission)) {
                                contributions.write(country(i) + ",M" + mission + "," + year + ",illustrative,generated\n");
                            }
                        }
                        if (random.nextDouble() < 0.5) {
                            deployments.write(country(i) + "," + year + "-06-30," + (10 + random.nextInt(6000))
                                    + ",illustrative,generated\n");
                        }
                    }
                }
            }
        }
        int big = Math.max(1, actors.size() / 10);
        // training keys are (trainer, trainee, year, program): a drawn programme that repeats a key moves on to the
        // next one, so every row is new and the seed validates
        Set<String> trainingKeys = new HashSet<>();
        long written = 0;
        try (BufferedWriter trainings = writer(dir, "trainings.csv");
                BufferedWriter donations = writer(dir, "donations.csv")) {
            trainings.write("trainer,trainee,year,confidence,source,end_year,program,topic\n");
            donations.write("donor,recipient,item,year,confidence,source,end_year\n");
            for (int i = 0; i < spec.relationships(); i++) {
                String provider = random.nextBoolean() ? actors.get(random.nextInt(big))
                        : actors.get(random.nextInt(actors.size()));
                String recipient = country(random.nextInt(spec.countries()));
                while (recipient.equals(provider)) {
                    recipient = country(random.nextInt(spec.countries()));
                }
                int year = spec.firstYear() + random.nextInt(spec.lastYear() - spec.firstYear() + 1);
                String endYear = random.nextDouble() < 0.2 ? String.valueOf(year + 1 + random.nextInt(3)) : "";
                if (random.nextDouble() < 0.7) {
                    int program = i % PROGRAMS;
                    String pair = provider + ":" + recipient + ":" + year + ":";
                    while (!trainingKeys.add(pair + program)) {
                        program = (program + 1) % PROGRAMS;
                    }
                    trainings.write(provider + "," + recipient + "," + year + ",illustrative,generated," + endYear
                            + ",P" + program + ",topic " + (i % 7) + "\n");
                } else {
                    donations.write(provider + "," + recipient + ",item " + i + "," + year + ",illustrative,generated,"
                            + endYear + "\n");
                }
                written++;
            }
        }
        return written;
    }

    private static BufferedWriter writer(Path dir, String file) throws IOException {
        return Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
