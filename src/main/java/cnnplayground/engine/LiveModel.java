package cnnplayground.engine;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import cnnplayground.data.FloatGrid;
import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.ModelProbe.Explanation;
import cnnplayground.engine.ModelProbe.ExplanationKind;
import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeDetails;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.ParameterLoader;
import cnnplayground.engine.weights.WeightsLayout;

/**
 * The real {@link ModelProbe}: one thread, {@value #THREAD_NAME}, owns an {@link NDManager} and the
 * network built from the newest {@link WeightsSnapshot}; every DJL call happens there.
 *
 * <p>Weights: {@link #load} only swaps the snapshot into an {@link AtomicReference} and wakes the
 * thread, which takes whichever copy is newest when it gets to it. The block is rebuilt only when
 * the spec changes; new weights for the same spec are read into the existing block (each copy in
 * its own sub-manager, closed when the next copy is in, since DJL does not free replaced arrays).
 *
 * <p>Probes: requests that arrive while one runs are coalesced; only the newest input runs and
 * every waiting future completes with its result. Futures complete on the probe's thread, so
 * callers hand results to their own thread (the UI with {@code Platform.runLater}).
 *
 * <p>Close it: the thread is not a daemon.
 */
public final class LiveModel implements ModelProbe {

    static final String THREAD_NAME = "live-model";

    /**
     * The most weights a probe copies into its {@link ProbeDetails}, all layers together (16 MB of floats,
     * over 30 times VGG small's): a layer that would go past it, which a classroom network never has, is left
     * out and its units cannot be explained.
     */
    public static final int MAX_EXPLAINED_WEIGHTS = 1 << 22;

    private final AtomicReference<WeightsSnapshot> newest = new AtomicReference<>();
    private final AtomicLong forwardPasses = new AtomicLong();
    private final Object lock = new Object();
    private final Thread thread;
    // guarded by lock
    private PendingProbe pending;
    /** In the order asked; a request equal to one waiting shares its answer. */
    private final Map<AskedExplanation, List<CompletableFuture<Explanation>>> explanations = new LinkedHashMap<>();
    private boolean closed;
    private Throwable fatal;

    // confined to the probe's thread
    private NDManager manager;
    private NetworkSpec builtSpec;
    private NetworkAnalysis analysis;
    private SequentialBlock block;
    private WeightsLayout weightsLayout;
    private NDManager weightsManager;
    private ParameterStore store;
    private WeightsSnapshot applied;
    private List<FilterBank> filters;
    private List<LayerParameters> parameters;
    private String loadProblem;

    private LiveModel() {
        thread = new Thread(this::runSafely, THREAD_NAME);
    }

    /** Starts a probe with no weights; {@link #load} some before probing. */
    public static LiveModel start() {
        LiveModel model = new LiveModel();
        model.thread.start();
        return model;
    }

    /** Starts a probe on a trained model's weights (step 0). */
    public static LiveModel of(SavedModel saved) {
        LiveModel model = start();
        model.load(new WeightsSnapshot(saved.spec(), saved.parameters(), saved.metadata().normalization(),
                saved.metadata().classNames(), 0));
        return model;
    }

