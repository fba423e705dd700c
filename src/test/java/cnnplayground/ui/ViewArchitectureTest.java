package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window's state lives in one workspace that every view observes (STYLE.md, "App state"): a view gets the
 * workspace, never a sibling view, and the workspace holds no JavaFX nodes. Read from the sources.
 */
class ViewArchitectureTest {

    private static final Path UI = Path.of("src/main/java/cnnplayground/ui");
    /** The views {@link PlaygroundView} puts side by side in the window; each may hold views of its own. */
    private static final List<String> VIEWS = List.of("NetworkEditorView", "ExportMenu", "TrainingPanel",
            "TransferSettings", "LiveViews", "EvaluationPanel", "DatasetBrowser", "DatasetChooser",
            "ConvolutionStepperView", "CompareView", "LessonPanel", "PresentationMode", "LanguageChooser", "StageScreen");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    /** A character or string literal, or a comment, whichever starts first. */
    private static final Pattern LITERAL_OR_COMMENT = Pattern.compile(
            "'(\\\\.|[^'\\\\])'|\"(\\\\.|[^\"\\\\])*\"|/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void the_window_builds_every_view_listed_here() throws IOException {
        String window = code(UI.resolve("PlaygroundView.java"));
        assertThat(VIEWS).allMatch(view -> window.contains("new " + view + "("), "is built in PlaygroundView");
    }

    @Test
    void a_view_names_no_other_view_of_the_window() throws IOException {
        Map<String, Path> sources = sources();
        List<String> violations = new ArrayList<>();
        for (String view : VIEWS) {
            String code = code(sources.get(view));
            for (String other : VIEWS) {
                if (!other.equals(view) && Pattern.compile("\\b" + other + "\\b").matcher(code).find()) {
                    violations.add(view + " refers to " + other + "; observe the Workspace instead");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void the_workspace_holds_no_nodes_and_no_views() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(UI.resolve("workspace"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    String imported = m.group(2);
                    if (imported.startsWith("javafx.scene") || imported.startsWith("javafx.stage")
                            || imported.startsWith("ai.djl")) {
                        violations.add(file.getFileName() + " imports " + imported);
                    }
                }
                String code = code(file);
                for (String view : VIEWS) {
                    if (Pattern.compile("\\b" + view + "\\b").matcher(code).find()) {
                        violations.add(file.getFileName() + " refers to the view " + view);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Every view's source file, by class name. */
    private static Map<String, Path> sources() throws IOException {
        Map<String, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(UI)) {
            files.filter(p -> VIEWS.contains(p.getFileName().toString().replace(".java", "")))
                    .forEach(p -> found.put(p.getFileName().toString().replace(".java", ""), p));
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(VIEWS);
        return found;
    }

    /** The source without comments and string literals: what the class refers to, not what it talks about. */
    private static String code(Path file) {
        try {
            return LITERAL_OR_COMMENT.matcher(Files.readString(file)).replaceAll(m -> m.group().startsWith("/") ? " "
                    : "\"\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
