package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;

/** Checks a built network against its spec: a forward pass gives every layer the inferred shape. */
public final class ForwardShapes {

    private ForwardShapes() {}

    /**
     * Runs {@code x} through {@code net} (initialised, one child per layer) returning every layer's
     * output, and asserts each equals the shape {@code analysis} inferred for that layer.
     */
    public static void assertForwardShapes(SequentialBlock net, NetworkSpec spec, NetworkAnalysis analysis,
                                    NDManager scratch, NDArray x) {
        long batch = x.getShape().get(0);
        net.setReturnIntermediate(true);
        NDList outputs = net.forward(new ParameterStore(scratch, false), new NDList(x), false);
        assertEquals(spec.layers().size(), outputs.size(), spec.name() + ": one output per layer");
        for (LayerSummary layer : analysis.layers()) {
            assertEquals(toDjl(layer.outputShape().orElseThrow(), batch), outputs.get(layer.index()).getShape(),
                    spec.name() + " layer " + (layer.index() + 1) + " (" + layer.spec().label() + ") on "
                            + layer.inputShape().orElseThrow() + ": forward shape");
        }
        assertEquals(new Shape(batch, analysis.outputShape().orElseThrow().channels()),
                outputs.get(outputs.size() - 1).getShape(), spec.name() + ": final output");
    }

    /** Keras H×W×C (or units) as DJL (N, C, H, W) (or (N, units)). */
    public static Shape toDjl(cnnplayground.spec.Shape shape, long batch) {
        return shape.isSpatial()
                ? new Shape(batch, shape.channels(), shape.height(), shape.width())
                : new Shape(batch, shape.channels());
    }
}
