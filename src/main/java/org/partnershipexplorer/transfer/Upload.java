package org.partnershipexplorer.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.partnershipexplorer.seed.SeedFile;
import org.partnershipexplorer.seed.SeedSource;
import org.partnershipexplorer.transfer.UploadLimits.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload (CSV files, or zips of them) as the seed the loader reads. The parts are kept as sent, a zip still
 * compressed (the server's request size bounds them), and nothing is ever unpacked to disk: each time the loader
 * opens a seed file, its entry streams from the zip straight into the CSV parser through {@link LimitedEntry}, so
 * a zip bomb or an endless cell is refused after at most a limit's worth of bytes.
 *
 * <p>Only the contract's file names are taken; a zip entry's folders are ignored (an export of a folder zips as
 * folder/countries.csv).
 */
final class Upload implements SeedSource, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Upload.class);

    /** An upload that is not a seed at all: answered 400. */
    static final class BadUpload extends RuntimeException {
        BadUpload(String message) {
            super(message);
        }
    }

    /** Where a seed file of the upload is: a file sent as such, or an entry of a zip sent. */
    private record Part(String shown, Path file, ZipFile zip, ZipEntry entry) {
    }

    private final UploadLimits limits;
    private final Path dir;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final List<ZipFile> zips = new ArrayList<>();
    /** The most each seed file has unpacked to in one reading: the loader reads every file more than once. */
    private final Map<String, Long> unpacked = new HashMap<>();
    private int entries;

    private Upload(UploadLimits limits, Path dir) {
        this.limits = limits;
        this.dir = dir;
    }

    /** A new, empty upload with a temporary folder of its own, removed by {@link #close}. */
    static Upload create(UploadLimits limits) {
        try {
            return new Upload(limits, Files.createTempDirectory("import-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps one uploaded file: a seed file, or a zip whose entries are checked for names and count (not yet read).
     *
     * @return the seed files it brings
     */
    List<String> add(String fileName, InputStream content) {
        String name = baseName(fileName);
        boolean zip = name.toLowerCase(Locale.ROOT).endsWith(".zip");
        if (!zip && SeedFile.byFileName(name).isEmpty()) {
            throw new BadUpload("'" + name + "' is not a seed file name (" + names() + ") nor a .zip of them");
        }
        try {
            Path kept = Files.createTempFile(dir, "part-", zip ? ".zip" : ".csv");
            Files.copy(content, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return zip ? addZip(name, kept) : addFile(name, kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> addFile(String name, Path kept) {
        countEntries(1, name);
        if (parts.putIfAbsent(name, new Part(name, kept, null, null)) != null) {
            throw new BadUpload("'" + name + "' is uploaded twice");
        }
        return List.of(name);
    }

    private List<String> addZip(String name, Path kept) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(kept.toFile());
        } catch (ZipException e) {
            throw new BadUpload("'" + name + "' is not a readable zip: " + e.getMessage());
        }
        zips.add(zip);
        // the central directory's count, before a single entry is looked at
        countEntries(zip.size(), name);
        List<String> found = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String seedName = baseName(entry.getName());
            if (entry.isDirectory() || SeedFile.byFileName(seedName).isEmpty()) {
                continue;
            }
            if (parts.putIfAbsent(seedName, new Part(entry.getName(), null, zip, entry)) != null) {
                throw new BadUpload("the upload has '" + seedName + "' twice");
            }
            found.add(seedName);
        }
        if (found.isEmpty()) {
            throw new BadUpload("'" + name + "' holds no seed file (" + names() + ")");
        }
        return found;
    }

    private void countEntries(int more, String in) {
        entries += more;
        if (entries > limits.maxEntries()) {
            throw new UploadRefused(Limit.ENTRIES, limits.maxEntries(), in, 0,
                    "The upload has more than " + limits.maxEntries() + " entries");
        }
    }

    /** The seed files the upload holds, in the order they came. */
    List<String> files() {
        return List.copyOf(parts.keySet());
    }

    @Override
    public Optional<InputStream> open(String fileName) {
        Part part = parts.get(fileName);
        if (part == null) {
            return Optional.empty();
        }
        try {
            InputStream raw = part.zip() != null ? part.zip().getInputStream(part.entry()) : Files.newInputStream(part.file());
            long compressed = part.zip() != null ? part.entry().getCompressedSize() : -1;
            return Optional.of(new LimitedEntry(raw, this, fileName, part.shown(), compressed, limits));
        } catch (ZipException e) {
            throw new BadUpload("'" + part.shown() + "' cannot be unpacked: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records that a seed file has unpacked to {@code bytes} in the reading under way. */
    void unpacked(String fileName, long bytes) {
        unpacked.merge(fileName, bytes, Math::max);
    }

    /** What the other seed files unpack to as far as known: each one's largest reading. */
    long unpackedBesides(String fileName) {
        return unpacked.entrySet().stream().filter(e -> !e.getKey().equals(fileName)).mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String describe() {
        return "the upload";
    }

    @Override
    public void close() {
        for (ZipFile zip : zips) {
            try {
                zip.close();
            } catch (IOException e) {
                LOG.warn("could not close a zip of an upload: {}", e.getMessage());
            }
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}", dir);
        }
    }

    private static String baseName(String name) {
        String normalized = name == null ? "" : name.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    private static String names() {
        return String.join(", ", Arrays.stream(SeedFile.values()).map(SeedFile::fileName).toList());
    }
}
