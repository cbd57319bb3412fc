package org.partnershipexplorer.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.partnershipexplorer.transfer.UploadLimits.Limit;

/**
 * One entry of an upload as it streams into the CSV parser, counted byte by byte: its size, its compression ratio,
 * the upload's total (through {@link Upload}), and the length of each cell. The cell is followed by a small RFC 4180
 * state machine over bytes, which is exact for UTF-8 because the quote, the comma and the line breaks never occur
 * inside a multi-byte character; the parser itself would hold a cell whole before anything could look at it.
 */
final class LimitedEntry extends FilterInputStream {

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final Upload upload;
    private final String name;
    private final String shown;
    private final long compressed;
    private final UploadLimits limits;
    private long bytes;
    private long line = 1;
    private long rowLine = 1;
    private long cellBytes;
    private boolean afterCarriageReturn;
    private State state = State.CELL_START;

    /**
     * @param name       the seed file the entry is, for the upload's total
     * @param shown      the entry as a refusal names it: its path in the zip, or the file name sent
     * @param compressed the entry's compressed size, or -1 for a file sent as such (no ratio to watch)
     */
    LimitedEntry(InputStream in, Upload upload, String name, String shown, long compressed, UploadLimits limits) {
        super(in);
        this.upload = upload;
        this.name = name;
        this.shown = shown;
        this.compressed = compressed;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        long room = room();
        int within = (int) Math.min(n, room);
        for (int i = offset; i < offset + within; i++) {
            follow(buffer[i]);
        }
        if (n > room) {
            // refused at the byte that crosses, so that the line named is the line it is on
            refuse(bytes + within + 1);
        }
        bytes += n;
        upload.unpacked(name, bytes);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // the parser never skips; reading through keeps every byte counted
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    /** How many more bytes may be read before a size limit is crossed. */
    private long room() {
        long room = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - upload.unpackedBesides(name)) - bytes;
        if (compressed >= 0) {
            room = Math.min(room, limits.maxRatio() * Math.max(compressed, 1) - bytes);
        }
        return Math.max(room, 0);
    }

    private void refuse(long at) {
        if (at > limits.maxEntryBytes()) {
            throw new UploadRefused(Limit.ENTRY_BYTES, limits.maxEntryBytes(), shown, line,
                    "An entry unpacks to more than " + limits.maxEntryBytes() + " bytes");
        }
        if (compressed >= 0 && at > limits.maxRatio() * Math.max(compressed, 1)) {
            throw new UploadRefused(Limit.RATIO, limits.maxRatio(), shown, line,
                    "An entry unpacks to more than " + limits.maxRatio() + " times its compressed size of "
                            + compressed + " bytes");
        }
        throw new UploadRefused(Limit.TOTAL_BYTES, limits.maxTotalBytes(), shown, line,
                "The upload unpacks to more than " + limits.maxTotalBytes() + " bytes");
    }

    private void follow(byte b) {
        boolean lineBreak = b == '\n' || b == '\r';
        if (lineBreak && !(b == '\n' && afterCarriageReturn)) {
            line++;
        }
        afterCarriageReturn = b == '\r';
        switch (state) {
            case CELL_START -> {
                if (b == '"') {
                    state = State.QUOTED;
                } else if (b == ',' || lineBreak) {
                    endCell(lineBreak);
                } else {
                    state = State.UNQUOTED;
                    grow();
                }
            }
            case UNQUOTED -> {
                if (b == ',' || lineBreak) {
                    endCell(lineBreak);
                } else {
                    grow();
                }
            }
            case QUOTED -> {
                if (b == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    grow();
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (b == ',' || lineBreak) {
                    endCell(lineBreak);
                } else {
                    // "" is a quote inside the cell; anything else after a closing quote the parser refuses, and
                    // counting it as more of the cell can only refuse earlier
                    state = State.QUOTED;
                    grow();
                }
            }
        }
    }

    private void endCell(boolean endOfRow) {
        state = State.CELL_START;
        cellBytes = 0;
        if (endOfRow) {
            rowLine = line;
        }
    }

    private void grow() {
        if (++cellBytes > limits.maxCellBytes()) {
            throw new UploadRefused(Limit.CELL_BYTES, limits.maxCellBytes(), shown, rowLine,
                    "A cell is longer than " + limits.maxCellBytes() + " bytes");
        }
    }
}
