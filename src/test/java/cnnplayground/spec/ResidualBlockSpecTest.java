package cnnplayground.spec;

import static cnnplayground.spec.Activation.RELU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cnnplayground.engine.blocks.ResidualBlock;

/** Keras' numbers for a residual block, worked out by hand from the two convolutions and the shortcut. */
class ResidualBlockSpecTest {

    @Test
    void same_channels_and_stride_one_keep_the_shape_with_an_identity_shortcut() throws Exception {
        ResidualBlockSpec block = new ResidualBlockSpec(16, 3, 1, RELU);
        Shape in = Shape.image(28, 28, 16);

        assertEquals(Shape.image(28, 28, 16), block.outputShape(in));
        assertFalse(block.needsProjection(in));
        // two 3×3 convolutions 16 → 16: (9·16·16 + 16) · 2
        assertEquals(ParamCount.trainable(2 * 2_320), block.paramCount(in));
    }

    @Test
    void stride_two_halves_the_size_and_projects_the_shortcut() throws Exception {
        ResidualBlockSpec block = new ResidualBlockSpec(32, 3, 2, RELU);
        Shape in = Shape.image(28, 28, 16);

        assertEquals(Shape.image(14, 14, 32), block.outputShape(in));
        assertTrue(block.needsProjection(in));
        // 9·16·32 + 32 = 4,640; 9·32·32 + 32 = 9,248; 1×1 projection 16·32 + 32 = 544
        assertEquals(ParamCount.trainable(4_640 + 9_248 + 544), block.paramCount(in));
    }

    @Test
    void an_odd_size_rounds_up_and_new_channels_alone_need_the_projection() throws Exception {
        ResidualBlockSpec strided = new ResidualBlockSpec(8, 3, 2, RELU);
        assertEquals(Shape.image(4, 4, 8), strided.outputShape(Shape.image(7, 7, 8)));
        // 9·8·8 + 8 = 584 twice, and the projection 8·8 + 8 = 72 because of the stride
        assertEquals(ParamCount.trainable(2 * 584 + 72), strided.paramCount(Shape.image(7, 7, 8)));

        ResidualBlockSpec wider = new ResidualBlockSpec(4, 1, 1, RELU);
        assertTrue(wider.needsProjection(Shape.image(5, 5, 3)));
        // 1·3·4 + 4 = 16, 1·4·4 + 4 = 20, projection 3·4 + 4 = 16
        assertEquals(ParamCount.trainable(16 + 20 + 16), wider.paramCount(Shape.image(5, 5, 3)));
    }

    @Test
    void a_flat_input_is_refused_with_the_fix() {
        IncompatibleInputException e = assertThrows(IncompatibleInputException.class,
                () -> new ResidualBlockSpec(8, 3, 1, RELU).outputShape(Shape.flat(10)));
        assertTrue(e.getMessage().startsWith("ResidualBlock needs an H×W×C input"), e.getMessage());
    }

    @Test
    void an_absurd_kernel_is_refused_instead_of_overflowing_the_count() {
        // found by FuzzedStackTest: a 2147483647×2147483647 'same' kernel gave a negative parameter count
        NetworkSpec net = new NetworkSpec("huge", Shape.image(12, 61, 2), List.of(
                new Conv2dSpec(5, new Size2(Integer.MAX_VALUE, Integer.MAX_VALUE), Size2.square(2), Padding.SAME,
                        Activation.LINEAR, true),
                new ResidualBlockSpec(5, new Size2(Integer.MAX_VALUE, Integer.MAX_VALUE), Size2.square(1), RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE), new DenseSpec(2, Activation.SOFTMAX)));

        NetworkAnalysis analysis = net.analyze();

        assertEquals(0, analysis.problems().get(0).layerIndex());
        assertTrue(analysis.problems().get(0).message().contains("needs more parameters than can be counted"),
                analysis.problems().get(0).message());
        assertEquals(1, new NetworkSpec("huge", Shape.image(12, 61, 2), net.layers().subList(1, 4)).analyze()
                .problems().size());
    }

