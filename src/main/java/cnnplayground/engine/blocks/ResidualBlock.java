package cnnplayground.engine.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * The join of a residual block: {@code main(x) + shortcut(x)}. Both paths see the same input and
 * must give the same shape; the activation after the sum is the layer's next block (see {@link
 * BlockFactory}). Its parameters are its two children's, saved main path first.
 */
public final class ResidualBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block main;
    private final Block shortcut;

    /**
     * @param main     the two convolutions
     * @param shortcut the identity, or the 1×1 projection when channels or size change
     */
    ResidualBlock(Block main, Block shortcut) {
        super(VERSION);
        this.main = addChildBlock("main", main);
        this.shortcut = addChildBlock("shortcut", shortcut);
    }

    Block main() {
        return main;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray y = main.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray s = shortcut.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(y.add(s));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
    }

    /** The main path's output shape, which the shortcut's must equal for the sum. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = main.getOutputShapes(inputShapes);
        Shape[] other = shortcut.getOutputShapes(inputShapes);
        if (!Arrays.equals(out, other)) {
            throw new IllegalArgumentException("the residual paths disagree: main gives " + Arrays.toString(out)
                    + ", the shortcut " + Arrays.toString(other));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Residual(main=" + main + ", shortcut=" + shortcut + ")";
    }
}
