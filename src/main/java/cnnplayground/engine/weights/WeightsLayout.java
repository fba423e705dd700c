package cnnplayground.engine.weights;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a network's weights are saved as, less the numbers in them: block versions, input
 * shapes, parameter names and array headers (shape, type, data length), each at its offset.
 *
 * <p>Why: DJL's loader allocates every shape, name table and data array by a count it reads from
 * the bytes, before reading what that count covers. A corrupt count asked for gigabytes, and each
 * refused allocation first made the JVM run two full garbage collections of the whole heap: seconds
 * each in a busy program. Weights whose every byte outside the arrays' data equals this layout's
 * declare exactly the sizes the network needs, so DJL only allocates those.
 */
public final class WeightsLayout {

    /** How DJL's {@code NDSerializer} begins an array: {@code writeUTF("NDAR")}. */
    private static final byte[] ARRAY_HEADER = {0, 4, 'N', 'D', 'A', 'R'};

    private final byte[] template;
    /** Per parameter, in save order: where its data starts and ends in {@link #template}. */
    private final int[] dataStart;
    private final int[] dataEnd;
    private final List<Pair<String, Shape>> shapes;

    private WeightsLayout(byte[] template, int[] dataStart, int[] dataEnd, List<Pair<String, Shape>> shapes) {
        this.template = template;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
        this.shapes = shapes;
    }

    /** The layout of {@code block}'s weights; {@code block} must be initialised. */
    public static WeightsLayout of(SequentialBlock block) {
        List<Pair<String, Shape>> shapes = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            shapes.add(new Pair<>(p.getKey(), p.getValue().getArray().getShape()));
            data.add(p.getValue().getArray().toByteArray());
        }
        byte[] template = ParameterLoader.save(block);
        int[] starts = new int[shapes.size()];
        int[] ends = new int[shapes.size()];
        int from = 0;
        for (int i = 0; i < shapes.size(); i++) {
            // searched between data regions only, so float data cannot be mistaken for a header; the
            // data follows its length, and the header's fields before it vary with DJL's encoding version
            int header = indexOf(template, ARRAY_HEADER, from);
            int at = header < 0 ? -1 : dataAfter(template, header + ARRAY_HEADER.length, data.get(i));
            if (at < 0) {
                throw new IllegalStateException("no array for parameter " + shapes.get(i).getKey()
                        + " after byte " + from + " of the saved weights");
            }
            starts[i] = at;
            ends[i] = at + data.get(i).length;
            from = ends[i];
        }
        return new WeightsLayout(template, starts, ends, List.copyOf(shapes));
    }

    /** Every parameter's name and shape, in the order the bytes hold them. */
    List<Pair<String, Shape>> shapes() {
        return shapes;
    }

    /**
     * Refuses {@code weights} unless every byte outside the arrays' data equals this layout's and
     * the lengths match, saying where they part.
     */
    void check(byte[] weights) throws MalformedModelException {
        int from = 0;
        for (int i = 0; i <= dataStart.length; i++) {
            int to = i < dataStart.length ? dataStart[i] : template.length;
            int differs = firstDifference(weights, from, to);
            if (differs >= 0) {
                if (differs >= weights.length) {
                    throw new MalformedModelException("the weights end before the last parameter;"
                            + " they belong to a smaller network or are cut short");
                }
                if (i == shapes.size()) {
                    throw new MalformedModelException("the weights do not fit the network: byte " + differs
                            + ", after the last parameter, differs from the network's layout");
                }
                throw new MalformedModelException("parameter " + shapes.get(i).getKey() + " does not fit the"
                        + " network, which needs shape " + shapes.get(i).getValue() + ": byte " + differs
                        + " before its data differs; the weights belong to another network or are corrupt");
            }
            if (i < dataStart.length) {
                from = dataEnd[i];
            }
        }
        if (weights.length < template.length) {
            throw new MalformedModelException("the weights end before the last parameter;"
                    + " they belong to a smaller network or are cut short");
        }
        if (weights.length > template.length) {
            throw new MalformedModelException((weights.length - template.length) + " bytes are left over after"
                    + " the last parameter; the weights belong to a bigger network");
        }
    }

    /** The first offset in [from, to) where {@code weights} differs from the template or has ended; -1 if none. */
    private int firstDifference(byte[] weights, int from, int to) {
        for (int at = from; at < to; at++) {
            if (at >= weights.length || weights[at] != template[at]) {
                return at;
            }
        }
        return -1;
    }

    /** Where {@code data} starts after {@code from}, just behind its length as a big-endian int; -1 if nowhere. */
    private static int dataAfter(byte[] bytes, int from, byte[] data) {
        for (int at = from; at + 4 + data.length <= bytes.length; at++) {
            if (ByteBuffer.wrap(bytes, at, 4).getInt() == data.length
                    && java.util.Arrays.equals(bytes, at + 4, at + 4 + data.length, data, 0, data.length)) {
                return at + 4;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
