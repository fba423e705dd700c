package cnnplayground.spec.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an exported file whole or not at all: the bytes go to a hidden temporary file beside the
 * target, are forced to disk, and replace the target in one rename, so a failure keeps the old file.
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            readableLike(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes several files that belong together (a program and its weights) all or none: every one
     * goes to a hidden temporary file beside its target and is forced to disk first; only then are they
     * renamed into place, in the map's order. If anything fails, the temporary files are deleted and
     * the targets already renamed are removed again, so no half-set is left behind (a target that
     * existed before and was already replaced is lost with them; renames in one directory rarely fail).
     *
     * @throws IOException naming the file that could not be written; a target that is a directory is
     *     refused before anything is written
     */
    public static void writeAllAtomically(Map<Path, byte[]> files) throws IOException {
        for (Path target : files.keySet()) {
            if (Files.isDirectory(target)) {
                throw new IOException(target + " is a directory");
            }
        }
        Map<Path, Path> temps = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        boolean done = false;
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path absolute = file.getKey().toAbsolutePath();
                Path temp;
                try {
                    temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
                } catch (IOException e) {
                    throw new IOException(file.getKey() + ": " + reason(e), e);
                }
                temps.put(absolute, temp);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(file.getValue());
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                readableLike(temp, absolute);
            }
            for (Map.Entry<Path, Path> move : temps.entrySet()) {
                try {
                    Files.move(move.getValue(), move.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(move.getValue(), move.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
                placed.add(move.getKey());
            }
            done = true;
        } finally {
            for (Path temp : temps.values()) {
                Files.deleteIfExists(temp);
            }
            if (!done) {
                for (Path target : placed) {
                    Files.deleteIfExists(target);
                }
            }
        }
    }

    /** What an I/O failure says, without Java's exception class names. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * A temporary file is private to its owner; the export should be readable like any new file (or
     * keep the permissions of the file it replaces). File systems without POSIX permissions skip this.
     */
    private static void readableLike(Path temp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
    }
}
