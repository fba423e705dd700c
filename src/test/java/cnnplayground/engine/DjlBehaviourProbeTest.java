package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase-1 probes of DJL 0.36 behaviour the engine relies on, kept as regression tests. */
class DjlBehaviourProbeTest extends TensorTest {

    @Test
    void sequential_children_report_each_layer_output_shape() {
        SequentialBlock net = LeNetFixture.build();
        Shape in = new Shape(1, 1, 28, 28);
        net.initialize(manager, DataType.FLOAT32, in);

        List<Shape> shapes = new ArrayList<>();
        Shape[] current = {in};
        for (Pair<String, Block> child : net.getChildren()) {
            current = child.getValue().getOutputShapes(current);
            shapes.add(current[0]);
        }
        assertEquals(
                List.of(
                        new Shape(1, 6, 28, 28), new Shape(1, 6, 14, 14),
                        new Shape(1, 16, 10, 10), new Shape(1, 16, 5, 5),
                        new Shape(1, 400), new Shape(1, 120), new Shape(1, 84), new Shape(1, 10)),
                shapes);
        // the same via setReturnIntermediate on a real forward
        net.setReturnIntermediate(true);
        NDList all = forwardAll(net, manager.zeros(in), false);
        assertEquals(8, all.size());
        assertEquals(new Shape(1, 16, 5, 5), all.get(3).getShape());
        assertEquals(61_706, net.getParameters().stream()
                .mapToLong(p -> p.getValue().getArray().size()).sum(), "Keras LeNet-5 param count");
    }

    @Test
    void parameters_round_trip_through_a_data_stream() throws Exception {
        SequentialBlock original = LeNetFixture.build();
        Shape in = new Shape(2, 1, 28, 28);
        original.initialize(manager, DataType.FLOAT32, in);
        NDArray x = manager.randomUniform(0, 1, in);
        float[] expected = forward(original, x, false).toFloatArray();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.saveParameters(new DataOutputStream(bytes));

        SequentialBlock restored = LeNetFixture.build(); // same structure, fresh weights
        restored.initialize(manager, DataType.FLOAT32, in);
        assertFalse(java.util.Arrays.equals(expected, forward(restored, x, false).toFloatArray()));
        restored.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(expected, forward(restored, x, false).toFloatArray());
    }

