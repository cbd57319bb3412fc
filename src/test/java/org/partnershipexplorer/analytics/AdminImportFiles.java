package org.partnershipexplorer.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes the generated world ({@link GeneratedSeed}) as the CSV files of {@code neo4j-admin database import}, so that
 * bench/admin-import.sh can time Neo4j's own offline importer on the same graph the seed loader loads: the same
 * nodes, labels, relationships and properties (years as integers, dates as dates), ids as the loader makes them.
 *
 * <p>Run: {@code AdminImportFiles SIZE OUT_DIR} (the seed is generated into OUT_DIR/seed first).
 */
public final class AdminImportFiles {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private AdminImportFiles() {
    }

    public static void main(String[] args) throws IOException {
        int relationships = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path seed = out.resolve("seed");
        GeneratedSeed.write(seed, new GeneratedGraph.Spec(193, 5, relationships, 1995, 2024, 20, 2026));
        Files.createDirectories(out);
        try (BufferedWriter w = writer(out, "actors.csv")) {
            w.write("id:ID(Actor),iso3,code,name,region,kind,unMember:boolean,confidence,source,:LABEL\n");
            for (CSVRecord r : read(seed, "countries.csv")) {
                w.write(String.join(",", r.get("iso3"), r.get("iso3"), "", r.get("name"), r.get("region"), "",
                        r.get("un_member"), r.get("confidence"), r.get("source"), "Country;Actor") + "\n");
            }
            for (CSVRecord r : read(seed, "organizations.csv")) {
                w.write(String.join(",", r.get("code"), "", r.get("code"), r.get("name"), "", r.get("kind"), "",
                        r.get("confidence"), r.get("source"), "Organization;Actor") + "\n");
            }
        }
        try (BufferedWriter w = writer(out, "programs.csv")) {
            w.write("code:ID(Program),name,confidence,source\n");
            for (CSVRecord r : read(seed, "programs.csv")) {
                w.write(String.join(",", r.get("code"), r.get("name"), r.get("confidence"), r.get("source")) + "\n");
            }
        }
        try (BufferedWriter w = writer(out, "missions.csv")) {
            w.write("acronym:ID(Mission),name,startYear:int,confidence,source\n");
            for (CSVRecord r : read(seed, "missions.csv")) {
                w.write(String.join(",", r.get("acronym"), r.get("name"), r.get("start_year"), r.get("confidence"),
                        r.get("source")) + "\n");
            }
        }
        try (BufferedWriter nodes = writer(out, "deployments.csv"); BufferedWriter edges = writer(out, "reported.csv")) {
            nodes.write("key:ID(Deployment),iso3,asOf:date,total:int,confidence,source\n");
            edges.write(":START_ID(Actor),:END_ID(Deployment),confidence,source\n");
            for (CSVRecord r : read(seed, "deployments.csv")) {
                String key = r.get("iso3") + ":" + r.get("as_of");
                nodes.write(String.join(",", key, r.get("iso3"), r.get("as_of"), r.get("total"), r.get("confidence"),
                        r.get("source")) + "\n");
                edges.write(String.join(",", r.get("iso3"), key, r.get("confidence"), r.get("source")) + "\n");
            }
        }
        try (BufferedWriter w = writer(out, "contributions.csv")) {
            w.write(":START_ID(Actor),:END_ID(Mission),id,year:int,confidence,source\n");
            for (CSVRecord r : read(seed, "contributions.csv")) {
                w.write(String.join(",", r.get("iso3"), r.get("mission"), "CONTRIBUTION:" + r.get("iso3") + ":"
                        + r.get("mission") + ":" + r.get("year"), r.get("year"), r.get("confidence"), r.get("source"))
                        + "\n");
            }
        }
        try (BufferedWriter w = writer(out, "trainings.csv")) {
            w.write(":START_ID(Actor),:END_ID(Actor),id,year:int,endYear:int,program,topic,confidence,source\n");
            for (CSVRecord r : read(seed, "trainings.csv")) {
                w.write(String.join(",", r.get("trainer"), r.get("trainee"), "TRAINING:" + r.get("trainer") + ":"
                        + r.get("trainee") + ":" + r.get("year") + ":" + r.get("program"), r.get("year"),
                        r.get("end_year"), r.get("program"), r.get("topic"), r.get("confidence"), r.get("source")) + "\n");
            }
        }
        try (BufferedWriter w = writer(out, "donations.csv")) {
            w.write(":START_ID(Actor),:END_ID(Actor),id,item,year:int,endYear:int,confidence,source\n");
            for (CSVRecord r : read(seed, "donations.csv")) {
                w.write(String.join(",", r.get("donor"), r.get("recipient"), "DONATION:" + r.get("donor") + ":"
                        + r.get("recipient") + ":" + r.get("year") + ":" + r.get("item"), r.get("item"), r.get("year"),
                        r.get("end_year"), r.get("confidence"), r.get("source")) + "\n");
            }
        }
    }

    private static Iterable<CSVRecord> read(Path seed, String file) throws IOException {
        Reader reader = Files.newBufferedReader(seed.resolve(file), StandardCharsets.UTF_8);
        return CSVParser.parse(reader, READ);
    }

    private static BufferedWriter writer(Path dir, String file) throws IOException {
        return Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
