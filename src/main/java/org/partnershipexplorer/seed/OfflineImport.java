package org.partnershipexplorer.seed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.partnershipexplorer.neo4j.ImportedCounts;
import org.partnershipexplorer.seed.LoadReport.FileRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Loads a seed into a store that has never been started, with Neo4j's own offline importer ({@code neo4j-admin
 * database import full}), run in this process before the embedded server starts on the store.
 *
 * <p>Why: over Bolt a relationship costs 110 to 150 microseconds of CPU in transactions, locks and index upkeep (a
 * million took about two minutes); the importer writes the store files directly, and took 15 s for the same million
 * (bench/ANALYTICS.md, "Loading"). It only writes a database that does not exist yet, which is exactly the first
 * start on an empty EXPLORER_DATA_DIR.
 *
 * <p>The seed is the same as over Bolt: {@link SeedValidator} checks it first (a bad seed: the same error, nothing
 * written), {@link SeedWriter} hands over each row as it does to the Bolt statements, and {@link ImporterFiles} maps
 * only its shape. The importer's files go to a folder of their own inside the store's home, deleted afterwards.
 *
 * <p>All or nothing: whatever fails (the importer refuses a row, the disk fills, the thread is interrupted), every
 * file the import created under the store's home is deleted, so the store is as brand new as before and the next
 * start loads it again; the error says which file and why, without the importer's stack trace.
 *
 * <p>The command runs through its picocli class ({@code ImportCommand.Full}, what {@code neo4j-admin} itself runs)
 * rather than the batch importer's Java API: the command line is the importer's documented, stable interface, and its
 * {@code call()} throws where {@code AdminTool} would call {@code System.exit}.
 */
