package cnnplayground.ui.stage;

import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.engine.ModelProbe.ProbeDetails;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import cnnplayground.teach.ArithmeticStep;
import cnnplayground.teach.UnitArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * "How was this number computed?" for any unit of a probed network: the steps {@link UnitArithmetic} works
 * out from the probe's own numbers (the layer before's values, the layer's weights at that moment). Plain
 * Java, no JavaFX: a click computes a few hundred products.
 *
 * <p>The layer that the probe turns into probabilities ({@link ProbeDetails#logitsLayer()}, the output)
 * explains in two steps: its weighted sum, ending with the logit, then the softmax over every class's logit,
 * each logit recomputed from the weights; with a known true class the softmax step adds the cross-entropy.
 */
public final class StageArithmetic {

    private final NetworkAnalysis analysis;
    private final ProbeResult probe;
    private final Optional<ProbeDetails> details;

    /**
     * @throws IllegalArgumentException if the probe's layers are not the analysed network's
     */
    public StageArithmetic(NetworkAnalysis analysis, ProbeResult probe) {
        if (probe.activations().size() != analysis.layers().size()) {
            throw new IllegalArgumentException("the probe has " + probe.activations().size() + " layers but network \""
                    + analysis.network().name() + "\" has " + analysis.layers().size());
        }
        this.analysis = analysis;
        this.probe = probe;
        this.details = probe.details();
    }

    /** The value the probe gave {@code unit}: what the stage draws (a probability on the output). */
    public float shownValue(StageUnit unit) {
        return unit.valueIn(probe.activations().get(unit.layer()).values(), isFlat(unit.layer()));
    }

    /**
     * The steps that give {@code unit} its value; the last step's value is {@link #shownValue} to float
     * precision. {@code trueClass}, when known, adds the cross-entropy to an output unit's softmax.
     */
    public List<ArithmeticStep> explain(StageUnit unit, OptionalInt trueClass) {
        LayerSummary layer = analysis.layers().get(unit.layer());
        Optional<float[]> before = inputOf(unit.layer());
        if (before.isEmpty()) {
            return List.of(new ArithmeticStep.Unexplained(ArithmeticStep.Reason.NO_WEIGHTS, shownValue(unit)));
        }
        float[] input = before.get();
        Shape in = layer.inputShape().orElseThrow();
        LayerSpec spec = layer.spec();
        // a binary head's one unit is worked out as any sigmoid unit: its value is p itself
        boolean logits = details.map(d -> d.logitsLayer() == unit.layer()).orElse(false)
                && !analysis.network().isBinaryHead();
        // no default: a new layer kind does not compile until it says how its units are worked out
        return switch (spec.kind()) {
            case CONV_2D -> withParameters(unit, p -> {
                Conv2dSpec conv = (Conv2dSpec) spec;
                float[] kernels = p.weights();
                float[] bias = p.bias();
                ArithmeticStep.Convolution step = UnitArithmetic.convolution(conv, in, input, kernels, bias,
                        unit.channel(), unit.row(), unit.col());
                if (conv.activation() != Activation.SOFTMAX) {
                    return List.of(step);
                }
                double[] all = new double[conv.filters()];
                for (int f = 0; f < all.length; f++) {
                    all[f] = UnitArithmetic.convolution(conv, in, input, kernels, bias, f, unit.row(), unit.col())
                            .value();
                }
                return List.of(step, UnitArithmetic.softmax(all, unit.channel(), OptionalInt.empty()));
            });
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> List.of(UnitArithmetic.pooling((Pooling2dSpec) spec, in, input,
                    unit.channel(), unit.row(), unit.col()));
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D -> List.of(UnitArithmetic.globalPooling(
                    ((GlobalPooling2dSpec) spec).mode(), in, input, unit.channel()));
            case FLATTEN -> {
                int[] at = ProbeDetails.flattenedPosition(in, unit.channel());
                yield List.of(new ArithmeticStep.Copied(ArithmeticStep.Source.FLATTEN, at[0], at[1], at[2],
                        input[(at[1] * in.width() + at[2]) * in.channels() + at[0]]));
            }
            case DENSE -> withParameters(unit, p -> {
                DenseSpec dense = (DenseSpec) spec;
                float[] weights = p.weights();
                float[] bias = p.bias();
                ArithmeticStep.WeightedSum step = UnitArithmetic.weightedSum(input, weights, bias, p.outputs(),
                        unit.channel(), logits ? Activation.LINEAR : dense.activation());
                if (!logits && dense.activation() != Activation.SOFTMAX) {
                    return List.of(step);
                }
                double[] all = new double[p.outputs()];
                for (int u = 0; u < all.length; u++) {
                    all[u] = UnitArithmetic.weightedSum(input, weights, bias, p.outputs(), u, Activation.LINEAR)
                            .value();
                }
                return List.of(step, UnitArithmetic.softmax(all, unit.channel(),
                        logits ? trueClass : OptionalInt.empty()));
            });
            case DROPOUT -> List.of(new ArithmeticStep.Copied(ArithmeticStep.Source.DROPOUT, unit.channel(),
                    unit.row(), unit.col(), valueAt(input, in, unit)));
            case ACTIVATION -> activation(((ActivationSpec) spec).activation(), in, input, unit, logits, trueClass);
            case BATCH_NORMALIZATION -> List.of(new ArithmeticStep.Unexplained(
                    ArithmeticStep.Reason.BATCH_NORMALIZATION, shownValue(unit)));
            case RESIDUAL_BLOCK -> List.of(new ArithmeticStep.Unexplained(ArithmeticStep.Reason.RESIDUAL_BLOCK,
                    shownValue(unit)));
        };
    }

    /**
     * The previous layer's values as the layer read them: the normalised input for the first layer (only a
     * probe with details has it), else the layer before's activation. Before the output the probe's
     * activations are what the network passed on; after a final softmax they are probabilities, which only a
     * Dropout (off when predicting) can follow.
     */
    private Optional<float[]> inputOf(int layer) {
        if (layer == 0) {
            return details.map(d -> d.networkInput().values());
        }
        return Optional.of(probe.activations().get(layer - 1).values().values());
    }

    private List<ArithmeticStep> withParameters(StageUnit unit, WeightedLayer explain) {
        if (details.isEmpty()) {
            return List.of(new ArithmeticStep.Unexplained(ArithmeticStep.Reason.NO_WEIGHTS, shownValue(unit)));
        }
        Optional<LayerParameters> parameters = details.get().parametersOf(unit.layer());
        if (parameters.isEmpty()) {
            return List.of(new ArithmeticStep.Unexplained(ArithmeticStep.Reason.TOO_MANY_WEIGHTS, shownValue(unit)));
        }
        return explain.steps(parameters.get());
    }

    private List<ArithmeticStep> activation(Activation f, Shape in, float[] input, StageUnit unit, boolean logits,
                                            OptionalInt trueClass) {
        double x = valueAt(input, in, unit);
        if (f != Activation.SOFTMAX && !logits) {
            return List.of(new ArithmeticStep.Activated(f, x, UnitArithmetic.apply(f, x)));
        }
        // a softmax runs over the channels at one position, or over all units of a flat layer
        int n = in.channels();
        double[] all = new double[n];
        for (int k = 0; k < n; k++) {
            StageUnit other = new StageUnit(unit.layer(), k, unit.row(), unit.col());
            double v = valueAt(input, in, other);
            all[k] = f == Activation.SOFTMAX ? v : UnitArithmetic.apply(f, v);
        }
        List<ArithmeticStep> steps = new ArrayList<>();
        if (f != Activation.SOFTMAX) {
            steps.add(new ArithmeticStep.Activated(f, x, all[unit.channel()]));
        }
        steps.add(UnitArithmetic.softmax(all, unit.channel(), logits ? trueClass : OptionalInt.empty()));
        return List.copyOf(steps);
    }

    /** The same position in a layer's input, for layers that keep the shape. */
    private static double valueAt(float[] input, Shape in, StageUnit unit) {
        return in.isSpatial() ? input[(unit.row() * in.width() + unit.col()) * in.channels() + unit.channel()]
                : input[unit.channel()];
    }

    private boolean isFlat(int layer) {
        return !analysis.layers().get(layer).outputShape().orElseThrow().isSpatial();
    }

    /** The steps of a layer with weights, once its weights are found. */
    @FunctionalInterface
    private interface WeightedLayer {
        List<ArithmeticStep> steps(LayerParameters parameters);
    }
}
