package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.weights.ParameterLoader;

/**
 * Fresh, untrained weights for a network, initialised as a run's first batch would find them, so the
 * live views and Evaluate can show what an untrained network does. Every DJL call happens on one daemon
 * thread, {@value #THREAD_NAME}, which ends after a few idle seconds; futures complete there.
 *
 * <p>Requests are coalesced: one waiting while another runs is skipped when a newer one arrives (its
 * future is cancelled), so typing a layer's arguments initialises only the network it ends on.
 */
public final class FreshWeights {

    static final String THREAD_NAME = "fresh-weights";
    /**
     * Networks with more parameters than this get no untrained weights (each copy would take hundreds of MB
     * and seconds): LeNet-5 has 61,706, the largest preset under two million.
     */
    public static final long MAX_PARAMETERS = 20_000_000;
    private static final long IDLE_SECONDS = 5;

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), work -> {
                Thread t = new Thread(work, THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
    private final AtomicLong newest = new AtomicLong();
    // confined to the worker thread: the dataset the last normalization was computed from
    private WeakReference<ImageDataset> normalized = new WeakReference<>(null);
    private Normalization normalization = Normalization.NONE;

    /**
     * Initialises {@code spec} afresh, off the caller's thread.
     *
     * @param data       the images the weights will look at, for the input normalization (as a run computes
     *                   it); null for none
     * @param classNames one name per output unit
     * @return weights at step 0; fails with {@link IllegalArgumentException} for an invalid network, one with
     *     more than {@link #MAX_PARAMETERS} parameters or class names that do not match its outputs, and is
     *     cancelled when a newer request came before it started
     */
    public CompletableFuture<WeightsSnapshot> make(NetworkSpec spec, ImageDataset data, List<String> classNames) {
        NetworkAnalysis analysis = spec.analyze();
        if (!analysis.isValid()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("network \"" + spec.name()
                    + "\" cannot be initialised: " + analysis.problems().get(0).message()));
        }
        long parameters = analysis.totalParams().total();
        if (parameters > MAX_PARAMETERS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "network \"%s\" has %,d parameters; untrained weights are made for at most %,d", spec.name(),
                    parameters, MAX_PARAMETERS)));
        }
        List<String> names = List.copyOf(classNames);
        long request = newest.incrementAndGet();
        CompletableFuture<WeightsSnapshot> future = new CompletableFuture<>();
        thread.execute(() -> {
            if (request != newest.get()) {
                future.completeExceptionally(new CancellationException("a newer network was asked for"));
                return;
            }
            try {
                future.complete(initialise(spec, data, names));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    private WeightsSnapshot initialise(NetworkSpec spec, ImageDataset data, List<String> classNames) {
        int outputs = BlockFactory.outputUnits(spec);
        if (outputs != classNames.size()) {
            throw new IllegalArgumentException("network \"" + spec.name() + "\" gives " + outputs + " outputs but "
                    + classNames.size() + " class names were given");
        }
        TorchEnvironment.load();
        byte[] parameters;
        // on the CPU: these are copied out at once, and a GPU's memory is for training
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), TorchEnvironment.ENGINE_NAME)) {
            SequentialBlock block = BlockFactory.build(spec);
            block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            parameters = ParameterLoader.save(block);
        }
        return new WeightsSnapshot(spec, parameters, normalizationOf(data), classNames, 0);
    }

    private Normalization normalizationOf(ImageDataset data) {
        if (data == null) {
            return Normalization.NONE;
        }
        if (normalized.get() != data) {
            Normalization computed;
            try {
                computed = Normalization.fromDataset(data);
            } catch (IllegalArgumentException constant) {
                computed = Normalization.NONE; // an empty or one-colour dataset: nothing to standardise
            }
            normalization = computed;
            normalized = new WeakReference<>(data);
        }
        return normalization;
    }
}
