package org.partnershipexplorer.seed;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Streams one seed file row by row (never the whole file in memory), each row with the line it starts on so that
 * a report points at the line an editor shows, even after a quoted cell that spans lines.
 */
final class SeedCsv implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * RFC 4180 with a header row; empty lines are kept by the parser so that line numbers stay exact. Cells are not
     * trimmed by the parser, whose trim (String.trim) also drops control characters: {@link Row#get} strips only
     * ordinary spaces, so that a key holding a control character is refused rather than read as another key.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    /** Each column name, without the whitespace around it, to its position in a row. */
    private final Map<String, Integer> positions;

    private SeedCsv(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (positions.putIfAbsent(name, i) != null) {
                // checked here rather than by the parser, which would compare the names before they are stripped
                throw new IllegalArgumentException("the header names the column '" + name + "' twice");
            }
        }
        this.positions = positions;
        this.header = List.copyOf(positions.keySet());
    }

    /**
     * Opens a file of the source, or answers empty when the source has none.
     *
     * @throws Malformed when the header row cannot be read (invalid UTF-8, a duplicate column name)
     */
    static Optional<SeedCsv> open(SeedSource source, String fileName) {
        Optional<InputStream> in = source.open(fileName);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        Reader reader = null;
        try {
            reader = withoutByteOrderMark(in.get());
            return Optional.of(new SeedCsv(CSVParser.builder().setReader(reader).setFormat(FORMAT).get()));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            closeQuietly(reader != null ? reader : in.get());
            throw new Malformed(1, "cannot read the header: " + e.getMessage());
        }
    }

    /** The column names of the header row, blanks left out. */
    List<String> header() {
        return header;
    }

    /**
     * The next data row, or null at the end of the file. Blank lines are passed over.
     *
     * @throws Malformed when the file breaks RFC 4180 (a stray quote) or is not UTF-8
     */
    Row next() {
        while (true) {
            // The parser has consumed every line break up to the end of the previous record: the next record
            // starts on the following line.
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new Malformed(line, "malformed CSV: " + message);
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            return new Row(line, record);
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static Reader withoutByteOrderMark(InputStream in) throws IOException {
        // A file saved by a spreadsheet may start with a byte-order mark, which would otherwise become part of
        // the first column's name. Invalid UTF-8 is an error, not silently replaced characters.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder), 65536), 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /** One data row and the line it starts on. */
    final class Row {

        private final long line;
        private final CSVRecord record;

        Row(long line, CSVRecord record) {
            this.line = line;
            this.record = record;
        }

        long line() {
            return line;
        }

        /** The cell without the spaces around it ({@link ValueType#strip}), or "" when the row has no such cell. */
        String get(String column) {
            Integer position = positions.get(column);
            return position == null || position >= record.size() ? "" : ValueType.strip(record.get(position));
        }

        int size() {
            return record.size();
        }
    }

    /** The file cannot be read as CSV from this line on. */
    static final class Malformed extends RuntimeException {
        final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }
    }
}
