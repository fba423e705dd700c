package cnnplayground.ui.teach;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ModelInputs;
import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.Shape;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.TaggedWeights;
import cnnplayground.ui.workspace.Workspace;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * "From the network" on the workspace: the editor network's current weights (a run's newest, a loaded
 * model's, or untrained ones) and the watched sample of the training data. The weights and the picture
 * are taken on the FX thread; reading the kernel out of the weights (DJL) runs on a thread of its own.
 */
public final class WorkspacePatches implements NetworkPatch.Source {

    private final Workspace workspace;
    private final IntSupplier sample;

    /** @param sample the index of the watched sample (the Feature maps tab's) */
    public WorkspacePatches(Workspace workspace, IntSupplier sample) {
        this.workspace = workspace;
        this.sample = sample;
    }

    @Override
    public CompletableFuture<NetworkPatch> patch(int size) {
        Optional<TaggedWeights> weights = workspace.weights();
        Optional<ImageDataset> data = workspace.trainingData();
        if (weights.isEmpty()) {
            return CompletableFuture.failedFuture(new NetworkPatch.Refusal(UiText.phrase("stepper.network.noWeights")));
        }
        if (data.isEmpty()) {
            return CompletableFuture.failedFuture(new NetworkPatch.Refusal(UiText.phrase("stepper.network.noData")));
        }
        int index = Math.max(0, Math.min(sample.getAsInt(), data.get().n() - 1));
        FloatGrid picture = data.get().imageAsGrid(index);
        WeightsSnapshot snapshot = weights.get().weights();
        UiText.Phrase whose = weights.get().tag().phrase();
        CompletableFuture<NetworkPatch> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(patch(snapshot, whose, picture, index, size));
            } catch (NetworkPatch.Refusal r) {
                result.completeExceptionally(r);
            } catch (RuntimeException e) {
                result.completeExceptionally(new NetworkPatch.Refusal(
                        UiText.phrase("stepper.network.failed", String.valueOf(e.getMessage()))));
            }
        }, "stepper-network-patch");
        worker.setDaemon(true);
        worker.start();
        return result;
    }

    /**
     * The centre {@code size}×{@code size} patch of {@code picture} as the network's first Conv2D sees it
     * (resized to the input, normalised, first channel) and that layer's first kernel on the first channel.
     */
    static NetworkPatch patch(WeightsSnapshot weights, UiText.Phrase whose, FloatGrid picture, int sampleIndex,
                              int size) {
        LayerParameters conv = weights.firstConvolution()
                .orElseThrow(() -> new NetworkPatch.Refusal(UiText.phrase("stepper.network.noConvolution")));
        int[] shape = conv.weightShape();
        int k = shape[2];
        if (shape[2] != shape[3] || !ConvolutionStepperView.SIZES.contains(k)) {
            throw new NetworkPatch.Refusal(UiText.phrase("stepper.network.kernelSize", shape[2], shape[3],
                    ConvolutionStepperView.SIZES.toString()));
        }
        Shape in = weights.spec().input();
        FloatGrid seen = ModelInputs.fromPicture(picture, in.height(), in.width(), in.channels());
        Normalization norm = weights.normalization();
        int n = Math.min(size, Math.min(in.height(), in.width()));
        int top = (in.height() - n) / 2;
        int left = (in.width() - n) / 2;
        double[][] patch = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                patch[r][c] = norm.apply(seen.get(left + c, top + r, 0));
            }
        }
        double[][] kernel = new double[k][k];
        float[] w = conv.weights();
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                kernel[r][c] = w[r * k + c]; // filter 0, input channel 0
            }
        }
        Conv2dSpec spec = (Conv2dSpec) weights.spec().layers().get(conv.layerIndex());
        int stride = ConvolutionStepperView.STRIDES.contains(spec.strides().rows()) ? spec.strides().rows() : 1;
        double bias = conv.hasBias() ? conv.biasOf(0) : 0;
        UiText.Phrase caption = UiText.phrase("stepper.network.caption", conv.layerIndex() + 1, whose,
                shape[0], shape[1], number(bias), sampleIndex, top, top + n - 1, left, left + n - 1);
        return new NetworkPatch(patch, kernel, bias, stride, caption);
    }

    private static String number(double v) {
        return cnnplayground.teach.StepArithmetic.number(v);
    }
}
