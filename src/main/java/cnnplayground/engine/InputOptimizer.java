package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "What did the CNN learn?": pictures found by gradient steps on the input of a copy of some weights —
 * what each filter of a layer looks for, what a class's score likes best, and a drawing nudged until the
 * network calls it another class. Each search rebuilds the network from its {@link WeightsSnapshot} in its
 * own manager on one daemon thread, {@value #THREAD_NAME} (ending after a few idle seconds), closes it
 * after, and completes its future there. Gradients are taken in float64 ({@link InputGradients}).
 *
 * <p>One search at a time: a new one cancels the one before, and {@link #cancel} cancels it outright. A
 * cancelled future completes at once with a {@link java.util.concurrent.CancellationException}; its search
 * stops before its next step.
 */
public final class InputOptimizer {

    static final String THREAD_NAME = "input-optimizer";
    /** Ascent steps of a filter picture (every channel of the layer climbs at once). */
    public static final int FILTER_STEPS = 80;
    /** Ascent steps of a class picture (the plain and the regularised one climb together). */
    public static final int CLASS_STEPS = 100;
    /** The probability fooling stops at. */
    public static final double TARGET_PROBABILITY = 0.99;
    /** Fooling's step: every pixel moves this much (0..1 scale) up or down the gradient's sign. */
    public static final double FOOLING_EPSILON = 0.005;
    /** Fooling never moves a pixel further than this from the drawing. */
    public static final double FOOLING_BUDGET = 0.3;
    /** Fooling gives up after this many steps. */
    public static final int FOOLING_STEPS = 200;
    /** At most this many channels of a layer get a picture (LeNet-5 has 6 and 16; VGG small 64). */
    public static final int MAX_CHANNELS = 64;
    private static final long IDLE_SECONDS = 5;

    /** Told the steps done and the steps there are, on the optimizer's thread, before each step and at the end. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void stepped(int done, int total);
    }

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), work -> {
                Thread t = new Thread(work, THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
    private final AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();

    /**
     * For each channel of the Conv2D layer {@code layer} (at most {@link #MAX_CHANNELS}), the input that
     * makes its mean response largest. Fails with {@link IllegalArgumentException} when {@code layer} is
     * not a Conv2D of the weights' network.
     */
    public CompletableFuture<FilterVisualisation> visualiseFilters(WeightsSnapshot weights, int layer,
                                                                   Progress progress) {
        NetworkSpec spec = weights.spec();
        NetworkAnalysis analysis = spec.analyze();
        if (layer < 0 || layer >= spec.layers().size() || spec.layers().get(layer).kind() != LayerKind.CONV_2D
                || !analysis.isValid()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("layer " + layer + " of network \""
                    + spec.name() + "\" is not a Conv2D layer; choose one of its convolutions"));
        }
        int channels = Math.min(MAX_CHANNELS, analysis.layers().get(layer).outputShape().orElseThrow().channels());
        return submit(weights, progress, (net, steps) -> Ascent.filters(net, layer, channels, FILTER_STEPS, steps));
    }

    /**
     * The input that makes class {@code classIndex}'s logit largest, without and with regularisation. Fails
     * with {@link IllegalArgumentException} for a class the network does not have.
     */
    public CompletableFuture<ClassVisualisation> visualiseClass(WeightsSnapshot weights, int classIndex,
                                                                Progress progress) {
        IllegalArgumentException misfit = checkClass(weights, classIndex);
        if (misfit != null) {
            return CompletableFuture.failedFuture(misfit);
        }
        return submit(weights, progress, (net, steps) -> Ascent.classScore(net, classIndex, CLASS_STEPS, steps));
    }

    /**
     * {@code picture} (0..1, the network's input size) nudged by sign-gradient steps of
     * {@link #FOOLING_EPSILON} until the network gives {@code target} at least {@link #TARGET_PROBABILITY},
     * or {@link #FOOLING_STEPS} steps were taken ({@link FoolingResult#reached} tells which).
     */
    public CompletableFuture<FoolingResult> fool(WeightsSnapshot weights, FloatGrid picture, int target,
                                                 Progress progress) {
        IllegalArgumentException misfit = checkClass(weights, target);
        cnnplayground.spec.Shape in = weights.spec().input();
        if (misfit == null && (picture == null || picture.height() != in.height() || picture.width() != in.width()
                || picture.channels() != in.channels())) {
            misfit = new IllegalArgumentException("network \"" + weights.spec().name() + "\" takes " + in
                    + " inputs but the picture is " + (picture == null ? "missing"
                    : picture.height() + "×" + picture.width() + "×" + picture.channels())
                    + "; convert it first with ModelInputs.fromCanvas");
        }
        if (misfit != null) {
            return CompletableFuture.failedFuture(misfit);
        }
        return submit(weights, progress, (net, steps) -> Ascent.fool(net, picture, target, FOOLING_EPSILON,
                FOOLING_BUDGET, FOOLING_STEPS, steps));
    }

    /** Cancels the search going or waiting, if any. */
    public void cancel() {
        CompletableFuture<?> going = current.get();
        if (going != null) {
            going.cancel(false);
        }
    }

    private static IllegalArgumentException checkClass(WeightsSnapshot weights, int classIndex) {
        NetworkSpec spec = weights.spec();
        if (!spec.analyze().isValid()) {
            return new IllegalArgumentException("network \"" + spec.name() + "\" is not valid; fix it first");
        }
        int classes = spec.outputClasses();
        if (classIndex < 0 || classIndex >= classes) {
            return new IllegalArgumentException("class " + classIndex + " does not exist; network \"" + spec.name()
                    + "\" has classes 0 to " + (classes - 1));
        }
        return null;
    }

    /** A search on a network rebuilt from the weights. */
    private interface Search<T> {
        T run(InputGradients net, Ascent.Steps steps);
    }

    private <T> CompletableFuture<T> submit(WeightsSnapshot weights, Progress progress, Search<T> search) {
        CompletableFuture<T> future = new CompletableFuture<>();
        CompletableFuture<?> before = current.getAndSet(future);
        if (before != null) {
            before.cancel(false);
        }
        Ascent.Steps steps = new Ascent.Steps(progress == null ? Progress.NONE : progress, future::isDone);
        thread.execute(() -> {
            if (future.isDone()) {
                return; // cancelled while it waited
            }
            try (InputGradients net = new InputGradients(weights)) {
                future.complete(search.run(net, steps));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e); // nothing when it was cancelled
            } finally {
                current.compareAndSet(future, null);
            }
        });
        return future;
    }

    /**
     * The input that makes one class's score (its logit) largest, found by gradient ascent from the same faint
     * noise twice: without regularisation (it climbs through noise-like patterns, as Nguyen et al. 2014 show)
     * and with it (L2 decay towards black and a blur every few steps), which keeps the strokes the class needs.
     *
     * @param startLogit the class's logit for the starting noise
     */
    public record ClassVisualisation(int classIndex, FloatGrid plain, FloatGrid regularised, double startLogit,
                                     double plainLogit, double regularisedLogit) {

        /** The total variation of a picture (neighbour differences summed): large for noise, small for strokes. */
        public static double totalVariation(FloatGrid picture) {
            return Pixels.totalVariation(picture);
        }
    }

    /**
     * For each channel of one convolution layer, the input that makes the channel's mean response largest,
     * found by gradient ascent from faint noise (Simonyan et al. 2013 do this for classes; here for filters).
     *
     * @param layerIndex     the convolution's index in the network
     * @param pictures       one input-sized 0..1 picture per channel, in channel order
     * @param startResponses each channel's mean response (before its activation) to the starting noise
     * @param endResponses   the same for its picture
     */
    public record FilterVisualisation(int layerIndex, List<FloatGrid> pictures, double[] startResponses,
                                      double[] endResponses) {

        public FilterVisualisation {
            pictures = List.copyOf(pictures);
            startResponses = startResponses.clone();
            endResponses = endResponses.clone();
            if (startResponses.length != pictures.size() || endResponses.length != pictures.size()) {
                throw new IllegalArgumentException(pictures.size() + " pictures need as many responses, got "
                        + startResponses.length + " and " + endResponses.length);
            }
        }

        @Override
        public double[] startResponses() {
            return startResponses.clone();
        }

        @Override
        public double[] endResponses() {
            return endResponses.clone();
        }
    }

    /**
     * A picture nudged by small gradient steps until the network says {@code target}: the original, the fooled
     * picture and the class probabilities for both.
     *
     * @param steps the gradient steps taken
     */
    public record FoolingResult(FloatGrid original, FloatGrid fooled, int target, float[] before, float[] after,
                                int steps) {

        public FoolingResult {
            if (original.size() != fooled.size()) {
                throw new IllegalArgumentException("the fooled picture has " + fooled.size() + " values, the original "
                        + original.size());
            }
            before = before.clone();
            after = after.clone();
        }

        @Override
        public float[] before() {
            return before.clone();
        }

        @Override
        public float[] after() {
            return after.clone();
        }

        /** The class the network gave the original picture. */
        public int originalClass() {
            return Explainer.argmax(before);
        }

        /** The class the network gives the fooled picture. */
        public int fooledClass() {
            return Explainer.argmax(after);
        }

        /** True when the network gives the target at least {@link InputOptimizer#TARGET_PROBABILITY}. */
        public boolean reached() {
            return after[target] >= InputOptimizer.TARGET_PROBABILITY;
        }

        /** Fooled minus original, pixel by pixel: what was added. */
        public FloatGrid difference() {
            float[] a = original.values();
            float[] b = fooled.values();
            for (int i = 0; i < a.length; i++) {
                a[i] = b[i] - a[i];
            }
            return FloatGrid.of(original.height(), original.width(), original.channels(), a);
        }

        /** The largest change of any pixel, max |Δ| (pixels are 0..1). */
        public double maxChange() {
            FloatGrid d = difference();
            return Math.max(Math.abs(d.min()), Math.abs(d.max()));
        }

        /** The size of the whole change, ‖Δ‖₂. */
        public double l2Change() {
            double sum = 0;
            for (float v : difference().values()) {
                sum += (double) v * v;
            }
            return Math.sqrt(sum);
        }
    }
}
