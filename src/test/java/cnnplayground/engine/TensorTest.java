package cnnplayground.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Engine tests on small tensors: a base manager opened for each test and closed after it, and forward passes in it. */
abstract class TensorTest {

    protected NDManager manager;

    @BeforeEach
    final void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    final void closeManager() {
        manager.close();
    }

    /** One forward pass of {@code x}; every output (one per layer when the block returns intermediates). */
    final NDList forwardAll(Block block, NDArray x, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), training);
    }

    /** One forward pass of {@code x} through a block with a single output. */
    final NDArray forward(Block block, NDArray x, boolean training) {
        return forwardAll(block, x, training).singletonOrThrow();
    }
}
