package cnnplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layers of the code base point one way: spec ← teach (lesson maths and catalogue, pure Java); spec ← data ← engine ← ui / cli (STYLE.md §2). */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java/cnnplayground");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    @ParameterizedTest(name = "{0} imports only {1}")
    @CsvSource(delimiter = ';', value = {
            "spec;     java.",
            "teach;    java. cnnplayground.spec",
            "data;     java. javax.imageio cnnplayground.spec",
            "engine;   java. ai.djl. com.sun.jna. org.slf4j cnnplayground.spec cnnplayground.data cnnplayground.engine",
            "ui;       java. javax.imageio javafx. cnnplayground.spec cnnplayground.teach cnnplayground.data cnnplayground.engine cnnplayground.ui",
            "cli;      java. javax.imageio cnnplayground.spec cnnplayground.teach cnnplayground.data cnnplayground.engine cnnplayground.cli"})
    void package_imports_only_what_its_layer_may_use(String pkg, String allowed) throws IOException {
        List<String> prefixes = List.of(allowed.trim().split("\\s+"));
        List<String> violations = new ArrayList<>();
        Path dir = SOURCES.resolve(pkg);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String imported = m.group(2);
                        boolean ok = imported.startsWith("cnnplayground." + pkg)
                                || prefixes.stream().anyMatch(imported::startsWith);
                        if (!ok) {
                            violations.add(SOURCES.relativize(file) + " imports " + imported);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertEquals(List.of(), violations);
    }
}
