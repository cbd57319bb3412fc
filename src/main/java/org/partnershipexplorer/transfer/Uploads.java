package org.partnershipexplorer.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.partnershipexplorer.seed.SeedFile;

/**
 * Turns an upload (CSV files, or one zip of them) into a seed folder the loader reads. Only the contract's file
 * names are taken; a zip entry's folders are ignored (an export of a folder zips as folder/countries.csv), and
 * nothing is ever written outside the folder.
 */
final class Uploads {

    private Uploads() {
    }

    /** An upload that is not a seed at all: answered 400. */
    static final class BadUpload extends RuntimeException {
        BadUpload(String message) {
            super(message);
        }
    }

    /**
     * Stores one uploaded file in {@code dir}.
     *
     * @param maxBytes how much a zip may unpack to (a small zip can unpack to far more than its size)
     * @return the seed files stored
     */
    static List<String> store(String fileName, InputStream content, Path dir, long maxBytes) {
        String name = baseName(fileName);
        try {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                return unzip(content, dir, maxBytes);
            }
            if (SeedFile.byFileName(name).isEmpty()) {
                throw new BadUpload("'" + name + "' is not a seed file name (" + names() + ") nor a .zip of them");
            }
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                throw new BadUpload("'" + name + "' is uploaded twice");
            }
            Files.copy(content, target);
            return List.of(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> unzip(InputStream content, Path dir, long maxBytes) throws IOException {
        List<String> stored = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(content)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = baseName(entry.getName());
                if (entry.isDirectory() || SeedFile.byFileName(name).isEmpty()) {
                    continue;
                }
                Path target = dir.resolve(name);
                if (Files.exists(target)) {
                    throw new BadUpload("the upload has '" + name + "' twice");
                }
                try (var out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[65536];
                    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                        total += n;
                        if (total > maxBytes) {
                            throw new BadUpload("the zip unpacks to more than " + maxBytes + " bytes");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                stored.add(name);
            }
        } catch (ZipException e) {
            throw new BadUpload("not a readable zip: " + e.getMessage());
        }
        if (stored.isEmpty()) {
            throw new BadUpload("the zip holds no seed file (" + names() + ")");
        }
        return stored;
    }

    private static String baseName(String name) {
        String normalized = name == null ? "" : name.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    private static String names() {
        return String.join(", ", java.util.Arrays.stream(SeedFile.values()).map(SeedFile::fileName).toList());
    }
}
