package cnnplayground.engine.weights;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import cnnplayground.spec.NetworkSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import cnnplayground.engine.blocks.BlockFactory;

/**
 * Moves a block's weights to and from the bytes of {@code Block.saveParameters}. DJL's loader
 * takes whatever arrays the bytes hold, so {@link #load} checks every shape against a freshly
 * initialised block and that no bytes are left over.
 */
public final class ParameterLoader {

    private ParameterLoader() {}

    /** The bytes {@code block.saveParameters} writes for an initialised block. */
    public static byte[] save(SequentialBlock block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Builds {@code spec}'s block with its parameters in {@code manager}, read from {@code parameters}.
     *
     * @throws MalformedModelException saying which parameter does not fit, or that the bytes end
     *     early or run on
     */
    public static SequentialBlock load(NetworkSpec spec, byte[] parameters, NDManager manager)
            throws MalformedModelException {
        SequentialBlock block = BlockFactory.build(spec);
        read(block, layout(spec, block, manager), parameters, manager);
        return block;
    }

    /**
     * The layout of the weights of {@code block}, a fresh {@link BlockFactory#build} of {@code spec}.
     * Initialises the block in a scratch sub-manager of {@code manager}, so its arrays are closed
     * again: call {@link #read} before using it.
     */
    public static WeightsLayout layout(NetworkSpec spec, SequentialBlock block, NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            block.initialize(scratch, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            return WeightsLayout.of(block);
        }
    }

    /**
     * Replaces every parameter array of {@code block} with one read from {@code parameters} into
     * {@code manager}, once the bytes are checked against {@code layout} (from {@link #layout} or
     * {@link WeightsLayout#of}). DJL does not close the arrays it replaces: the caller closes the
     * manager that held them. After a failure the block may be half loaded; do not use it until a
     * {@code read} succeeds.
     *
     * @throws MalformedModelException saying which parameter does not fit, or that the bytes end
     *     early or run on
     */
    public static void read(SequentialBlock block, WeightsLayout layout, byte[] parameters, NDManager manager)
            throws MalformedModelException {
        layout.check(parameters);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException | RuntimeException e) {
            throw new MalformedModelException("the weights cannot be read: " + e.getMessage(), e);
        }
        List<Pair<String, Shape>> expected = layout.shapes();
        List<Pair<String, Parameter>> loaded = block.getParameters().stream().toList();
        for (int i = 0; i < expected.size(); i++) {
            Shape want = expected.get(i).getValue();
            Shape got = loaded.get(i).getValue().getArray().getShape();
            if (!want.equals(got)) {
                throw new MalformedModelException("parameter " + expected.get(i).getKey() + " has shape " + got
                        + " but the network needs " + want);
            }
        }
    }
}
