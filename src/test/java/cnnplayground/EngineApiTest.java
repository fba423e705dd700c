package cnnplayground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine shows the UI, the CLI and the tools a small API: the types listed here by concern, all in the
 * package {@code cnnplayground.engine}. Any other engine type, whether in that package or a sub-package
 * (blocks, optim, weights, batch), is the engine's own; naming one from ui, cli or tools fails, by import or by
 * fully qualified name. The plain data the API hands over (records and enums: snapshots, results, settings) is
 * nested in the type that hands it over, such as {@code TrainingHandle.TrainingSnapshot},
 * {@code ModelProbe.ProbeResult} or {@code ModelFile.SavedModel}, and comes with it; so does any other nested
 * type of an API type, such as {@code TrainingEvent.EpochEnded}. The top-level names stay few
 * ({@link #MOST_TOP_LEVEL_NAMES}).
 * Where the UI needs something of the engine's internals, an API type gets a narrow method for it
 * ({@code TrainingLauncher.create()}, {@code EngineInfo.load()}, {@code MemoryShortfall.check},
 * {@code TrainingConfig.validationIndices}).
 */
class EngineApiTest {

    private static final Path SOURCES = Path.of("src/main/java/cnnplayground");
    private static final Path ENGINE = SOURCES.resolve("engine");
    private static final String ENGINE_PACKAGE = "cnnplayground.engine";

    /**
     * The API by concern, as simple names of public top-level types in {@code cnnplayground.engine}: first the
     * entry points (what the UI and the CLI call: launchers, handles, checks, probes, files), then the few data
     * types that stand alone because many entry points take or give them (a run's events, a copy of the weights).
     * Every other record or enum of the API is nested in its entry point:
     * <ul>
     * <li>run: {@code TrainingHandle} (TrainingPace, TrainingState, TrainingSnapshot, TrainingProgress,
     *     BatchMetrics), {@code TrainingEvent} (EpochMetrics), {@code TrainingConfig} (OptimizerKind,
     *     LearningRateSchedule), {@code TrainingLauncher} (TransferPlan);
     * <li>engine: {@code EngineInfo} (GpuSupport, TorchUnavailableException);
     * <li>probes: {@code ModelProbe} (ProbeResult, Prediction, ProbeDetails, LayerActivation, LayerParameters,
     *     FilterBank, Explanation, ExplanationKind), {@code InputOptimizer} (ClassVisualisation,
     *     FilterVisualisation, FoolingResult), {@code EvolutionRecorder} (EvolutionFrame);
     * <li>model files: {@code ModelFile} (SavedModel, ModelMetadata, ModelFileException);
     * <li>evaluation: {@code Evaluator} (EvaluationReport, ConfusionMatrix).
     * </ul>
     */
    static final Map<String, Concern> API = new LinkedHashMap<>();

    record Concern(List<String> entryPoints, List<String> data) {
    }

    static {
        API.put("run", new Concern(List.of("TrainingLauncher", "TrainingHandle", "TrainingListener", "TrainingConfig",
                "CheckpointSink", "DataFit", "MemoryShortfall"), List.of("TrainingEvent", "WeightsSnapshot")));
        API.put("engine", new Concern(List.of("EngineInfo"), List.of()));
        API.put("probes", new Concern(List.of("LiveModel", "ModelProbe", "FreshWeights", "ClassActivationMaps",
                "InputOptimizer", "EvolutionRecorder"), List.of()));
        API.put("model files", new Concern(List.of("ModelFile", "ModelExport", "TrainedModel"), List.of()));
        API.put("evaluation", new Concern(List.of("Evaluator", "HistoryExport"), List.of()));
    }

    /**
     * The most top-level names the API may have: today's count. A new record or enum the API hands over goes
     * into the type that hands it over; raise this only for a new entry point that belongs to none of them.
     */
    static final int MOST_TOP_LEVEL_NAMES = 21;

    /**
     * Public top-level engine types that are not API: public only because the engine's sub-packages or tests
     * outside the engine package use them. The UI, the CLI and the tools may not; a new public type in the
     * engine is either API or named here.
     */
    static final Set<String> PUBLIC_INTERNALS = Set.of(
            "TrainingRun",      // the training thread; ui tests watch its native release and thread
            "TrainingMemory",   // the memory estimate behind MemoryShortfall; LayerKindCoverageTest covers it
            "LayerWeights",     // parameters by layer; ui and cli tests compare weights with it
            "NativeRelease");   // what a run freed; FaultsMidTrainingTest checks it

    static Stream<String> engineUsers() {
        return Stream.of("ui", "cli", "tools");
    }

    @ParameterizedTest(name = "{0} names no engine type outside the API")
    @MethodSource("engineUsers")
    void ui_cli_and_tools_name_only_the_engine_api(String pkg) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(file -> {
                for (String used : PackageDependencyTest.references(read(file))) {
                    if (isEngine(used) && !isApi(used)) {
                        violations.add(SOURCES.relativize(file) + " uses " + used);
                    }
                }
            });
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void the_api_has_few_top_level_names() {
        List<String> names = apiTypes();

        assertThat(names).as("the engine API's top-level names (nest plain data in the type that hands it over): %s",
                names).hasSizeLessThanOrEqualTo(MOST_TOP_LEVEL_NAMES);
    }

    @Test
    void ui_cli_and_tools_together_name_no_more_top_level_engine_types_than_the_api_has() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String pkg : engineUsers().toList()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                    for (String name : PackageDependencyTest.references(read(file))) {
                        String top = isEngine(name) && name.length() > ENGINE_PACKAGE.length() + 1
                                ? name.substring(ENGINE_PACKAGE.length() + 1).split("\\.")[0] : "";
                        if (!top.isEmpty() && Character.isUpperCase(top.charAt(0))) {
                            used.add(top);
                        }
                    }
                });
            }
        }

        assertThat(used).as("top-level engine names used by ui, cli and tools: %s", used)
                .hasSizeLessThanOrEqualTo(MOST_TOP_LEVEL_NAMES);
    }

    @Test
    void every_api_type_named_is_a_public_type_of_the_engine_package() {
        List<String> missing = apiTypes().stream().filter(t -> !publicTopLevelTypes().contains(t)).toList();

        assertEquals(List.of(), missing, "API types that are not public top-level types in " + ENGINE);
    }

    @Test
    void every_public_engine_type_is_api_or_a_named_internal() {
        Set<String> unlisted = new TreeSet<>(publicTopLevelTypes());
        unlisted.removeAll(apiTypes());
        unlisted.removeAll(PUBLIC_INTERNALS);

        assertEquals(Set.of(), unlisted, "public engine types neither in the API nor in PUBLIC_INTERNALS: make"
                + " them package-private, or list them");
    }

    @Test
    void every_internal_named_is_public_and_not_api() {
        assertThat(publicTopLevelTypes()).containsAll(PUBLIC_INTERNALS);
        assertThat(apiTypes()).doesNotContainAnyElementsOf(PUBLIC_INTERNALS);
    }

    @Test
    void should_tell_api_names_from_internal_ones() {
        assertThat(isApi("cnnplayground.engine.TrainingLauncher")).isTrue();
        assertThat(isApi("cnnplayground.engine.TrainingEvent.EpochEnded")).isTrue();
        assertThat(isApi("cnnplayground.engine.ModelProbe.ProbeResult")).isTrue();
        assertThat(isApi("cnnplayground.engine.ProbeResult")).isFalse();
        assertThat(isApi("cnnplayground.engine.TrainingRun")).isFalse();
        assertThat(isApi("cnnplayground.engine.TrainingLauncherImpl")).isFalse();
        assertThat(isApi("cnnplayground.engine.blocks.BlockFactory")).isFalse();
        assertThat(isApi("cnnplayground.engine.")).isFalse();
        assertThat(isEngine("cnnplayground.engine.")).isTrue();
        assertThat(isEngine("cnnplayground.engineering.Foo")).isFalse();
    }

    /** The API's types, flat, with no name twice. */
    static List<String> apiTypes() {
        List<String> all = API.values().stream()
                .flatMap(c -> Stream.concat(c.entryPoints().stream(), c.data().stream())).toList();
        assertEquals(all.size(), new TreeSet<>(all).size(), "a type listed twice in the API: " + all);
        return all;
    }

    private static boolean isEngine(String name) {
        return name.equals(ENGINE_PACKAGE) || name.startsWith(ENGINE_PACKAGE + ".");
    }

    /** A reference (import, static import or qualified name) to an API type or something nested in it. */
    private static boolean isApi(String name) {
        return apiTypes().stream().map(t -> ENGINE_PACKAGE + "." + t)
                .anyMatch(t -> name.equals(t) || name.startsWith(t + "."));
    }

    private static final Pattern PUBLIC_TOP_LEVEL = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|enum|interface|@interface)"
                    + "\\s+(\\w+)", Pattern.MULTILINE);

    /** Simple names of the public top-level types in the engine package (not its sub-packages). */
    static Set<String> publicTopLevelTypes() {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(ENGINE)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                var m = PUBLIC_TOP_LEVEL.matcher(PackageDependencyTest.codeOnly(read(file)));
                String name = file.getFileName().toString().replace(".java", "");
                while (m.find()) {
                    if (m.group(1).equals(name)) {
                        types.add(name);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