    @Override
    public void load(WeightsSnapshot weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights are missing; pass a WeightsSnapshot");
        }
        newest.set(weights);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    @Override
    public boolean isLoaded() {
        return newest.get() != null;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(FloatGrid input) {
        if (input == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the probe input is missing"));
        }
        RuntimeException refused = refusal(input, "probing");
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<ProbeResult> future = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(fatal != null ? fatal : closedException());
            }
            if (pending == null) {
                pending = new PendingProbe(input);
            } else {
                pending.input = input;
            }
            pending.futures.add(future);
            lock.notifyAll();
        }
        return future;
    }

    /** Why {@code input} cannot be looked at now (no weights yet, or the wrong size); null when it can. */
    private RuntimeException refusal(FloatGrid input, String doing) {
        WeightsSnapshot weights = newest.get();
        if (weights == null) {
            return new IllegalStateException(
                    "no weights are loaded yet; call load(...) with a WeightsSnapshot before " + doing);
        }
        return checkSize(weights.spec(), input);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Requests run after any pending probe, in the order asked. Unlike probes they are not coalesced:
     * several views may ask at once (the Draw tab, the watched sample, the stage), each for its own input and
     * class, and each must get its own answer; only requests asking exactly the same share one. Callers
     * keep one request in flight, so they cannot pile up.
     */
    @Override
    public CompletableFuture<Explanation> explain(FloatGrid input, ExplanationKind kind, OptionalInt target) {
        if (input == null || kind == null || target == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "an explanation needs an input, a kind and a target, got " + input + ", " + kind + ", " + target));
        }
        RuntimeException refused = refusal(input, "explaining");
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<Explanation> future = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(fatal != null ? fatal : closedException());
            }
            explanations.computeIfAbsent(new AskedExplanation(kind, input, target), k -> new ArrayList<>()).add(future);
            lock.notifyAll();
        }
        return future;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        if (Thread.currentThread() == thread) {
            return; // closed from a future's callback: the loop ends after this probe
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forward passes run so far; fewer than probes asked for when they were coalesced. */
    long forwardPasses() {
        return forwardPasses.get();
    }

    /** The probe's thread, for tests that check it ends. */
    Thread thread() {
        return thread;
    }

    private static IllegalArgumentException checkSize(NetworkSpec spec, FloatGrid input) {
        cnnplayground.spec.Shape in = spec.input();
        if (input.height() == in.height() && input.width() == in.width() && input.channels() == in.channels()) {
            return null;
        }
        return new IllegalArgumentException("network \"" + spec.name() + "\" takes " + in + " inputs but the probe got "
                + input.height() + "×" + input.width() + "×" + input.channels()
                + "; convert it first with ModelInputs.fromCanvas or ModelInputs.fromPicture");
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("the probe was closed; start a new LiveModel to probe again");
    }

    private void runSafely() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            // the engine cannot load or a bug: every waiting and later probe says so
            synchronized (lock) {
                closed = true;
                fatal = e;
                if (pending != null) {
                    pending.futures.forEach(f -> f.completeExceptionally(e));
                    pending = null;
                }
                explanations.values().forEach(futures -> futures.forEach(f -> f.completeExceptionally(e)));
                explanations.clear();
            }
        } finally {
            freeNativeMemory();
            synchronized (lock) {
                closed = true;
                if (pending != null) {
                    pending.futures.forEach(f -> f.completeExceptionally(closedException()));
                    pending = null;
                }
                explanations.values().forEach(futures -> futures.forEach(f -> f.completeExceptionally(closedException())));
                explanations.clear();
            }
        }
    }

    private void loop() {
        TorchEnvironment.load();
        manager = NDManager.newBaseManager(Engine.getEngine(TorchEnvironment.ENGINE_NAME).defaultDevice(),
                TorchEnvironment.ENGINE_NAME);
        while (true) {
            PendingProbe job;
            List<Map.Entry<AskedExplanation, List<CompletableFuture<Explanation>>>> explanationJobs;
            synchronized (lock) {
                while (!closed && pending == null && explanations.isEmpty() && newest.get() == applied) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (closed) {
                    return;
                }
                job = pending;
                pending = null;
                explanationJobs = List.copyOf(explanations.entrySet());
                explanations.clear();
            }
            WeightsSnapshot weights = newest.get();
            if (weights != applied) {
                try {
                    apply(weights);
                } catch (RuntimeException e) {
                    closeWeights();
                    block = null;
                    builtSpec = null;
                    loadProblem = "the weights at step " + weights.step() + " cannot be used: " + e;
                }
            }
            if (job != null) {
                ProbeResult result;
                try {
                    result = run(job.input);
                } catch (RuntimeException e) {
                    job.futures.forEach(f -> f.completeExceptionally(e));
                    continue;
                }
                job.futures.forEach(f -> f.complete(result));
            }
            for (Map.Entry<AskedExplanation, List<CompletableFuture<Explanation>>> e : explanationJobs) {
                AskedExplanation asked = e.getKey();
                Explanation result;
                try {
                    result = explainNow(asked.kind(), asked.input(), asked.target());
                } catch (RuntimeException ex) {
                    e.getValue().forEach(f -> f.completeExceptionally(ex));
                    continue;
                }
                e.getValue().forEach(f -> f.complete(result));
            }
        }
    }

    private Explanation explainNow(ExplanationKind kind, FloatGrid input, OptionalInt target) {
        WeightsSnapshot weights = applied;
        if (loadProblem != null) {
            throw new IllegalStateException(loadProblem + "; load weights that belong to this network");
        }
        NetworkSpec spec = weights.spec();
        IllegalArgumentException misfit = checkSize(spec, input);
        if (misfit != null) {
            throw misfit;
        }
        int classes = spec.outputClasses();
        if (target.isPresent() && (target.getAsInt() < 0 || target.getAsInt() >= classes)) {
            throw new IllegalArgumentException("class " + target.getAsInt() + " does not exist; network \""
                    + spec.name() + "\" has classes 0 to " + (classes - 1));
        }
        forwardPasses.incrementAndGet();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(toNchw(input, weights.normalization()), BlockFactory.inputShape(spec, 1));
            return switch (kind) {
                case CLASS_ACTIVATION_MAP -> Explainer.classActivationMap(spec, block, store, x, target, weights.step());
                case SALIENCY -> Explainer.saliency(spec, block, x, target, weights.step());
            };
        }
    }

    /** Makes {@code weights} the ones probes use; a misfit is kept and reported by the next probes. */
    private void apply(WeightsSnapshot weights) {
        applied = weights;
        loadProblem = null;
        NetworkSpec spec = weights.spec();
        if (block == null || !spec.equals(builtSpec)) {
            closeWeights();
            builtSpec = null;
            analysis = spec.analyze();
            if (!analysis.isValid()) {
                loadProblem = "network \"" + spec.name() + "\" cannot be built: " + analysis.problems().get(0).message();
                return;
            }
            block = BlockFactory.build(spec);
            weightsLayout = ParameterLoader.layout(spec, block, manager);
            builtSpec = spec;
        }
        NDManager next = manager.newSubManager();
        try {
            ParameterLoader.read(block, weightsLayout, weights.parameters(), next);
        } catch (MalformedModelException | RuntimeException e) {
            next.close();
            // the block is half loaded: rebuild it for the next weights
            closeWeights();
            block = null;
            builtSpec = null;
            loadProblem = "the weights at step " + weights.step() + " do not fit network \"" + spec.name() + "\": "
                    + e.getMessage();
            return;
        }
        closeWeights();
        weightsManager = next;
        // a store caches each parameter's array, so a new one for each copy of the weights
        store = new ParameterStore(next, false);
        filters = filters(spec);
        parameters = parameters();
    }

    private void closeWeights() {
        if (weightsManager != null) {
            weightsManager.close();
            weightsManager = null;
        }
        store = null;
        filters = null;
        parameters = null;
    }

    private ProbeResult run(FloatGrid input) {
        WeightsSnapshot weights = applied;
        if (loadProblem != null) {
            throw new IllegalStateException(loadProblem + "; load weights that belong to this network");
        }
        NetworkSpec spec = weights.spec();
        IllegalArgumentException misfit = checkSize(spec, input);
        if (misfit != null) {
            throw misfit; // the spec changed since the probe was asked for
        }
        List<LayerSummary> layers = analysis.layers();
        int last = layers.size() - 1;
        // from the omitted softmax (or a binary head's sigmoid) on, outputs are logits; the views show
        // probabilities there
        OptionalInt softmax = spec.finalOutputActivationLayer();
        boolean binary = spec.isBinaryHead();
        int firstProbabilities = softmax.isPresent() ? softmax.getAsInt() : last;
        List<LayerActivation> activations = new ArrayList<>(layers.size());
        float[] probabilities = null;
        FloatGrid logits = null;
        forwardPasses.incrementAndGet();
        try (NDManager scratch = manager.newSubManager()) {
            NDList current = new NDList(scratch.create(toNchw(input, weights.normalization()),
                    BlockFactory.inputShape(spec, 1)));
            List<Pair<String, Block>> children = block.getChildren().stream().toList();
            for (int i = 0; i <= last; i++) {
                current = children.get(i).getValue().forward(store, current, false);
                NDArray out = current.singletonOrThrow();
                if (i == firstProbabilities) {
                    logits = toGrid(out);
                }
                if (i >= firstProbabilities) {
                    out = binary ? ai.djl.nn.Activation.sigmoid(out) : out.softmax(1);
                }
                FloatGrid values = toGrid(out);
                if (i == last) {
                    // a binary head's unit is p, class 1's probability; the prediction is [1 - p, p]
                    probabilities = binary ? OutputHead.binaryProbabilities(logits.values()) : values.values();
                }
                LayerSummary layer = layers.get(i);
                activations.add(new LayerActivation(i, layer.name(), layer.spec().kind(), values));
            }
        }
        float[] normalised = input.values();
        weights.normalization().applyInPlace(normalised);
        ProbeDetails details = new ProbeDetails(FloatGrid.of(input.height(), input.width(), input.channels(), normalised),
                parameters, firstProbabilities, logits);
        Prediction prediction = binary ? new Prediction(probabilities, logits.values()[0] >= 0 ? 1 : 0)
                : Prediction.of(probabilities);
        return new ProbeResult(weights.step(), input, prediction, activations, filters, Optional.of(details));
    }

    /** HWC 0..1 to normalised NCHW, as {@link TrainedModel#predict} does. */
    private static float[] toNchw(FloatGrid input, Normalization normalization) {
        int c = input.channels();
        int plane = input.height() * input.width();
        float[] hwc = input.values();
        float[] nchw = new float[hwc.length];
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < c; ch++) {
                nchw[ch * plane + p] = normalization.apply(hwc[p * c + ch]);
            }
        }
        return nchw;
    }

    /** {@code (1, C, H, W)} to H×W×C, {@code (1, N)} to 1×N×1. */
    private static FloatGrid toGrid(NDArray out) {
        Shape shape = out.getShape();
        float[] values = out.toFloatArray();
        if (shape.dimension() == 2) {
            return FloatGrid.of(1, (int) shape.get(1), 1, values);
        }
        if (shape.dimension() != 4) {
            throw new IllegalStateException("a layer output has shape " + shape + "; expected (1, C, H, W) or (1, N)");
        }
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        int plane = h * w;
        float[] hwc = new float[values.length];
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < plane; p++) {
                hwc[p * c + ch] = values[ch * plane + p];
            }
        }
        return FloatGrid.of(h, w, c, hwc);
    }

    /**
     * Every Conv2D's kernels, plus the first Dense's weights as input-sized templates when it reads
     * the flattened input directly (an MLP), the one case where a unit's weights form a picture.
     */
    private List<FilterBank> filters(NetworkSpec spec) {
        List<FilterBank> banks = new ArrayList<>();
        List<LayerSummary> layers = analysis.layers();
        List<Pair<String, Block>> children = block.getChildren().stream().toList();
        boolean weightedSeen = false;
        for (LayerSummary layer : layers) {
            Block child = children.get(layer.index()).getValue();
            if (layer.spec().kind() == LayerKind.CONV_2D || layer.spec().kind() == LayerKind.RESIDUAL_BLOCK) {
                // DJL's kernel is OIHW: already [output][input][row][col]; a residual block shows its first conv's
                NDArray kernel = findFirst(child, Conv2d.class).getParameters().get("weight").getArray();
                Shape k = kernel.getShape();
                banks.add(new FilterBank(layer.index(), layer.name(), (int) k.get(0), (int) k.get(1), (int) k.get(2),
                        (int) k.get(3), kernel.toFloatArray()));
            } else if (layer.spec().kind() == LayerKind.DENSE && !weightedSeen && readsFlattenedInput(spec, layer)) {
                // DJL flattens C, H, W and stores Linear weights as (units, inputs): row u is unit u's
                // template already in [input channel][row][col] order
                NDArray weight = find(child, Linear.class).getParameters().get("weight").getArray();
                cnnplayground.spec.Shape in = spec.input();
                banks.add(new FilterBank(layer.index(), layer.name(), (int) weight.getShape().get(0), in.channels(),
                        in.height(), in.width(), weight.toFloatArray()));
            }
            weightedSeen |= layer.params().total() > 0;
        }
        return List.copyOf(banks);
    }

    /**
     * Every Conv2D's and Dense's weights and biases, copied once per set of weights and shared by the probes
     * that use them; a layer that would take the total past {@link #MAX_EXPLAINED_WEIGHTS} is left out.
     */
    private List<LayerParameters> parameters() {
        List<LayerParameters> all = new ArrayList<>();
        long copied = 0;
        List<Pair<String, Block>> children = block.getChildren().stream().toList();
        for (LayerSummary layer : analysis.layers()) {
            Block child = children.get(layer.index()).getValue();
            Block weighted;
            if (layer.spec().kind() == LayerKind.CONV_2D) {
                weighted = find(child, Conv2d.class);
            } else if (layer.spec().kind() == LayerKind.DENSE) {
                weighted = find(child, Linear.class);
            } else {
                continue; // no weights, or (BatchNormalization, a residual block) not worked out by hand yet
            }
            NDArray weight = weighted.getParameters().get("weight").getArray();
            if (copied + weight.size() > MAX_EXPLAINED_WEIGHTS) {
                continue;
            }
            copied += weight.size();
            Parameter bias = weighted.getParameters().get("bias");
            int[] shape = Arrays.stream(weight.getShape().getShape()).mapToInt(d -> (int) d).toArray();
            all.add(new LayerParameters(layer.index(), layer.name(), shape, weight.toFloatArray(),
                    bias == null ? new float[0] : bias.getArray().toFloatArray()));
        }
        return List.copyOf(all);
    }

    /** True when the layer before {@code dense} is a Flatten of an input-shaped tensor. */
    private boolean readsFlattenedInput(NetworkSpec spec, LayerSummary dense) {
        int i = dense.index();
        if (i == 0) {
            return false;
        }
        LayerSummary before = analysis.layers().get(i - 1);
        return before.spec().kind() == LayerKind.FLATTEN
                && before.inputShape().filter(spec.input()::equals).isPresent();
    }

    private static <T extends Block> T find(Block layerBlock, Class<T> type) {
        for (Pair<String, Block> child : layerBlock.getChildren()) {
            if (type.isInstance(child.getValue())) {
                return type.cast(child.getValue());
            }
        }
        throw new IllegalStateException("layer block " + layerBlock + " has no " + type.getSimpleName()
                + "; BlockFactory's layout changed");
    }

    /** The first block of {@code type} in a depth-first walk, for layers that nest blocks (a residual block). */
    private static <T extends Block> T findFirst(Block layerBlock, Class<T> type) {
        for (Pair<String, Block> child : layerBlock.getChildren()) {
            if (type.isInstance(child.getValue())) {
                return type.cast(child.getValue());
            }
            if (!child.getValue().getChildren().isEmpty()) {
                try {
                    return findFirst(child.getValue(), type);
                } catch (IllegalStateException notThere) {
                    // keep looking in the next child
                }
            }
        }
        throw new IllegalStateException("layer block " + layerBlock + " has no " + type.getSimpleName()
                + "; BlockFactory's layout changed");
    }

    private void freeNativeMemory() {
        closeWeights();
        block = null;
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }

    /** One explanation asked for; equal when the same map of the same input is wanted. */
    private record AskedExplanation(ExplanationKind kind, FloatGrid input, OptionalInt target) {
    }

    /** The newest input asked for and everyone waiting for it. */
    private static final class PendingProbe {
        FloatGrid input;
        final List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();

        PendingProbe(FloatGrid input) {
            this.input = input;
        }
    }
}
