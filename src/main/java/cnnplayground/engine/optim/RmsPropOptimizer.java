package cnnplayground.engine.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keras {@code RMSprop} written with NDArray operations, because DJL 0.36's PyTorch engine does
 * not implement {@code Optimizer.rmsprop()} (it throws at the first step).
 *
 * <p>Per parameter: {@code ms = rho * ms + (1 - rho) * g²}, then {@code w -= lr * g / (sqrt(ms) +
 * epsilon)}, where {@code g} is the gradient after DJL's usual rescaling, weight decay ({@code g +
 * wd * w}) and clipping. The mean square {@code ms} starts at zero, as in Keras. After the update
 * the weight's gradient is zeroed in place, as DJL's PyTorch SGD and Adam updates do, so gradients
 * do not pile up over steps when the loop updates through a {@code ParameterStore}.
 *
 * <p>Build with {@link #builder()}. Like DJL's optimizers it is used from the training thread only.
 */
public final class RmsPropOptimizer extends Optimizer {

    /** Keras' default decay of the mean square. */
    public static final float DEFAULT_RHO = 0.9f;
    /** Keras' default epsilon (DJL's own optimizers default to 1e-8). */
    public static final float DEFAULT_EPSILON = 1e-7f;
    /** Keras' default learning rate. */
    public static final float DEFAULT_LEARNING_RATE = 0.001f;

    private final ParameterTracker learningRateTracker;
    private final float rho;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> meanSquares = new ConcurrentHashMap<>();

    private RmsPropOptimizer(Builder builder) {
        super(builder);
        learningRateTracker = builder.learningRateTracker;
        rho = builder.rho;
        epsilon = builder.epsilon;
    }

    /** Returns a builder; every knob is optional with the Keras default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float learningRate = learningRateTracker.getNewValue(parameterId, updateCount(parameterId));
        float weightDecay = getWeightDecay();
        if (!Float.isFinite(learningRate) || !Float.isFinite(weightDecay)) {
            throw new IllegalStateException("learning rate " + learningRate + " or weight decay " + weightDecay
                    + " is NaN or infinite");
        }
        NDArray meanSquare = withDefaultState(meanSquares, parameterId, weight.getDevice(), k -> weight.zerosLike());
        // stopGradient() is a view sharing the weight's storage, outside autograd: the in-place
        // update must not be recorded, even when the loop updates inside a gradient collector.
        try (NDArray w = weight.stopGradient();
             NDArray g = effectiveGradient(w, grad, weightDecay);
             NDArray g2 = g.square()) {
            meanSquare.muli(rho).addi(g2.muli(1f - rho));
            try (NDArray denominator = meanSquare.sqrt().addi(epsilon);
                 NDArray step = g.div(denominator).muli(learningRate)) {
                w.subi(step);
            }
        }
        zeroGradient(weight);
    }

    private NDArray effectiveGradient(NDArray w, NDArray grad, float weightDecay) {
        NDArray g = grad.mul(rescaleGrad);
        if (clipGrad > 0) {
            try (NDArray unclipped = g) {
                g = unclipped.clip(-clipGrad, clipGrad);
            }
        }
        if (weightDecay != 0f) {
            try (NDArray decay = w.mul(weightDecay)) {
                g.addi(decay);
            }
        }
        return g;
    }

    /** What {@code PtNDArrayEx.adamUpdate} and {@code sgdUpdate} do after their update. */
    private static void zeroGradient(NDArray weight) {
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else if (weight.hasGradient()) {
            try (NDArray g = weight.getGradient()) {
                g.subi(g);
            }
        }
    }

    /** Builds a {@link RmsPropOptimizer}; all settings are optional ({@code optX}). */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private ParameterTracker learningRateTracker = Tracker.fixed(DEFAULT_LEARNING_RATE);
        private float rho = DEFAULT_RHO;
        private float epsilon = DEFAULT_EPSILON;

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /** Sets the learning rate schedule. Defaults to a fixed {@value RmsPropOptimizer#DEFAULT_LEARNING_RATE}. */
        public Builder optLearningRateTracker(ParameterTracker tracker) {
            this.learningRateTracker = tracker;
            return this;
        }

        /** Sets the decay of the mean square. Defaults to {@value RmsPropOptimizer#DEFAULT_RHO}. */
        public Builder optRho(float rho) {
            this.rho = rho;
            return this;
        }

        /** Sets the term added to the root mean square. Defaults to {@value RmsPropOptimizer#DEFAULT_EPSILON}. */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @throws IllegalArgumentException if the tracker is missing, rho is outside [0, 1) or
         *     epsilon is not positive
         */
        public RmsPropOptimizer build() {
            if (learningRateTracker == null) {
                throw new IllegalArgumentException("learningRateTracker is required; call optLearningRateTracker");
            }
            if (!(rho >= 0f && rho < 1f)) {
                throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
            }
            if (!(epsilon > 0f) || Float.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be a positive number, got " + epsilon);
            }
            return new RmsPropOptimizer(this);
        }
    }
}