    @Test
    void json_takes_keras_defaults_and_writes_only_what_differs() throws Exception {
        LayerSpec parsed = LayerCodec.fromArguments(LayerKind.RESIDUAL_BLOCK, Map.of("filters", 32L, "strides", 2L));

        assertEquals(new ResidualBlockSpec(32, 3, 2, RELU), parsed);
        assertEquals(Map.of("filters", 32, "strides", 2), LayerCodec.toShortArguments(parsed));
        assertEquals("ResidualBlock 32 3×3 /2×2 relu", parsed.label());
        NetworkSpec net = NetworkJson.parse("""
                {"input": [8, 8, 1], "layers": [{"type": "ResidualBlock", "filters": 4, "kernel_size": [3, 1]},
                  {"type": "Flatten"}, {"type": "Dense", "units": 2, "activation": "softmax"}]}""");
        assertEquals(new ResidualBlockSpec(4, new Size2(3, 1), Size2.square(1), RELU), net.layers().get(0));
        assertEquals(net, NetworkJson.parse(NetworkJson.write(net)));
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> NetworkJson.parse("""
                {"input": [8, 8, 1], "layers": [{"type": "ResidualBlock", "filters": 0}]}"""));
        assertTrue(e.getMessage().contains("Layer 1 (ResidualBlock): filters must be at least 1, got 0"), e.getMessage());
    }

    @Test
    void the_summary_names_it_like_keras_names_a_custom_layer() {
        String table = ModelSummary.format(Presets.resnetSmall().analyze());

        assertTrue(table.contains(" residual_block_1 (ResidualBlock)"), table);
        assertTrue(table.contains("(None, 14, 14, 32)"), table);
        assertTrue(table.contains("14,432"), table);
    }

    @Test
    void the_small_resnet_has_77_418_parameters() {
        NetworkAnalysis analysis = Presets.resnetSmall().analyze();

        assertEquals(List.of(), analysis.problems());
        List<Long> perLayer = analysis.layers().stream().map(l -> l.params().total()).toList();
        // stem 9·1·16 + 16; block 16 identity (9·16·16 + 16)·2; block 32 /2 4,640 + 9,248 + 544;
        // block 64 /2 9·32·64 + 64 = 18,496, 9·64·64 + 64 = 36,928, 32·64 + 64 = 2,112; GAP; Dense 64·10 + 10
        assertEquals(List.of(160L, 4_640L, 14_432L, 57_536L, 0L, 650L), perLayer);
        assertEquals(77_418, analysis.totalParams().total());
        assertEquals(Shape.image(7, 7, 64), analysis.layers().get(3).outputShape().orElseThrow());
    }

    @Test
    void the_bundled_files_are_the_new_presets() throws Exception {
        assertEquals(Presets.vggSmall(), NetworkJson.parse(java.nio.file.Files.readString(
                java.nio.file.Path.of("assets/models/vgg-small.json"))));
        assertEquals(Presets.resnetSmall(), NetworkJson.parse(java.nio.file.Files.readString(
                java.nio.file.Path.of("assets/models/resnet-small.json"))));
    }

    @Test
    void the_small_vgg_has_467_818_parameters() {
        NetworkAnalysis analysis = Presets.vggSmall().analyze();

        assertEquals(List.of(), analysis.problems());
        List<Long> perLayer = analysis.layers().stream().map(l -> l.params().total()).toList();
        // 9·1·32 + 32; 9·32·32 + 32; pool; 9·32·64 + 64; 9·64·64 + 64; pool; flatten 7·7·64 = 3,136;
        // 3,136·128 + 128; dropout; 128·10 + 10
        assertEquals(List.of(320L, 9_248L, 0L, 18_496L, 36_928L, 0L, 0L, 401_536L, 0L, 1_290L), perLayer);
        assertEquals(467_818, analysis.totalParams().total());
        assertTrue(Presets.all().contains(Presets.vggSmall()) && Presets.all().contains(Presets.resnetSmall()));
    }
}