final class OfflineImport {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineImport.class);

    /** The importer's phase lines: {@code (1/4) Node import 2026-12-06 ...}, then {@code IMPORT DONE in 3s 567ms.} */
    private static final Pattern PHASE = Pattern.compile("^\\(\\d/\\d\\) .*|^IMPORT DONE.*|^IMPORT FAILED.*");

    /**
     * What the import did: the rows of each seed file as a load reports them, the time it took (validation, the
     * importer's files, the importer), when it began ({@link System#nanoTime()}), so that the load's report can count
     * the server's start and the schema that follow it too, and what it wrote, counted as it was written.
     */
    record Imported(String source, boolean includeIllustrative, List<FileRows> files, Duration took,
            long startedNanos, ImportedCounts counts) {
    }

    /** The importer's arguments naming its files, and what those files make in the store. */
    private record Written(List<String> inputs, ImportedCounts counts) {
    }

    private OfflineImport() {
    }

    /**
     * Validates the seed, then imports it into the store under {@code home}, which must never have been started.
     *
     * @param progress        rows checked and rows handed to the importer, as a load over Bolt shows them
     * @param importerOutput  where the importer's own progress goes (its phases and their bars); null: only the log
     * @param beforeImporter  called with the importer's folder once its files are written (tests break a file there)
     * @throws SeedValidationException listing every bad row; nothing was written
     * @throws SeedImportException     when the import failed; nothing was left in the store
     */
    static Imported run(Path home, SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
            SeedProgress progress, PrintStream importerOutput, Consumer<Path> beforeImporter) {
        long started = System.nanoTime();
        LOG.info("Importing seed {} ({} illustrative rows) into the new store {} with Neo4j's offline importer",
                source.describe(), includeIllustrative ? "with" : "without", home);
        Set<Path> before = contents(home);
        Path work = null;
        try {
            Files.createDirectories(home);
            // A process killed mid-import cannot clean up: the marker names what the home held before, so that the next
            // start removes the rest (recoverInterrupted) and finds the store new again, not half written.
            Files.write(home.resolve(MARKER), before.stream().map(p -> home.relativize(p).toString()).toList(),
                    StandardCharsets.UTF_8);
            work = Files.createTempDirectory(home, "seed-import-");
            ImporterFiles csv = new ImporterFiles(work);
            // The importer's files are written beside the check, on a thread of their own: they are not the store,
            // so a seed the check refuses costs only them, and on two cores the two passes over the seed overlap.
            // The check's verdict comes first: a bad cell also fails the writer, and the user is told the check's list.
            CompletableFuture<Written> writing = new CompletableFuture<>();
            Thread writer = new Thread(() -> {
                try {
                    long writeStarted = System.nanoTime();
                    SeedWriter.write(csv, source, includeIllustrative, stamp, SeedProgress.NONE, 0);
                    List<String> inputs = csv.finish();
                    ImportedCounts counts = csv.counts();
                    LOG.info("The importer's files written in {} ms", millis(writeStarted));
                    writing.complete(new Written(inputs, counts));
                } catch (RuntimeException | Error e) {
                    csv.closeQuietly();
                    writing.completeExceptionally(e);
                }
            }, "seed-import-files");
            writer.start();
            List<FileRows> files;
            try {
                files = SeedValidator.validate(source, includeIllustrative, progress);
            } catch (RuntimeException | Error e) {
                csv.abandon();
                awaitQuietly(writer);
                throw e;
            }
            long total = files.stream().mapToLong(FileRows::written).sum();
            LOG.info("Seed checked in {} ms: {} rows to import", millis(started), total);
            Written written;
            try {
                written = writing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            progress.writing("the importer's files", total, total);
            beforeImporter.accept(work);
            runImporter(home, work, written.inputs(), csv, importerOutput);
            // before the marker goes: a process killed in between leaves the folder to the next start's recovery
            // (a failure removes it with the rest of what the import wrote)
            deleteTree(work);
            Files.delete(home.resolve(MARKER));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Seed {} imported in {} ms", source.describe(), took.toMillis());
            return new Imported(source.describe(), includeIllustrative, files, took, started, written.counts());
        } catch (IOException | RuntimeException | Error e) {
            removeWhatWasWritten(home, before, e);
            if (e instanceof SeedImportException refused) {
                throw refused;
            }
            if (e instanceof SeedValidationException invalid) {
                throw invalid;
            }
            throw new SeedImportException("The seed " + source.describe() + " could not be imported into the new "
                    + "store " + home + ": " + describe(e, work) + ". Nothing was written: the store is left as it was",
                    e);
        }
    }

    /** Written into the store's home while an import runs: what the home held before it. */
    static final String MARKER = "seed-import-incomplete";

    /**
     * Removes what an import that never finished left under {@code home} (its process was killed): everything the
     * marker does not name. Called before the store is looked at, so that such a store counts as new again.
     */
    static void recoverInterrupted(Path home) {
        Path marker = home.resolve(MARKER);
        if (!Files.exists(marker)) {
            return;
        }
        try {
            Set<Path> before = new HashSet<>();
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                before.add(home.resolve(line).normalize());
            }
            before.remove(marker);
            LOG.warn("An offline import into {} did not finish (its process stopped); removing what it wrote", home);
            IllegalStateException failure = new IllegalStateException("interrupted import");
            removeWhatWasWritten(home, before, failure);
            if (failure.getSuppressed().length > 0) {
                throw new UncheckedIOException("Cannot remove what an unfinished import left in " + home,
                        new IOException(failure.getSuppressed()[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + marker, e);
        }
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runImporter(Path home, Path work, List<String> inputs, ImporterFiles csv,
            PrintStream importerOutput) throws IOException {
        Path conf = Files.createDirectories(work.resolve("conf"));
        // the importer reads neo4j.conf from here: none, so it takes the defaults the embedded server also starts with
        Files.writeString(conf.resolve("neo4j.conf"), "");
        Path report = work.resolve("import.report");
        List<String> arguments = new ArrayList<>(List.of(
                "neo4j",
                "--id-type=string",
                String.format(Locale.ROOT, "--array-delimiter=\\u%04X", (int) ImporterFiles.ARRAY_DELIMITER),
                "--multiline-fields=" + csv.multiline(),
                // a row the importer cannot take fails the import: nothing is skipped silently
                "--bad-tolerance=0",
                "--skip-bad-relationships=false",
                "--skip-duplicate-nodes=false",
                "--report-file=" + report,
                "--read-buffer-size=" + csv.readBufferSize()));
        arguments.addAll(inputs);
        PhaseLog phases = new PhaseLog(importerOutput);
        PrintStream out = new PrintStream(phases, true, StandardCharsets.UTF_8);
        ExecutionContext context = new ExecutionContext(home, conf, out, out, new DefaultFileSystemAbstraction());
        ImportCommand.Full command = new ImportCommand.Full(context);
        new CommandLine(command).parseArgs(arguments.toArray(String[]::new));
        try {
            // execute(), not call(): call() prints a failure and answers an exit code, execute() throws it
            command.execute();
        } catch (Exception e) {
            String details = Files.exists(report) ? firstLines(report, 5) : "";
            String why = rootMessage(e, work);
            java.util.regex.Matcher group = GROUP.matcher(why);
            if (group.find() && !csv.filesOf(group.group(1)).isEmpty()) {
                why += " (ids of group " + group.group(1) + ": the keys of " + csv.filesOf(group.group(1)) + ")";
            }
            throw new SeedImportException("Neo4j's importer refused the seed: " + why
                    + (details.isEmpty() ? "" : " (its report: " + details.replace(work + "/", "") + ")")
                    + ". Nothing was written: the store " + home + " is left as it was", e);
        } finally {
            out.flush();
        }
    }

    /** The importer's id space named in its message: {@code ... more than once in group 'Actor'}. */
    private static final Pattern GROUP = Pattern.compile("group '([^']+)'");

    /**
     * What the importer said at the bottom of its causes (the wrappers above it only repeat it), without the
     * exception's class name or the importer's folder.
     */
    private static String rootMessage(Throwable e, Path work) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        return message.replace(work + "/", "").replaceAll("^([\\w$]+\\.)+[\\w$]+: ", "")
                .replaceAll("\\s*\\R\\s*", " ");
    }

    /** The failure in one sentence: the messages of its causes, the importer's folder left out of file names. */
    private static String describe(Throwable e, Path work) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 3; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (work != null) {
                message = message.replace(work + "/", "");
            }
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
        return String.join(": ", messages).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String firstLines(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            return String.join("; ", all.filter(l -> !l.isBlank()).limit(lines).toList());
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Every path under {@code home} now; none when it does not exist. */
    private static Set<Path> contents(Path home) {
        Set<Path> paths = new HashSet<>();
        if (!Files.exists(home)) {
            return paths;
        }
        try (Stream<Path> walk = Files.walk(home)) {
            walk.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the store's home " + home, e);
        }
        return paths;
    }

    /** Deletes what the import created under {@code home}: the store, its transaction logs, the importer's logs. */
    private static void removeWhatWasWritten(Path home, Set<Path> before, Throwable failure) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !before.contains(p)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    failure.addSuppressed(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            failure.addSuppressed(e);
        }
        LOG.warn("The offline import failed; what it wrote under {} was removed", home);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the importer's folder {}: {}", dir, e.toString());
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /**
     * The importer's output: passed on to {@code forward} (a command's console) as it comes, and each phase line
     * logged with the time the phase before it took, so that the log says where an import's time went.
     */
    private static final class PhaseLog extends OutputStream {

        private final PrintStream forward;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String phase;
        private long phaseStarted = System.nanoTime();

        PhaseLog(PrintStream forward) {
            this.forward = forward;
        }

        @Override
        public void write(int b) {
            if (forward != null) {
                forward.write(b);
            }
            if (b == '\n') {
                line(line.toString(StandardCharsets.UTF_8).strip());
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            if (forward != null) {
                forward.flush();
            }
        }

        private void line(String text) {
            if (!PHASE.matcher(text).matches()) {
                return;
            }
            long now = System.nanoTime();
            if (phase != null) {
                LOG.info("Importer phase {} took {} ms", phase, (now - phaseStarted) / 1_000_000);
            }
            phase = text.replaceAll(" \\d{4}-\\d\\d-\\d\\d .*", "");
            phaseStarted = now;
            LOG.info("Importer: {}", text);
        }
    }
}
