package cnnplayground.engine.weights;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands a block float64 copies of its parameters, made in {@code manager} on first use, so that a float32
 * network runs in double precision without being rebuilt.
 *
 * <p>Why: libtorch sends float32 convolutions to oneDNN, whose gradient with respect to a convolution's
 * input reads vector lanes it never wrote whenever the layer's filter count is not a multiple of the CPU's
 * block (16 with AVX-512, 8 with AVX2). Whatever the memory held there is multiplied by zero, and a NaN
 * left by earlier work (an image buffer, say) turns the whole gradient into NaN. Double precision takes
 * libtorch's own convolution, which reads only what it wrote (docs/ARCHITECTURE.md, "CAM and saliency").
 */
public final class DoublePrecisionStore extends ParameterStore {

    private final NDManager manager;
    private final Map<String, NDArray> copies = new HashMap<>();

    public DoublePrecisionStore(NDManager manager) {
        super(manager, false);
        this.manager = manager;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return super.getValue(null, device, training);
        }
        return copies.computeIfAbsent(parameter.getId(), id -> {
            NDArray copy = parameter.getArray().toType(DataType.FLOAT64, true);
            copy.attach(manager);
            return copy;
        });
    }
}