    @Test
    void softmax_cross_entropy_takes_logits_by_default() {
        NDArray logits = manager.create(new float[] {2f, 0f, -1f}, new Shape(1, 3));
        NDArray label = manager.create(new float[] {0f}, new Shape(1));
        float loss = Loss.softmaxCrossEntropyLoss()
                .evaluate(new NDList(label), new NDList(logits)).getFloat();
        double expected = -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(0) + Math.exp(-1)));
        assertEquals(expected, loss, 1e-6);
        // predictions: softmax of the logits
        float[] p = logits.softmax(-1).toFloatArray();
        assertEquals(1f, p[0] + p[1] + p[2], 1e-6f);
    }

    @Test
    void batch_norm_running_stats_are_parameters_without_gradient() {
        Block bn = BatchNorm.builder().build(); // axis 1 = channels of NCHW
        Shape in = new Shape(4, 3, 5, 5);
        bn.initialize(manager, DataType.FLOAT32, in);
        List<String> found = new ArrayList<>();
        for (Pair<String, Parameter> p : bn.getParameters()) {
            Parameter param = p.getValue();
            found.add(p.getKey() + ":" + param.getType() + ":" + param.getArray().getShape()
                    + ":grad=" + param.requiresGradient());
        }
        assertEquals(
                List.of(
                        "gamma:GAMMA:(3):grad=true", "beta:BETA:(3):grad=true",
                        "runningMean:RUNNING_MEAN:(3):grad=false",
                        "runningVar:RUNNING_VAR:(3):grad=false"),
                found);
        // training forward moves the running mean; inference forward does not
        NDArray runningMean = bn.getParameters().get("runningMean").getArray();
        NDArray x = manager.ones(in).mul(5);
        forward(bn, x, false);
        assertEquals(0f, runningMean.getFloat(0));
        forward(bn, x, true);
        assertEquals(0.5f, runningMean.getFloat(0), 1e-6f, "DJL momentum 0.9: 0.9*0 + 0.1*5");
    }

    @Test
    void dropout_is_active_only_in_training_forward() {
        Block dropout = Dropout.builder().optRate(0.5f).build();
        Shape in = new Shape(1, 1000);
        dropout.initialize(manager, DataType.FLOAT32, in);
        NDArray x = manager.ones(in);
        assertArrayEquals(x.toFloatArray(), forward(dropout, x, false).toFloatArray());
        float[] trained = forward(dropout, x, true).toFloatArray();
        long zeros = 0;
        for (float v : trained) {
            zeros += v == 0f ? 1 : 0;
            assertTrue(v == 0f || v == 2f, "inverted dropout scales kept values by 1/(1-rate)");
        }
        assertTrue(zeros > 350 && zeros < 650, "about half dropped, got " + zeros);
    }

    @Test
    void each_optimizer_trains_and_step_clears_gradients() {
        List<Optimizer> optimizers =
                List.of(
                        Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optMomentum(0.9f).build(),
                        Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
        for (Optimizer optimizer : optimizers) {
            try (Model model = Model.newInstance("probe")) {
                model.setBlock(twoLayer());
                try (Trainer trainer =
                        model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                                .optOptimizer(optimizer))) {
                    trainer.initialize(new Shape(4, 3));
                    Parameter weight = model.getBlock().getParameters().get("01Linear_weight");
                    float[] before = weight.getArray().toFloatArray();
                    NDArray x = trainer.getManager().randomUniform(0, 1, new Shape(4, 3));
                    NDArray y = trainer.getManager().create(new float[] {0, 1, 0, 1});
                    float loss;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray l = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    trainer.step();
                    String name = optimizer.getClass().getSimpleName();
                    assertFalse(Float.isNaN(loss), name);
                    assertFalse(java.util.Arrays.equals(before, weight.getArray().toFloatArray()), name);
                    assertEquals(0f, weight.getArray().getGradient().abs().sum().getFloat(), name
                            + ": PyTorch optimizer update zeroes the gradient");
                }
            }
        }
    }

    @Test
    void rmsprop_is_not_implemented_by_the_pytorch_engine() {
        try (Model model = Model.newInstance("probe")) {
            model.setBlock(twoLayer());
            Optimizer rmsprop = Optimizer.rmsprop().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(rmsprop))) {
                trainer.initialize(new Shape(4, 3));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray y = trainer.getManager().create(new float[] {0, 1, 0, 1});
                    NDList out = trainer.forward(new NDList(trainer.getManager().randomUniform(0, 1, new Shape(4, 3))));
                    gc.backward(trainer.getLoss().evaluate(new NDList(y), out));
                }
                // PtNDArrayEx.rmspropUpdate (also nagUpdate, adagradUpdate) throws in DJL 0.36
                assertThrows(UnsupportedOperationException.class, trainer::step);
            }
        }
    }

    @Test
    void trainer_first_step_check_sums_signed_gradients() {
        // A single Dense softmax layer: per sample, the gradient rows of W and b sum to zero over
        // the classes (softmax minus one-hot), so DJL's first-step "all zeros" check may fire.
        try (Model model = Model.newInstance("probe")) {
            model.setBlock(Linear.builder().setUnits(2).build());
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build();
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(sgd))) {
                trainer.initialize(new Shape(4, 3));
                float gradientSum;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray y = trainer.getManager().create(new float[] {0, 1, 0, 1});
                    NDList out = trainer.forward(new NDList(trainer.getManager().randomUniform(0, 1, new Shape(4, 3))));
                    gc.backward(trainer.getLoss().evaluate(new NDList(y), out));
                }
                gradientSum = 0;
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    gradientSum += p.getValue().getArray().getGradient().sum().getFloat();
                }
                System.out.println("PROBE single-dense signed gradient sum = " + gradientSum);
                assertEquals(0f, gradientSum, 1e-6f);
            }
        }
    }

    @Test
    void nan_loss_is_visible_with_one_get_float() {
        NDArray logits = manager.create(new float[] {Float.NaN, 0f}, new Shape(1, 2));
        NDArray label = manager.create(new float[] {0f}, new Shape(1));
        float loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(label), new NDList(logits)).getFloat();
        assertFalse(Float.isFinite(loss));
    }

    /** Dense 4 relu, Dense 2: hidden gradients do not cancel, unlike a single softmax layer. */
    private static Block twoLayer() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(ai.djl.nn.Activation::relu)
                .add(Linear.builder().setUnits(2).build());
    }
}
