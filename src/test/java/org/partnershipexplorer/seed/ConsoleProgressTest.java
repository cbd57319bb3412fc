package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console progress bar of a load")
class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** The clock, in nanoseconds, moved by the test. */
    private final AtomicLong now = new AtomicLong();

    @Test
    @DisplayName("in a log, prints a line per file checked and per tenth written, with rows done of the total and the rate")
    void logLinesShowRowsAndRate() {
        ConsoleProgress progress = new ConsoleProgress(out, false, now::get);

        progress.validating("countries.csv", 193);
        progress.validating("countries.csv", 194);
        progress.validating("trainings.csv", 500);
        progress.writing("countries.csv", 193, 20_000);
        now.set(2_000_000_000L);
        progress.writing("trainings.csv", 10_193, 20_000);
        now.set(3_000_000_000L);
        progress.writing("trainings.csv", 10_500, 20_000);
        now.set(4_000_000_000L);
        progress.writing("donations.csv", 20_000, 20_000);

        assertEquals("""
                checking countries.csv
                checking trainings.csv
                writing [..............................] 0% 193/20000 rows (countries.csv)
                writing [###############...............] 50% 10193/20000 rows (trainings.csv), 5,097 rows/s
                writing [##############################] 100% 20000/20000 rows (donations.csv), 5,000 rows/s
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("on a terminal, redraws one line in place")
    void terminalRedrawsInPlace() {
        ConsoleProgress progress = new ConsoleProgress(out, true, now::get);

        progress.writing("trainings.csv", 0, 4);
        now.set(1_000_000_000L);
        progress.writing("trainings.csv", 4, 4);
        progress.finish();

        assertEquals("\rwriting [..............................] 0% 0/4 rows (trainings.csv)   "
                + "\rwriting [##############################] 100% 4/4 rows (trainings.csv), 4 rows/s   \n",
                bytes.toString(StandardCharsets.UTF_8));
    }
}
