package cnnplayground.engine;

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
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a block's weights to and from the bytes of {@code Block.saveParameters}. DJL's loader
 * takes whatever arrays the bytes hold, so {@link #load} checks every shape against a freshly
 * initialised block and that no bytes are left over.
 */
final class ParameterLoader {

    private ParameterLoader() {}

    /** The bytes {@code block.saveParameters} writes for an initialised block. */
    static byte[] save(SequentialBlock block) {
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
    static SequentialBlock load(NetworkSpec spec, byte[] parameters, NDManager manager)
            throws MalformedModelException {
        SequentialBlock block = BlockFactory.build(spec);
        read(block, expectedShapes(spec, block, manager), parameters, manager);
        return block;
    }

    /**
     * The name and shape of every parameter of {@code block}, a fresh {@link BlockFactory#build} of
     * {@code spec}, in {@code saveParameters} order. Initialises the block in a scratch sub-manager of
     * {@code manager}, so its arrays are closed again: call {@link #read} before using it.
     */
    static List<Pair<String, Shape>> expectedShapes(NetworkSpec spec, SequentialBlock block, NDManager manager) {
        List<Pair<String, Shape>> expected = new ArrayList<>();
        try (NDManager scratch = manager.newSubManager()) {
            block.initialize(scratch, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            for (Pair<String, Parameter> p : block.getParameters()) {
                expected.add(new Pair<>(p.getKey(), p.getValue().getArray().getShape()));
            }
        }
        return List.copyOf(expected);
    }

    /**
     * Replaces every parameter array of {@code block} with one read from {@code parameters} into
     * {@code manager}, then checks each shape against {@code expected} (from {@link #expectedShapes}).
     * DJL does not close the arrays it replaces: the caller closes the manager that held them.
     * After a failure the block is half loaded; do not use it until a {@code read} succeeds.
     *
     * @throws MalformedModelException saying which parameter does not fit, or that the bytes end
     *     early or run on
     */
    static void read(SequentialBlock block, List<Pair<String, Shape>> expected, byte[] parameters, NDManager manager)
            throws MalformedModelException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
            int left = in.available();
            if (left > 0) {
                throw new MalformedModelException(left + " bytes are left over after the last parameter;"
                        + " the weights belong to a bigger network");
            }
        } catch (EOFException e) {
            throw new MalformedModelException("the weights end before the last parameter;"
                    + " they belong to a smaller network or are cut short", e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedModelException("the weights cannot be read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // DJL allocates each array by a length read from the bytes before reading its contents: a
            // corrupt length asks for more than the heap, and that one failed allocation held nothing
            throw new MalformedModelException("the weights cannot be read: a length in them is corrupt"
                    + " (it asks for more memory than there is)", e);
        }
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
