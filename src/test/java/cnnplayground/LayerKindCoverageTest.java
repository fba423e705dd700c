package cnnplayground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.ForwardShapes;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingMemory;
import cnnplayground.spec.Activation;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.FlattenSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerCodec;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkJson;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Presets;
import cnnplayground.spec.Shape;
import cnnplayground.spec.export.ExportProbe;
import cnnplayground.spec.export.KerasCode;
import cnnplayground.spec.export.PyTorchCode;
import cnnplayground.teach.ReceptiveField;
import cnnplayground.ui.PlaygroundApp;
import cnnplayground.ui.builder.Palette;
import cnnplayground.ui.export.ArchitectureDiagram;
import cnnplayground.ui.export.DiagramProbe;
import cnnplayground.ui.i18n.UiText;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every layer kind's default layer (the one the palette adds), in the smallest network where it is
 * valid, goes through everything a layer must have: JSON, the real DJL engine (build and forward),
 * both exports, receptive field, memory estimate, diagram and its palette colour. A kind added to
 * {@link LayerKind} without all of them fails here (STYLE.md, "Adding a layer type").
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LayerKindCoverageTest {

    /** Big enough for a 3×3 window, a 2×2 pool and a residual block's 5×5 field to sit inside. */
    private static final Shape IMAGE = Shape.image(6, 6, 1);
    private static final DenseSpec OUTPUT = new DenseSpec(2, Activation.SOFTMAX);
    private static final int BATCH = 2;
    private static final long FX_SECONDS = 20;
    /** A unit sees the whole image: after Flatten, Dense or global pooling. */
    private static final int WHOLE_IMAGE = 0;

    @TempDir
    Path dir;

    /**
     * The network a kind's default layer is checked in: the layer at {@code index}, and how far one of
     * its output units sees into the image ({@code fieldSize × fieldSize}, or {@link #WHOLE_IMAGE}).
     */
    record Placement(NetworkSpec network, int index, int fieldSize) {
        LayerSpec layer() {
            return network.layers().get(index);
        }
    }

    /**
     * The smallest network where the kind's default layer is valid. A switch expression with no default:
     * this test does not compile until a new kind has its place.
     */
    static Placement place(LayerKind kind) {
        LayerSpec layer = Presets.defaultLayer(kind);
        return switch (kind) {
            // Conv2D 8 3×3 same
            case CONV_2D -> new Placement(network(kind, layer, new FlattenSpec(), OUTPUT), 0, 3);
            // 2×2, stride 2
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> new Placement(network(kind, layer, new FlattenSpec(), OUTPUT), 0, 2);
            // a position's own value
            case DROPOUT, BATCH_NORMALIZATION, ACTIVATION ->
                    new Placement(network(kind, layer, new FlattenSpec(), OUTPUT), 0, 1);
            // two 3×3 same convolutions
            case RESIDUAL_BLOCK -> new Placement(network(kind, layer, new GlobalPooling2dSpec(PoolMode.AVERAGE), OUTPUT),
                    0, 5);
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN ->
                    new Placement(network(kind, layer, OUTPUT), 0, WHOLE_IMAGE);
            // Dense 64 relu, not a valid output itself
            case DENSE -> new Placement(network(kind, new FlattenSpec(), layer, OUTPUT), 1, WHOLE_IMAGE);
        };
    }

    private static NetworkSpec network(LayerKind kind, LayerSpec... layers) {
        return new NetworkSpec(kind.kerasName() + " probe", IMAGE, List.of(layers));
    }

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LayerKind.class)
    void each_kind_default_layer_goes_through_every_part_of_the_app(LayerKind kind) {
        // given: the palette's layer in a valid network
        Placement placed = place(kind);
        NetworkAnalysis analysis = placed.network().analyze();
        assertThat(analysis.problems()).as("the probe network is valid").isEmpty();
        assertThat(placed.layer()).isEqualTo(Presets.defaultLayer(kind));
        assertThat(placed.layer().kind()).isEqualTo(kind);
        LayerSummary summary = analysis.layers().get(placed.index());

        // when / then: every part takes it
        assertAll(kind.kerasName(),
                named("JSON", () -> jsonRoundTrip(placed)),
                named("DJL", () -> djlForward(placed, analysis)),
                named("Keras", () -> keras(placed)),
                named("PyTorch", () -> pytorch(placed, summary)),
                named("receptive field", () -> receptiveField(placed, summary)),
                named("memory", () -> memory(placed, summary)),
                named("diagram", () -> diagram(placed)),
                named("palette", () -> paletteStyle(kind)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LayerKind.class)
    void each_kind_exports_python_that_parses(LayerKind kind) throws Exception {
        // given:
        NetworkSpec network = place(kind).network();

        // when: the code, and the programs with (fresh) weights
        cnnplayground.spec.export.TrainedNetwork trained = trained(network);
        Path program = dir.resolve("trained.py");
        List<String> errors = ExportProbe.syntaxErrors(Map.of(
                "keras.py", KerasCode.of(network), "pytorch.py", PyTorchCode.of(network),
                "trained_pytorch.py", cnnplayground.spec.export.TrainedExport.of(
                        cnnplayground.spec.export.TrainedExport.Target.PYTORCH, trained, program).program(),
                "trained_keras.py", cnnplayground.spec.export.TrainedExport.of(
                        cnnplayground.spec.export.TrainedExport.Target.KERAS, trained, program).program()), dir);

        // then:
        assertThat(errors).isEmpty();
    }

    /** The network with freshly initialised weights, as the trained-model export takes it. */
    private static cnnplayground.spec.export.TrainedNetwork trained(NetworkSpec network) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = BlockFactory.build(network);
            block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(network, 1));
            int classes = BlockFactory.outputUnits(network);
            cnnplayground.engine.WeightsSnapshot weights = new cnnplayground.engine.WeightsSnapshot(network,
                    cnnplayground.engine.ModelFile.parameterBytes(block), cnnplayground.data.Normalization.NONE,
                    java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList(), 0);
            return cnnplayground.engine.ModelExport.of(weights, cnnplayground.engine.TrainingConfig.defaults(), "test");
        }
    }

    /** Written and read back, the network and the layer are equal; the codec's argument maps round-trip too. */
    private static void jsonRoundTrip(Placement placed) throws Exception {
        String json = NetworkJson.write(placed.network());
        NetworkSpec read = NetworkJson.parse(json);
        assertThat(read).isEqualTo(placed.network());
        assertThat(json).contains("\"" + placed.layer().kind().kerasName() + "\"");
        LayerKind kind = placed.layer().kind();
        assertThat(LayerCodec.fromArguments(kind, LayerCodec.toArguments(placed.layer()))).isEqualTo(placed.layer());
        assertThat(LayerCodec.fromArguments(kind, LayerCodec.toShortArguments(placed.layer())))
                .isEqualTo(placed.layer());
        assertThat(LayerCodec.toArguments(placed.layer()).keySet())
                .containsExactlyElementsOf(kind.arguments().stream().map(LayerKind.Argument::name).toList());
    }

    /**
     * Built by the real engine and run forward on a batch of two: every layer's output has the shape
     * the spec inferred (this layer's included, and the net's), and the layer owns the parameters the
     * spec counts.
     */
    private static void djlForward(Placement placed, NetworkAnalysis analysis) {
        SequentialBlock net = BlockFactory.build(placed.network());
        ai.djl.ndarray.types.Shape input = BlockFactory.inputShape(placed.network(), BATCH);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, input);
            ForwardShapes.assertForwardShapes(net, placed.network(), analysis, manager,
                    manager.randomUniform(0, 1, input));
            Block layer = net.getChildren().get(placed.index()).getValue();
            long djlParams = 0;
            for (Pair<String, ai.djl.nn.Parameter> p : layer.getParameters()) {
                djlParams += p.getValue().getArray().size();
            }
            assertThat(djlParams).as("parameters DJL gives the layer")
                    .isEqualTo(analysis.layers().get(placed.index()).params().total());
        }
    }

    /** The Keras program has the layer's constructor call. */
    private static void keras(Placement placed) {
        assertThat(KerasCode.of(placed.network())).contains(ExportProbe.kerasCall(placed.layer()));
    }

    /** The PyTorch program names the layer above its modules, with its output shape, and has modules for it. */
    private static void pytorch(Placement placed, LayerSummary summary) {
        String code = PyTorchCode.of(placed.network());
        String heading = "# " + summary.name() + ": " + ExportProbe.kerasCall(placed.layer()) + " -> ";
        assertThat(code).contains(heading);
        String after = code.substring(code.indexOf(heading));
        String next = after.lines().skip(1).filter(line -> !line.strip().startsWith("#")).findFirst().orElse("");
        assertThat(next.strip()).as("the module after the heading").matches("(nn\\.|Residual\\(|AvgPool2dSame\\().*");
    }

    /** A unit in the middle of the layer's output sees the field the layer's window gives, or the whole image. */
    private static void receptiveField(Placement placed, LayerSummary summary) {
        Shape out = summary.outputShape().orElseThrow();
        int row = out.isSpatial() ? out.height() / 2 : 0;
        int col = out.isSpatial() ? out.width() / 2 : 0;
        ReceptiveField field = ReceptiveField.of(placed.network(), placed.index(), row, col);
        if (placed.fieldSize() == WHOLE_IMAGE) {
            assertThat(field.wholeImage()).isTrue();
            assertThat(field.height()).isEqualTo(IMAGE.height());
        } else {
            assertThat(field.wholeImage()).isFalse();
            assertThat(field.fullHeight()).isEqualTo(placed.fieldSize());
            assertThat(field.fullWidth()).isEqualTo(placed.fieldSize());
        }
    }

    /** The estimate counts at least the layer's own activations and weights. */
    private static void memory(Placement placed, LayerSummary summary) {
        TrainingConfig config = TrainingConfig.defaults();
        TrainingMemory need = TrainingMemory.estimate(placed.network(), config);
        long ownActivations = summary.outputShape().orElseThrow().size() * config.batchSize()
                * TrainingMemory.BYTES_PER_FLOAT * TrainingMemory.BACKWARD_FACTOR;
        assertThat(need.totalBytes()).isPositive();
        assertThat(need.activationBytes()).isGreaterThanOrEqualTo(ownActivations);
        assertThat(need.parameterBytes()).isGreaterThanOrEqualTo(summary.params().total() * TrainingMemory.BYTES_PER_FLOAT);
    }

    /** The drawn diagram has the layer's box, in its kind's colour. */
    private static void diagram(Placement placed) throws Exception {
        Image picture = onFx(() -> ArchitectureDiagram.draw(placed.network(), new UiText()));
        Color expected = DiagramProbe.colour(placed.layer().kind());
        Color drawn = DiagramProbe.boxFill(picture, placed.index());
        assertThat(distance(drawn, expected)).as("box colour " + drawn + ", kind's " + expected).isLessThan(0.02);
    }

    /** The palette's button for the kind carries its style class, and the stylesheet has a rule for that class. */
    private static void paletteStyle(LayerKind kind) throws Exception {
        String styleClass = Palette.styleClass(kind);
        Node button = onFx(() -> new Palette(k -> { }, new UiText()).lookup("#" + Palette.buttonId(kind)));
        assertThat(button).as("palette button").isNotNull();
        assertThat(button.getStyleClass()).contains(styleClass);
        assertThat(stylesheetRulesFor(styleClass)).as("rules in playground.css for ." + styleClass)
                .anyMatch(rule -> rule.getDeclarations().stream().anyMatch(d -> d.getProperty().equals("-fx-border-color")));
    }

    private static List<Rule> stylesheetRulesFor(String styleClass) throws Exception {
        Stylesheet sheet = new CssParser().parse(URI.create(PlaygroundApp.stylesheet()).toURL());
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : sheet.getRules()) {
            for (Selector selector : rule.getSelectors()) {
                List<SimpleSelector> parts = selector instanceof CompoundSelector compound ? compound.getSelectors()
                        : selector instanceof SimpleSelector simple ? List.of(simple) : List.of();
                if (parts.stream().anyMatch(s -> s.getStyleClasses().contains(styleClass))) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(FX_SECONDS, TimeUnit.SECONDS);
    }

    /** A check whose failure says which part of the app it was. */
    private static Executable named(String part, Executable check) {
        return () -> {
            try {
                check.execute();
            } catch (AssertionError e) {
                throw new AssertionError(part + ": " + e.getMessage(), e);
            } catch (Exception e) {
                throw new AssertionError(part + ": " + e, e);
            }
        };
    }
}
