package org.partnershipexplorer.seed;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar for a load on a console: rows checked per file, then rows written of the total and the rate since
 * writing began. Redrawn in place on a terminal; elsewhere (a CI log, a redirected stream) a line per file checked
 * and per tenth written, so that a log stays short.
 */
public final class ConsoleProgress implements SeedProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long writingSince = -1;
    private int lastTenth = -1;
    private String lastValidated = "";

    /** A bar on {@code out}, redrawn in place when the process has a console. */
    public ConsoleProgress(PrintStream out) {
        this(out, System.console() != null, System::nanoTime);
    }

    /** @param nanoTime the clock the rate is measured with (tests give their own) */
    ConsoleProgress(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    @Override
    public void validating(String file, long rows) {
        if (terminal) {
            out.print("\rchecking " + file + ": " + rows + " rows" + " ".repeat(20));
        } else if (!file.equals(lastValidated)) {
            lastValidated = file;
            out.println("checking " + file);
        }
    }

    @Override
    public void writing(String file, long written, long total) {
        long now = nanoTime.getAsLong();
        if (writingSince < 0) {
            writingSince = now;
        }
        int percent = total == 0 ? 100 : (int) Math.min(100, written * 100 / total);
        int filled = percent * WIDTH / 100;
        String line = "writing [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% "
                + written + "/" + total + " rows (" + file + ")" + rate(written, now - writingSince);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            out.println(line);
        }
    }

    /** Ends the bar's line on a terminal. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    private static String rate(long written, long nanos) {
        if (nanos <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", %,d rows/s", Math.round(written * 1e9 / nanos));
    }
}
