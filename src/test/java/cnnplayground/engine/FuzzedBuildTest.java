package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.FuzzedStacks;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Size2;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import cnnplayground.engine.blocks.BlockFactory;

/**
 * The valid stacks of {@link FuzzedStacks} (the stacks {@code FuzzedStackTest} validates) build in
 * DJL and a forward pass of a batch of zeros gives every layer the shape the spec inferred.
 */
class FuzzedBuildTest extends TensorTest {

    private static final int BATCH = 2;
    /**
     * Networks the playground would take minutes or gigabytes to build are skipped here: absurd
     * filter counts and kernels are valid specs, and refusing huge networks is a separate
     * requirement. Limits are per example.
     */
    private static final long MAX_PARAMS = 2_000_000;
    private static final long MAX_VALUES = 2_000_000;
    private static final long MAX_MULTIPLY_ADDS = 50_000_000;
    private static final int ENOUGH = 100;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void every_valid_random_stack_builds_and_runs_with_the_inferred_shapes() {
        Random random = new Random(FuzzedStacks.SEED);
        int built = 0;
        int tooBig = 0;
        int invalid = 0;
        for (int id = 0; id < FuzzedStacks.STACKS; id++) {
            NetworkSpec spec = FuzzedStacks.next(random, id).spec();
            NetworkAnalysis analysis = spec.analyze();
            if (!analysis.isValid()) {
                invalid++;
            } else if (isTooBig(analysis)) {
                tooBig++;
            } else {
                buildAndRun(spec, analysis);
                built++;
            }
        }
        System.out.printf("FuzzedBuildTest: %d built and run, %d valid but skipped as too big, %d invalid%n",
                built, tooBig, invalid);
        assertEquals(FuzzedStacks.STACKS, built + tooBig + invalid);
        assertTrue(built >= ENOUGH, "stacks built: " + built);
    }

    private void buildAndRun(NetworkSpec spec, NetworkAnalysis analysis) {
        try (NDManager scratch = manager.newSubManager()) {
            SequentialBlock net = BlockFactory.build(spec);
            Shape input = BlockFactory.inputShape(spec, BATCH);
            net.initialize(scratch, DataType.FLOAT32, input);
            ForwardShapes.assertForwardShapes(net, spec, analysis, scratch, scratch.zeros(input));
        } catch (RuntimeException e) {
            throw new AssertionError(spec + ": building or running it threw " + e, e);
        }
    }

    private static boolean isTooBig(NetworkAnalysis analysis) {
        if (analysis.totalParams().total() > MAX_PARAMS) {
            return true;
        }
        long values = 0;
        long multiplyAdds = 0;
        for (LayerSummary layer : analysis.layers()) {
            cnnplayground.spec.Shape in = layer.inputShape().orElseThrow();
            cnnplayground.spec.Shape out = layer.outputShape().orElseThrow();
            values += out.size();
            Size2 window = layer.spec() instanceof Conv2dSpec c ? c.kernelSize()
                    : layer.spec() instanceof Pooling2dSpec p ? p.poolSize() : null;
            if (window != null) {
                // 'same' pads the input by up to the window, so a 1000×1000 kernel makes a huge padded map
                values += (long) (in.height() + window.rows()) * (in.width() + window.cols()) * in.channels();
                multiplyAdds += out.size() * window.rows() * window.cols()
                        * (layer.spec() instanceof Conv2dSpec ? in.channels() : 1);
            }
        }
        return values > MAX_VALUES || multiplyAdds > MAX_MULTIPLY_ADDS;
    }
}
