package cnnplayground.cli;

import cnnplayground.spec.NetworkJson;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.SpecFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a network JSON file for a command, turning every failure into one line naming the file. */
final class SpecFiles {

    private SpecFiles() {
    }

    static NetworkSpec read(String file) throws UsageException {
        Path path = Path.of(file);
        try {
            return NetworkJson.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (SpecFormatException e) {
            throw new UsageException(file + ": " + e.problems().get(0).message()
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more problems)" : ""));
        }
    }
}
