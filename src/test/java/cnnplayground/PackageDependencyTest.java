package cnnplayground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layers of the code base point one way: spec ← teach (lesson maths and catalogue, pure Java); spec ← data ←
 * engine ← ui / cli; tools (screenshot tour, soak, stall meters) on top of ui, and nothing in the app uses tools
 * (STYLE.md §2). A reference counts whether it is an import or a fully qualified name in the code
 * ({@code javafx.scene.Node}, {@code cnnplayground.tools.Foo}); comments and string literals do not.
 */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java/cnnplayground");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package [\\w.]+;", Pattern.MULTILINE);
    /** A package name (lower-case parts) followed by a type name, not itself the tail of another name. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.$])((?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*)");

    /** Each top-level package of {@code cnnplayground} and the prefixes its code may refer to besides itself. */
    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("spec", "java.");
        RULES.put("teach", "java. cnnplayground.spec");
        RULES.put("data", "java. javax.imageio cnnplayground.spec");
        RULES.put("engine", "java. com.sun.management. ai.djl. com.sun.jna. org.slf4j cnnplayground.spec cnnplayground.data");
        RULES.put("ui", "java. javax.imageio javafx. cnnplayground.spec cnnplayground.teach cnnplayground.data"
                + " cnnplayground.engine");
        RULES.put("cli", "java. javax.imageio cnnplayground.spec cnnplayground.teach cnnplayground.data"
                + " cnnplayground.engine");
        RULES.put("tools", "java. javax.imageio javafx. cnnplayground.spec cnnplayground.teach cnnplayground.data"
                + " cnnplayground.engine cnnplayground.ui");
    }

    /**
     * The engine's DJL-facing parts, by concern: blocks (layers as DJL blocks), optim (optimisers, rate
     * schedules), weights (reading and writing parameters), batch (assembling batches). Only the engine uses
     * them; the UI, the CLI and the tools go through the engine's own package.
     */
    static final List<String> ENGINE_INTERNALS = List.of("cnnplayground.engine.blocks", "cnnplayground.engine.optim",
            "cnnplayground.engine.weights", "cnnplayground.engine.batch");

    static Stream<String> engineUsers() {
        return Stream.of("ui", "cli", "tools");
    }

    @ParameterizedTest(name = "{0} does not reach into the engine's DJL-facing sub-packages")
    @MethodSource("engineUsers")
    void only_the_engine_uses_its_djl_facing_sub_packages(String pkg) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(file -> {
                for (String used : references(read(file))) {
                    if (ENGINE_INTERNALS.stream().anyMatch(internal -> within(used, internal))) {
                        violations.add(SOURCES.relativize(file) + " uses " + used);
                    }
                }
            });
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void every_engine_sub_package_named_exists() {
        assertEquals(List.of(), ENGINE_INTERNALS.stream().filter(p -> !packageExists(p)).toList());
    }

    static Stream<Arguments> rules() {
        return RULES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} uses only {1}")
    @MethodSource("rules")
    void package_uses_only_what_its_layer_may_use(String pkg, String allowed) throws IOException {
        List<String> prefixes = List.of(allowed.trim().split("\\s+"));
        Path dir = SOURCES.resolve(pkg);
        assertThat(dir).as("package cnnplayground.%s, which a rule names", pkg).isDirectory();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(file -> {
                for (String used : references(read(file))) {
                    boolean ok = within(used, "cnnplayground." + pkg) || prefixes.stream().anyMatch(p -> within(used, p));
                    if (!ok) {
                        violations.add(SOURCES.relativize(file) + " uses " + used);
                    }
                }
            });
        }
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest(name = "{0}: every package it may use exists")
    @MethodSource("rules")
    void every_package_a_rule_names_exists(String pkg, String allowed) {
        List<String> missing = Arrays.stream(allowed.trim().split("\\s+")).filter(p -> !packageExists(p)).toList();

        assertEquals(List.of(), missing, "packages named in the rule for " + pkg + " that do not exist");
    }

    @Test
    void every_package_has_a_rule() throws IOException {
        Set<String> packages;
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertEquals(new TreeSet<>(RULES.keySet()), packages);
    }

    @Test
    void should_see_fully_qualified_names_in_code_but_not_in_comments_or_strings() {
        String source = """
                package cnnplayground.ui;

                import java.util.List;
                import static javafx.application.Platform.runLater;

                /** See {@link cnnplayground.tools.Hidden}. */
                class Sample { // ai.djl.Model in a comment
                    javafx.scene.Node node = new cnnplayground.tools.stall.FxStallMeter();
                    String text = "cnnplayground.tools.InAString \\" ai.djl.Quoted";
                    char quote = '"';
                    Object map = java.util.Map.of(); /* org.Gone */ int n = view.training().size();
                }
                """;

        assertThat(references(source)).containsExactlyInAnyOrder("java.util.List",
                "javafx.application.Platform.runLater", "javafx.scene.Node", "cnnplayground.tools.stall.FxStallMeter",
                "java.util.Map");
    }

    @Test
    void should_tell_a_misspelt_package_from_a_real_one() {
        assertThat(packageExists("ai.djl.")).isTrue();
        assertThat(packageExists("javafx.scene")).isTrue();
        assertThat(packageExists("cnnplayground.tools")).isTrue();
        assertThat(packageExists("ai.dj1.")).isFalse();
        assertThat(packageExists("cnnplayground.tool")).isFalse();
    }

    /** Every package or type {@code source} refers to by name: its imports and the qualified names in its code. */
    static Set<String> references(String source) {
        Set<String> found = new TreeSet<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            found.add(imports.group(2));
        }
        String code = PACKAGE.matcher(codeOnly(source)).replaceAll("");
        code = IMPORT.matcher(code).replaceAll("");
        Matcher names = QUALIFIED.matcher(code);
        while (names.find()) {
            found.add(names.group(1));
        }
        return found;
    }

    /** {@code source} with comments and string and character literals blanked out (line breaks kept). */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = blank(source, i, Math.max(source.indexOf('\n', i), i), code);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = blank(source, i, end < 0 ? n : end + 2, code);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = blank(source, i, end < 0 ? n : end + 3, code);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = blank(source, i, Math.min(n, j + 1), code);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static int blank(String source, int from, int to, StringBuilder code) {
        int end = to <= from ? source.length() : to;
        for (int k = from; k < end; k++) {
            code.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
        return end;
    }

    /** Whether {@code name} is the package or type {@code prefix} or lies inside it; "java." matches java.*. */
    private static boolean within(String name, String prefix) {
        return prefix.endsWith(".") ? name.startsWith(prefix) : name.equals(prefix) || name.startsWith(prefix + ".");
    }

    /**
     * Whether a package with this name (or, for a prefix ending in '.', some package under it) is in the sources,
     * the JDK, or a jar or folder on the class path.
     */
    static boolean packageExists(String prefix) {
        String name = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (name.startsWith("cnnplayground.")) {
            return Files.isDirectory(SOURCES.getParent().resolve(name.replace('.', '/')));
        }
        boolean inJdk = ModuleLayer.boot().modules().stream().map(Module::getDescriptor)
                .map(ModuleDescriptor::packages).flatMap(Set::stream)
                .anyMatch(p -> p.equals(name) || p.startsWith(name + "."));
        if (inJdk) {
            return true;
        }
        String path = name.replace('.', '/') + "/";
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path location = Path.of(entry);
            if (Files.isDirectory(location) ? Files.isDirectory(location.resolve(path)) : jarHolds(location, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jarHolds(Path jar, String path) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).anyMatch(e -> e.startsWith(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
