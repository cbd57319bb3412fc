package org.partnershipexplorer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.seed.SeedFile;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.transfer.UploadLimits.Limit;

@DisplayName("an upload streams each entry through its limits")
class UploadTest {

    static final UploadLimits DEFAULTS = new UploadLimits(209_715_200L, 104_857_600L, 100, 100, 65_536);
    static final String HEADER = "iso3,name,region,confidence,source\n";

    /** A zip of the given entries, each written by its writer (so that a huge entry is never held whole). */
    static byte[] zip(Map<String, EntryWriter> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, EntryWriter> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                entry.getValue().write(zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    static EntryWriter text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code lines} lines of 1023 zeros: deflate packs them about a thousand to one. */
    static EntryWriter zeros(int lines) {
        return out -> {
            byte[] line = new byte[1024];
            java.util.Arrays.fill(line, (byte) '0');
            line[1023] = '\n';
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < lines; i++) {
                out.write(line);
            }
        };
    }

    /** Reads a seed file of the upload to its end, as the CSV parser would. */
    static long readThrough(Upload upload, String file) throws IOException {
        try (InputStream in = upload.open(file).orElseThrow()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    static Path write(byte[] zip) throws IOException {
        Path file = Files.createTempFile("upload-test-", ".zip");
        file.toFile().deleteOnExit();
        return Files.write(file, zip);
    }

    static UploadRefused refusal(UploadLimits limits, byte[] zip, String file) {
        try (Upload upload = Upload.create(limits)) {
            upload.add("seed.zip", new ByteArrayInputStream(zip));
            return assertThrows(UploadRefused.class, () -> readThrough(upload, file));
        }
    }

    @Test
    @DisplayName("a zip bomb (200 MB of zeros in a zip of about 200 KB) is refused by the ratio after a fraction of it, naming entry and line")
    void zipBombIsRefusedByItsRatio() throws IOException {
        byte[] bomb = zip(Map.of("backup/countries.csv", zeros(200 * 1024)));
        UploadRefused refused = refusal(DEFAULTS, bomb, "countries.csv");
        assertEquals(Limit.RATIO, refused.limit());
        assertEquals(100, refused.max());
        assertEquals("backup/countries.csv", refused.entry());
        // refused at the line holding byte 100 x its compressed size: a fraction of the 200 MB it holds
        long compressed;
        try (var zip = new java.util.zip.ZipFile(write(bomb).toFile())) {
            compressed = zip.getEntry("backup/countries.csv").getCompressedSize();
        }
        assertEquals((100 * compressed - HEADER.length()) / 1024 + 2, refused.line());
    }

    @Test
    @DisplayName("a cell of 70,000 bytes on line 3 is refused at that line, quoted or not, though the entry is small once zipped")
    void longCellIsRefusedWithItsLine() throws IOException {
        // letters at random, which deflate cannot pack a hundred to one: the cell's own limit is what refuses
        java.util.Random random = new java.util.Random(42);
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String longCell = letters.toString();
        UploadRefused plain = refusal(DEFAULTS,
                zip(Map.of("countries.csv", text(HEADER + "KEN,Kenya,Africa,reported,s\nUGA," + longCell + ",Africa,reported,s\n"))),
                "countries.csv");
        assertEquals(Limit.CELL_BYTES, plain.limit());
        assertEquals(65_536, plain.max());
        assertEquals("countries.csv", plain.entry());
        assertEquals(3, plain.line());

        // quoted: commas, quotes and line breaks inside the cell are part of it, and the row starts on line 3
        String quoted = "\"" + longCell.substring(0, 40_000) + "a,b\"\"\r\n" + longCell.substring(40_000) + "\"";
        UploadRefused spanning = refusal(DEFAULTS,
                zip(Map.of("countries.csv", text(HEADER + "KEN,Kenya,Africa,reported,s\r\nUGA," + quoted + ",Africa,reported,s\n"))),
                "countries.csv");
        assertEquals(Limit.CELL_BYTES, spanning.limit());
        assertEquals(3, spanning.line());
    }

    @Test
    @DisplayName("an entry over max-entry-bytes and an upload over max-total-bytes are refused at the entry and line where they cross")
    void sizesAreRefused() throws IOException {
        String rows = "KEN,Kenya,Africa,reported,s\n".repeat(100);
        UploadLimits small = new UploadLimits(4000, 2000, 100, 100, 65_536);
        UploadRefused entry = refusal(small, zip(Map.of("countries.csv", text(HEADER + rows))), "countries.csv");
        assertEquals(Limit.ENTRY_BYTES, entry.limit());
        assertEquals(2000, entry.max());

        Map<String, EntryWriter> three = new LinkedHashMap<>();
        String fifty = HEADER + "KEN,Kenya,Africa,reported,s\n".repeat(50);
        three.put("countries.csv", text(fifty));
        three.put("organizations.csv", text(fifty));
        three.put("programs.csv", text(fifty));
        try (Upload upload = Upload.create(small)) {
            upload.add("seed.zip", new ByteArrayInputStream(zip(three)));
            assertEquals(fifty.length(), readThrough(upload, "countries.csv"));
            // reading a file again (the loader's second pass) does not count it twice
            assertEquals(fifty.length(), readThrough(upload, "countries.csv"));
            assertEquals(fifty.length(), readThrough(upload, "organizations.csv"));
            UploadRefused total = assertThrows(UploadRefused.class, () -> readThrough(upload, "programs.csv"));
            assertEquals(Limit.TOTAL_BYTES, total.limit());
            assertEquals("programs.csv", total.entry());
            // (4000 - 2 x 1435 - the header's 35) / 28 bytes a row: the 40th row, line 41, crosses
            assertEquals(41, total.line());
        }
    }

    @Test
    @DisplayName("a zip of more entries than max-entries is refused before any entry is read")
    void tooManyEntries() throws IOException {
        Map<String, EntryWriter> entries = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            entries.put("junk-" + i + ".txt", text("x"));
        }
        byte[] zip = zip(entries);
        try (Upload upload = Upload.create(DEFAULTS)) {
            UploadRefused refused = assertThrows(UploadRefused.class, () -> upload.add("seed.zip", new ByteArrayInputStream(zip)));
            assertEquals(Limit.ENTRIES, refused.limit());
            assertEquals("seed.zip", refused.entry());
            assertEquals("The upload has more than 100 entries (explorer.import.max-entries = 100) in seed.zip; nothing was written",
                    refused.getMessage());
        }
    }

    @Test
    @DisplayName("the whole frozen seed, zipped, reads through the default limits byte for byte")
    void realSeedPasses() throws IOException {
        Map<String, EntryWriter> entries = new LinkedHashMap<>();
        long expected = 0;
        for (SeedFile file : SeedFile.values()) {
            Path path = FrozenSeed.directory().resolve(file.fileName());
            if (Files.exists(path)) {
                byte[] content = Files.readAllBytes(path);
                entries.put("seed/" + file.fileName(), out -> out.write(content));
                expected += content.length;
            }
        }
        try (Upload upload = Upload.create(DEFAULTS)) {
            List<String> files = upload.add("seed.zip", new ByteArrayInputStream(zip(entries)));
            assertEquals(13, files.size());
            long read = 0;
            for (String file : files) {
                read += readThrough(upload, file);
            }
            assertEquals(expected, read);
        }
    }
}
