package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partnershipexplorer.seed.SeedFixtures.fixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipexplorer.seed.LoadReport.FileRows;

@DisplayName("Validating a seed (pass 1)")
class SeedValidatorTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    @Test
    @DisplayName("reports every bad row of the broken fixture as file:line: column: what is wrong, in file order")
    void brokenFixtureListsEveryError() {
        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(fixture("broken")), true));

        assertEquals(List.of(
                "countries.csv:3: confidence: unknown confidence 'sure' (verified, reported, estimate, illustrative)",
                "countries.csv:4: un_member: 'yes' is not a boolean (true or false)",
                "countries.csv:4: source: required, but empty",
                "countries.csv:5: iso3: duplicate key 'KOR' (first on line 2)",
                "organizations.csv:3: code: code 'GHA' clashes with a country's iso3 in countries.csv",
                "organizations.csv:4: kind: unknown kind 'union' (un, regional, alliance, other)",
                "missions.csv:2: host_iso3: unknown country 'XYZ' (not in countries.csv)",
                "missions.csv:3: start_year: year 1891 is out of range 1945..2100",
                "missions.csv:4: end_year: end_year 1960 is before start_year 1964",
                "contributions.csv:2: total: 'abc' is not an integer",
                "contributions.csv:3: mission: unknown mission 'MINUSCA' (not in missions.csv)",
                "contributions.csv:3: as_of: '2021-31-12' is not an ISO date (yyyy-MM-dd)",
                "trainings.csv:2: trainee: unknown actor 'XYZ' (not in countries.csv or organizations.csv)",
                "trainings.csv:3: trainees: -3 is negative: counts are non-negative integers",
                "trainings.csv:4: year: '20x1' is not a year",
                "trainings.csv:5: program: unknown program 'NOPE' (not in programs.csv)",
                "trainings.csv:7: program: unknown program 'NOPE' (not in programs.csv)",
                "trainings.csv:7: trainer: duplicate key 'UN, KOR, 2022, NOPE' (first on line 5)",
                "trainings.csv:8: (row): 6 cells, but the header has 8",
                "donations.csv:1: item: required column is missing from the header",
                "pledges.csv:2: ministerial: unknown ministerial 'seoul-2021' (not in ministerials.csv)",
                "pledges.csv:2: category: unknown category 'GADGETS' (CAPABILITY, TRAINING, CAPACITY_BUILDING, "
                        + "MEDICAL, WOMEN, ENVIRONMENT, TECHNOLOGY, FINANCIAL, OTHER)",
                "pledges.csv:2: status: unknown status 'promised' (pledged, in_progress, delivered, lapsed, unknown)"),
                e.lines());
        assertEquals(new SeedError("trainings.csv", 2, "trainee",
                "unknown actor 'XYZ' (not in countries.csv or organizations.csv)"), e.getErrors().get(12));
    }

    @Test
    @DisplayName("accepts the valid fixture and counts its rows, ignoring README.md and the sources/ subfolder")
    void validFixtureCountsRows() {
        List<FileRows> files = SeedValidator.validate(SeedSource.directory(fixture("valid")), false);

        assertEquals(List.of(
                new FileRows("countries.csv", 7, 1),
                new FileRows("organizations.csv", 3, 0),
                new FileRows("programs.csv", 1, 0),
                new FileRows("missions.csv", 4, 0),
                new FileRows("ministerials.csv", 2, 0),
                new FileRows("memberships.csv", 7, 1),
                new FileRows("contributions.csv", 3, 0),
                new FileRows("deployments.csv", 2, 0),
                new FileRows("trainings.csv", 4, 1),
                new FileRows("donations.csv", 2, 0),
                new FileRows("pledges.csv", 4, 1),
                new FileRows("attendance.csv", 5, 1)), files);
    }

    @Test
    @DisplayName("the classpath source reads the same fixture as the folder does")
    void classpathSourceReadsTheFixture() {
        assertEquals(SeedValidator.validate(SeedSource.directory(fixture("valid")), true),
                SeedValidator.validate(SeedSource.classpath("seed/valid"), true));
    }

    @Test
    @DisplayName("a folder without seed files is a valid, empty seed")
    void emptyFolderIsEmptySeed() {
        assertEquals(List.of(), SeedValidator.validate(SeedSource.directory(dir), true));
    }

    @Test
    @DisplayName("without illustrative data, a real row that names a node only an illustrative row defines is an error")
    void realRowOnIllustrativeNode() throws IOException {
        write("countries.csv", """
                iso3,name,region,confidence,source
                KOR,Republic of Korea,Asia,verified,https://example.org
                ZZZ,Illustratia,Europe,illustrative,illustrative: invented
                """);
        write("trainings.csv", """
                trainer,trainee,year,confidence,source
                KOR,ZZZ,2021,reported,https://example.org
                ZZZ,KOR,2021,illustrative,illustrative: invented
                """);

        assertEquals(2, SeedValidator.validate(SeedSource.directory(dir), true).size());
        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), false));
        assertEquals(List.of("trainings.csv:2: trainee: actor 'ZZZ' is defined only by an illustrative row, "
                + "which a load without illustrative data skips"), e.lines());
    }

    @Test
    @DisplayName("a count above the API's Int is refused on import, so that no stored value can fail the queries that read it")
    void countBeyondTheApisInt() throws IOException {
        write("countries.csv", """
                iso3,name,region,confidence,source
                KOR,Republic of Korea,Asia,verified,https://example.org
                KEN,Kenya,Africa,verified,https://example.org
                """);
        write("trainings.csv", """
                trainer,trainee,year,trainees,confidence,source
                KOR,KEN,2021,2147483647,reported,https://example.org
                KOR,KEN,2022,2147483648,reported,https://example.org
                """);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));
        assertEquals(List.of("trainings.csv:3: trainees: 2147483648 is too large: counts are at most 2147483647 "
                + "(the API's Int)"), e.lines());
    }

    @Test
    @DisplayName("a key that breaks its kind's pattern, or holds a control character anywhere, is refused with file, line and column")
    void keysFollowTheirPatterns() throws IOException {
        write("countries.csv", """
                iso3,name,region,confidence,source
                  KOR  ,Republic of Korea,Asia,verified,https://example.org
                KEN,Kenya,Africa,verified,https://example.org
                ken,kenya,Africa,verified,https://example.org
                KENYA,Kenya again,Africa,verified,https://example.org
                K:N,Colon,Africa,verified,https://example.org
                "UGA\u0000",Uganda,Africa,verified,https://example.org
                """);
        write("organizations.csv", """
                code,name,confidence,source
                G5SAHEL,G5 Sahel,verified,https://example.org
                AU:UN,Two in one,verified,https://example.org
                """);
        write("programs.csv", """
                code,name,confidence,source
                JPN-PKOC-AFRICA,Japan's PKO centres in Africa,verified,https://example.org
                TPP--X,Double hyphen,verified,https://example.org
                """);
        write("missions.csv", """
                acronym,name,start_year,host_iso3,confidence,source
                UNAVEM III,Angola Verification Mission III,1995,KEN,verified,https://example.org
                Unosom II,Somalia,1993,KEN;kor,verified,https://example.org
                """);
        write("ministerials.csv", """
                id,name,start_date,confidence,source
                seoul-2021,Seoul,2021-12-07,verified,https://example.org
                Seoul 2021,Seoul again,2021-12-07,verified,https://example.org
                """);
        write("trainings.csv", """
                trainer,trainee,year,program,confidence,source
                KOR,"KEN\t",2021,,reported,https://example.org
                KOR,KEN,2021,JPN-PKOC-AFRICA,reported,https://example.org
                """);
        write("donations.csv", """
                donor,recipient,item,year,confidence,source
                KOR,KEN,"trucks: 12, heavy",2021,reported,https://example.org
                KOR,KEN,"radios\u000B",2021,reported,https://example.org
                """);
        write("pledges.csv", """
                id,pledger,ministerial,category,confidence,source
                seoul-2021-kor-1,KOR,seoul-2021,CAPABILITY,verified,https://example.org
                seoul-2021:kor,KOR,seoul-2021,CAPABILITY,verified,https://example.org
                """);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));
        assertEquals(List.of(
                "countries.csv:4: iso3: 'ken' is not an iso3: three capital letters A-Z, such as KEN",
                "countries.csv:5: iso3: 'KENYA' is not an iso3: three capital letters A-Z, such as KEN",
                "countries.csv:6: iso3: 'K:N' is not an iso3: three capital letters A-Z, such as KEN",
                "countries.csv:7: iso3: contains the control character U+0000 at position 3: keys may not hold one",
                "organizations.csv:3: code: 'AU:UN' is not a code: capital letters A-Z and digits, words joined by "
                        + "single hyphens or spaces, such as CUNPK-AFRICA or UNOSOM II",
                "programs.csv:3: code: 'TPP--X' is not a code: capital letters A-Z and digits, words joined by "
                        + "single hyphens or spaces, such as CUNPK-AFRICA or UNOSOM II",
                "missions.csv:3: acronym: 'Unosom II' is not a code: capital letters A-Z and digits, words joined by "
                        + "single hyphens or spaces, such as CUNPK-AFRICA or UNOSOM II",
                "missions.csv:3: host_iso3: 'kor' is not an iso3: three capital letters A-Z, such as KEN",
                "ministerials.csv:3: id: 'Seoul 2021' is not an id: lower-case letters a-z and digits, words joined "
                        + "by single hyphens, such as seoul-2021",
                "trainings.csv:2: trainee: contains the control character U+0009 at position 3: keys may not hold one",
                "donations.csv:3: item: contains the control character U+000B at position 6: keys may not hold one",
                "pledges.csv:3: id: 'seoul-2021:kor' is not an id: lower-case letters a-z and digits, words joined by "
                        + "single hyphens, such as seoul-2021"), e.lines());
    }

    @Test
    @DisplayName("the bundled seed and the frozen test seed keep to every key pattern")
    void bundledAndFrozenSeedsPass() {
        List<FileRows> bundled = SeedValidator.validate(SeedSource.directory(Path.of("graph-seed")), true);
        List<FileRows> frozen = SeedValidator.validate(SeedSource.directory(Path.of("src/test/resources/frozen-seed")), true);

        assertEquals(13, bundled.size());
        assertEquals(13, frozen.size());
        assertEquals(new FileRows("sources.csv", 548, 0), bundled.get(0));
        assertEquals(new FileRows("sources.csv", 2, 0), frozen.get(0));
        assertEquals(new FileRows("countries.csv", 197, 0), bundled.get(1));
        assertEquals(new FileRows("countries.csv", 197, 0), frozen.get(1));
    }

    @Test
    @DisplayName("a column named twice once the spaces around the names are dropped is refused as malformed")
    void headerNamedTwice() throws IOException {
        write("countries.csv", """
                iso3,name, iso3 ,region,confidence,source
                KOR,Republic of Korea,KOR,Asia,verified,https://example.org
                """);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));
        assertEquals(List.of("countries.csv:1: (csv): cannot read the header: the header names the column 'iso3' twice"),
                e.lines());
    }

    @Test
    @DisplayName("an actor training or giving to itself, and a delivery above the pledged quantity, are refused on import")
    void domainRules() throws IOException {
        write("countries.csv", """
                iso3,name,region,confidence,source
                KOR,Republic of Korea,Asia,verified,https://example.org
                KEN,Kenya,Africa,verified,https://example.org
                """);
        write("ministerials.csv", """
                id,name,start_date,confidence,source
                seoul-2021,Seoul,2021-12-07,verified,https://example.org
                """);
        write("trainings.csv", """
                trainer,trainee,year,confidence,source
                KOR,KOR,2021,reported,https://example.org
                """);
        write("donations.csv", """
                donor,recipient,item,year,confidence,source
                KEN,KEN,trucks,2021,reported,https://example.org
                """);
        write("pledges.csv", """
                id,pledger,ministerial,category,quantity,delivered_quantity,confidence,source
                p1,KOR,seoul-2021,CAPABILITY,16,16,verified,https://example.org
                p2,KOR,seoul-2021,CAPABILITY,16,17,verified,https://example.org
                """);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));
        assertEquals(List.of(
                "trainings.csv:2: trainee: trainee 'KOR' is also the trainer: a partnership is between two different actors",
                "donations.csv:2: recipient: recipient 'KEN' is also the donor: a partnership is between two different actors",
                "pledges.csv:3: delivered_quantity: delivered_quantity 17 is more than the quantity 16"), e.lines());
    }

    @Test
    @DisplayName("a pledge's delivered_by names trainings and donations by stable id; an id no row has is refused with file, line and column")
    void deliveredByNamesExistingPartnerships() throws IOException {
        write("countries.csv", """
                iso3,name,region,confidence,source
                KOR,Republic of Korea,Asia,verified,https://example.org
                KEN,Kenya,Africa,verified,https://example.org
                IDN,Indonesia,Asia,verified,https://example.org
                """);
        write("programs.csv", """
                code,name,confidence,source
                TPP,Triangular Partnership Programme,verified,https://example.org
                """);
        write("ministerials.csv", """
                id,name,start_date,confidence,source
                seoul-2021,Seoul,2021-12-07,verified,https://example.org
                """);
        write("trainings.csv", """
                trainer,trainee,year,program,confidence,source
                KOR,IDN,2022,TPP,verified,https://example.org
                KOR,KEN,2022,,illustrative,generated
                """);
        write("donations.csv", """
                donor,recipient,item,year,confidence,source
                KOR,KEN,500MD helicopters,2021,reported,https://example.org
                KOR,IDN,boreholes; solar power,2022,reported,https://example.org
                """);
        write("pledges.csv", """
                id,pledger,ministerial,category,delivered_by,confidence,source
                p1,KOR,seoul-2021,CAPABILITY,DONATION:KOR:KEN:2021:500MD helicopters,verified,https://example.org
                p2,KOR,seoul-2021,TRAINING,TRAINING:KOR:IDN:2022:TPP ; DONATION:KOR:IDN:2022:boreholes; solar power,verified,https://example.org
                p3,KOR,seoul-2021,CAPABILITY,DONATION:KOR:KEN:2022:500MD helicopters,verified,https://example.org
                p4,KOR,seoul-2021,TRAINING,TRAINING:KOR:IDN:2022,verified,https://example.org
                p5,KOR,seoul-2021,TRAINING,the helicopters,verified,https://example.org
                p6,KOR,seoul-2021,TRAINING,TRAINING:KOR:KEN:2022,verified,https://example.org
                """);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), false));
        assertEquals(List.of(
                "pledges.csv:4: delivered_by: unknown partnership 'DONATION:KOR:KEN:2022:500MD helicopters'"
                        + " (not in trainings.csv or donations.csv)",
                "pledges.csv:5: delivered_by: unknown partnership 'TRAINING:KOR:IDN:2022'"
                        + " (not in trainings.csv or donations.csv)",
                "pledges.csv:6: delivered_by: 'the helicopters' is not the id of a training or a donation"
                        + " (TRAINING:trainer:trainee:year[:program] or DONATION:donor:recipient:year:item)",
                "pledges.csv:7: delivered_by: partnership 'TRAINING:KOR:KEN:2022' is defined only by an illustrative"
                        + " row, which a load without illustrative data skips"), e.lines());
        assertEquals(List.of("DONATION:KOR:KEN:2021:500MD helicopters"),
                ValueType.PARTNERSHIP_LIST.parse("DONATION:KOR:KEN:2021:500MD helicopters"));
        // a donation's item may hold a ";"; the ids come back in one order, whatever the cell's
        assertEquals(List.of("DONATION:KOR:IDN:2022:boreholes; solar power", "TRAINING:KOR:IDN:2022:TPP"),
                ValueType.PARTNERSHIP_LIST.parse("TRAINING:KOR:IDN:2022:TPP ; DONATION:KOR:IDN:2022:boreholes; solar power"));
    }

    @Test
    @DisplayName("a stray quote stops that file with the line it starts on; later files are still checked")
    void malformedCsv() throws IOException {
        write("countries.csv", """
                iso3,name,region,confidence,source
                KOR,Republic of Korea,Asia,verified,https://example.org
                VNM,"Viet" Nam,Asia,verified,https://example.org
                """);
        write("organizations.csv", """
                code,name,confidence,source
                UN,United Nations,maybe,https://www.un.org
                """);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));
        assertEquals(2, e.getErrors().size());
        assertEquals("countries.csv:3: (csv)", e.lines().get(0).substring(0, "countries.csv:3: (csv)".length()));
        assertEquals("organizations.csv:2: confidence: unknown confidence 'maybe' "
                + "(verified, reported, estimate, illustrative)", e.lines().get(1));
    }

    @Test
    @DisplayName("a byte-order mark, CRLF line ends, blank lines and extra columns are all accepted")
    void toleratesSpreadsheetHabits() throws IOException {
        Files.writeString(dir.resolve("countries.csv"), "\uFEFFiso3,name,region,confidence,source,m49,My Note\r\n"
                + "KOR,Republic of Korea,Asia,verified,https://example.org,410,x\r\n\r\n"
                + "VNM,Viet Nam,Asia,Verified,https://example.org,704,\r\n", StandardCharsets.UTF_8);

        assertEquals(List.of(new FileRows("countries.csv", 2, 0)),
                SeedValidator.validate(SeedSource.directory(dir), true));
    }

    @Test
    @DisplayName("more than a thousand errors are cut to a thousand and a line saying how many more")
    void errorListIsCapped() throws IOException {
        String rows = IntStream.rangeClosed(1, 1005)
                .mapToObj(i -> "" + (char) ('A' + i / 676) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26)
                        + ",Country " + i + ",Asia,verified,")
                .collect(Collectors.joining("\n"));
        write("countries.csv", "iso3,name,region,confidence,source\n" + rows + "\n");

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));
        assertEquals(1000, e.getErrors().size());
        assertEquals(5, e.getOmitted());
        assertEquals("countries.csv:1001: source: required, but empty", e.lines().get(999));
        assertEquals("... and 5 more", e.lines().get(1000));
    }

    @Test
    @DisplayName("a missing seed folder is refused, rather than loaded as an empty seed")
    void missingFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedSource.directory(dir.resolve("nope")));
        assertEquals("seed folder " + dir.resolve("nope") + " does not exist or is not a folder", e.getMessage());
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a part of a seed may name keys the graph holds: they are looked up once, all together, and a key in neither is refused at each line naming it")
    void undefinedKeysAreLookedUpInTheGraphOnce() throws IOException {
        Files.writeString(dir.resolve("trainings.csv"), """
                trainer,trainee,year,confidence,source
                JPN,KEN,2031,reported,s
                JPN,QQQ,2031,reported,s
                JPN,UGA,2032,reported,s
                KEN,QQQ,2033,reported,s
                """);
        List<java.util.Map<Column.Ref, java.util.Set<String>>> asked = new java.util.ArrayList<>();
        KnownKeys graph = wanted -> {
            asked.add(wanted);
            return java.util.Map.of(Column.Ref.ACTOR, java.util.Set.of("JPN", "KEN", "UGA"));
        };
        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true, SeedProgress.NONE, graph));

        assertEquals(List.of(java.util.Map.of(Column.Ref.ACTOR, java.util.Set.of("JPN", "KEN", "QQQ", "UGA"))), asked);
        assertEquals(List.of(
                "trainings.csv:3: trainee: unknown actor 'QQQ' (not in countries.csv or organizations.csv nor in the database)",
                "trainings.csv:5: trainee: unknown actor 'QQQ' (not in countries.csv or organizations.csv nor in the database)"),
                e.getErrors().stream().map(SeedError::toString).toList());

        Files.writeString(dir.resolve("trainings.csv"), "trainer,trainee,year,confidence,source\nJPN,KEN,2031,reported,s\n");
        assertEquals(1, SeedValidator.validate(SeedSource.directory(dir), true, SeedProgress.NONE, graph).get(0).read());
    }

    @Test
    @DisplayName("a ministerial, a pledge and a source may not share an id, so that node(id:) names one object")
    void ministerialsPledgesAndSourcesShareOneSetOfIds() throws IOException {
        write("sources.csv", "id,title\nus-003,A page\nseoul-2021,Another page\n");
        write("countries.csv", "iso3,name,region,confidence,source\nKOR,Korea,Asia,verified,s\n");
        write("ministerials.csv", "id,name,start_date,confidence,source\nseoul-2021,Seoul,2021-12-07,verified,s\n"
                + "berlin-2025,Berlin,2025-05-13,verified,s\n");
        write("pledges.csv", "id,pledger,ministerial,category,confidence,source\n"
                + "berlin-2025,KOR,berlin-2025,CAPABILITY,verified,s\nus-003,KOR,seoul-2021,CAPABILITY,verified,s\n"
                + "kor-helicopters,KOR,seoul-2021,CAPABILITY,verified,s\n");
        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true));

        String shared = ": ministerials, pledges and sources share one set of ids, so that an id names one object";
        assertEquals(List.of(
                "ministerials.csv:2: id: id 'seoul-2021' is already the id of a source in sources.csv" + shared,
                "pledges.csv:2: id: id 'berlin-2025' is already the id of a ministerial in ministerials.csv" + shared,
                "pledges.csv:3: id: id 'us-003' is already the id of a source in sources.csv" + shared),
                e.lines());
    }

    @Test
    @DisplayName("a part of a seed may not define an id or key that the graph holds as another kind of its namespace")
    void keysClashingWithTheGraphAreRefused() throws IOException {
        write("organizations.csv", "code,name,confidence,source\nKEN,Not Kenya,reported,s\nAU,African Union,reported,s\n");
        write("ministerials.csv", "id,name,start_date,confidence,source\nus-003,Somewhere,2021-12-07,verified,s\n");
        List<java.util.Map<Column.Ref, java.util.Set<String>>> asked = new java.util.ArrayList<>();
        KnownKeys graph = wanted -> {
            asked.add(wanted);
            return java.util.Map.of(Column.Ref.COUNTRY, java.util.Set.of("KEN"), Column.Ref.SOURCE,
                    java.util.Set.of("us-003"));
        };
        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> SeedValidator.validate(SeedSource.directory(dir), true, SeedProgress.NONE, graph));

        assertEquals(List.of(java.util.Map.of(Column.Ref.COUNTRY, java.util.Set.of("KEN", "AU"),
                Column.Ref.SOURCE, java.util.Set.of("us-003"), Column.Ref.PLEDGE, java.util.Set.of("us-003"))), asked);
        assertEquals(List.of(
                "organizations.csv:2: code: code 'KEN' clashes with a country's iso3 in the database",
                "ministerials.csv:2: id: id 'us-003' is already the id of a source in the database: ministerials,"
                        + " pledges and sources share one set of ids, so that an id names one object"),
                e.lines());
    }
}
