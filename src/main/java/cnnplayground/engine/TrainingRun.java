package cnnplayground.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.Normalization;
import cnnplayground.data.StratifiedSplit;
import cnnplayground.engine.EngineInfo.TorchUnavailableException;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher.TransferPlan;
import cnnplayground.spec.NetworkSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import cnnplayground.engine.blocks.BlockFactory;
import cnnplayground.engine.optim.OptimizerStates;
import cnnplayground.engine.weights.ParameterLoader;
import cnnplayground.engine.weights.WeightsLayout;
import cnnplayground.engine.weights.FrozenLayers;
import cnnplayground.engine.batch.BatchAssembler;

/**
 * One training run on its own engine thread: all DJL work for the run happens there. Control
 * (pause, resume, stop, pace, step) goes through a {@link BatchGate} the thread waits at between
 * batches; results leave the thread as immutable snapshots and events only. Time spent waiting there
 * is not training time: throughput, ETA and epoch durations leave it out.
 */
public final class TrainingRun implements TrainingHandle {

    private static final int EVAL_BATCH_SIZE = 256;
    /** How often the live views get fresh weights: a few times a second looks live and costs little. */
    public static final Duration WEIGHTS_INTERVAL = Duration.ofMillis(250);

    private final NetworkSpec spec;
    private final ImageDataset data;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final CheckpointSink checkpoints;
    /** Weights to start from instead of a fresh initialisation; null for a fresh start. */
    private final WeightsSnapshot initial;
    /** For a transfer: which layers take {@link #initial}'s weights; null when all do (a resume) or none. */
    private final TransferPlan transfer;
    private final MetricsRecorder recorder;
    private final int trainingImages;
    /** Made on the training thread, which alone reads it: the caller, often the FX thread, need not wait for it. */
    private StratifiedSplit split;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<WeightsSnapshot> weights = new AtomicReference<>();
    private final AtomicReference<WeightsSnapshot> best = new AtomicReference<>();
    private final BatchGate gate;
    private final Thread thread;
    private final AtomicReference<NativeRelease> release = new AtomicReference<>();
    /** What the thread has waited at the gate so far; read and written on the training thread only. */
    private long waitedNanos;
    private volatile TrainingPace pace;

    private TrainingRun(NetworkSpec spec, ImageDataset data, TrainingConfig config, TrainingListener listener,
                        CheckpointSink checkpoints, WeightsSnapshot initial, TransferPlan transfer, TrainingPace pace) {
        this.spec = spec;
        this.initial = initial;
        this.transfer = transfer;
        this.data = data;
        this.config = config;
        this.listener = listener;
        this.checkpoints = checkpoints;
        this.trainingImages = StratifiedSplit.trainingCount(data.labels(), data.numClasses(), config.validationFraction());
        if (trainingImages == 0) {
            throw new IllegalArgumentException("No training images left after holding out "
                    + Math.round(config.validationFraction() * 100) + "% for validation; lower the validation fraction");
        }
        long steps = (long) config.epochs() * batchesPerEpoch();
        // The engine loads on the training thread, so the caller (often the FX thread) never waits for it.
        this.recorder = new MetricsRecorder(steps, config.batchSize());
        this.pace = pace;
        this.gate = new BatchGate(pace, new GateAnnouncer());
        this.thread = new Thread(this::runSafely, "training-" + spec.name());
    }

    /**
     * Checks that {@code spec} fits {@code data}, then starts training on a new thread.
     *
     * @throws IllegalArgumentException with the reason when the network cannot train on the data
     */
    public static TrainingRun start(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                    TrainingListener listener, CheckpointSink checkpoints) {
        return start(spec, data, config, listener, checkpoints, TrainingPace.FULL_SPEED);
    }

    /** Like {@link #start(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, CheckpointSink)}, at {@code pace} from the first batch. */
    public static TrainingRun start(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                    TrainingListener listener, CheckpointSink checkpoints, TrainingPace pace) {
        return launch(spec, data, config, listener, checkpoints, null, null, pace);
    }

    /**
     * Like {@link #start(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, CheckpointSink)},
     * but training goes on from {@code initial}'s weights and input normalisation (e.g. a model file's)
     * instead of a fresh initialisation. Epochs count from 1 again; the optimizer starts afresh.
     *
     * Which layers are frozen may differ: freezing changes no weight.
     *
     * @throws IllegalArgumentException if {@code initial} is for another network or other classes
     */
    public static TrainingRun resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                     TrainingListener listener, CheckpointSink checkpoints, WeightsSnapshot initial) {
        return resume(spec, data, config, listener, checkpoints, initial, TrainingPace.FULL_SPEED);
    }

    /** Like {@link #resume(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, CheckpointSink, WeightsSnapshot)}, at {@code pace}. */
    public static TrainingRun resume(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                     TrainingListener listener, CheckpointSink checkpoints, WeightsSnapshot initial,
                                     TrainingPace pace) {
        if (!initial.spec().withAllTrainable().equals(spec.withAllTrainable())) {
            throw new IllegalArgumentException("The weights to resume from belong to network \""
                    + initial.spec().name() + "\", not to the one in the editor; load the model again or train "
                    + "from scratch");
        }
        if (!initial.classNames().equals(data.classNames())) {
            throw new IllegalArgumentException("The weights to resume from were trained on classes "
                    + initial.classNames() + " but the dataset has " + data.classNames()
                    + "; train from scratch on this dataset");
        }
        return launch(spec, data, config, listener, checkpoints, initial, null, pace);
    }

    /**
     * Transfer learning: like {@link #resume}, but {@code spec} may differ from the network the weights
     * were trained for, and the dataset may have other classes. The layers {@link TransferPlan} keeps
     * start from {@code initial}'s weights, the rest (at least the output layer when the classes
     * differ) from a fresh initialisation; inputs are scaled as {@code initial}'s were.
     *
     * @throws IllegalArgumentException if no layer with parameters can keep its weights
     */
    public static TrainingRun transfer(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                       TrainingListener listener, CheckpointSink checkpoints, WeightsSnapshot initial) {
        return transfer(spec, data, config, listener, checkpoints, initial, TrainingPace.FULL_SPEED);
    }

    /** Like {@link #transfer(NetworkSpec, ImageDataset, TrainingConfig, TrainingListener, CheckpointSink, WeightsSnapshot)}, at {@code pace}. */
    public static TrainingRun transfer(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                       TrainingListener listener, CheckpointSink checkpoints, WeightsSnapshot initial,
                                       TrainingPace pace) {
        DataFit.problem(spec, data).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        TransferPlan plan = TransferPlan.of(initial.spec(), initial.classNames(), spec, data.classNames());
        if (plan.kept().isEmpty()) {
            throw new IllegalArgumentException("No layer of network \"" + spec.name() + "\" matches one of \""
                    + initial.spec().name() + "\", whose weights it would start from; train from scratch");
        }
        return launch(spec, data, config, listener, checkpoints, initial, plan, pace);
    }

    private static TrainingRun launch(NetworkSpec spec, ImageDataset data, TrainingConfig config,
                                      TrainingListener listener, CheckpointSink checkpoints, WeightsSnapshot initial,
                                      TransferPlan transfer, TrainingPace pace) {
        DataFit.problem(spec, data).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        // Refused here, before any array exists: an oversized network would otherwise end the JVM.
        TrainingMemory.problem(spec, config, DeviceMemory.forTraining(config.cpuOnly())).ifPresent(s -> {
            throw new IllegalArgumentException(s.message());
        });
        TrainingRun run = new TrainingRun(spec, data, config, listener, checkpoints, initial, transfer, pace);
        run.thread.start();
        return run;
    }

    @Override
    public TrainingSnapshot latest() {
        return recorder.latest();
    }

    @Override
    public Optional<WeightsSnapshot> latestWeights() {
        return Optional.ofNullable(weights.get());
    }

    @Override
    public Optional<WeightsSnapshot> bestWeights() {
        return Optional.ofNullable(best.get());
    }

    /**
     * How the run left native memory, once its thread has ended (see {@link #awaitTermination}); empty
     * while it runs.
     */
    public Optional<NativeRelease> nativeRelease() {
        return Optional.ofNullable(release.get());
    }

    /** Whether the engine thread is still going. */
    public boolean isThreadAlive() {
        return thread.isAlive();
    }

    @Override
    public void pause() {
        gate.pause();
    }

    @Override
    public void resume() {
        gate.resume();
    }

    @Override
    public void setPace(TrainingPace newPace) {
        pace = newPace;
        gate.pace(newPace);
    }

    @Override
    public void step() {
        gate.step();
    }

    @Override
    public void stop() {
        gate.stop();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int batchesPerEpoch() {
        return (trainingImages + config.batchSize() - 1) / config.batchSize();
    }

    private void runSafely() {
        try {
            BackgroundPriority.lowerCurrentThread(BackgroundPriority.TRAINING_NICE);
            train();
        } catch (TrainingFailure e) {
            recorder.state(TrainingState.FAILED);
            listener.onEvent(new TrainingEvent.Failed(e.getMessage(), e.key, e.args));
        } catch (TorchUnavailableException e) {
            recorder.state(TrainingState.FAILED);
            listener.onEvent(new TrainingEvent.Failed(e.getMessage()));
        } catch (IOException e) {
            recorder.state(TrainingState.FAILED);
            listener.onEvent(new TrainingEvent.Failed("Training stopped: the checkpoint could not be saved ("
                    + e.getMessage() + "); the last saved checkpoint is kept. Free some disk space or choose "
                    + "another file."));
        } catch (RuntimeException | Error e) {
            recorder.state(TrainingState.FAILED);
            listener.onEvent(new TrainingEvent.Failed("Training failed: " + e));
        } finally {
            release.compareAndSet(null, NativeRelease.NOTHING_HELD);
            finished.countDown();
        }
    }

    private void train() throws IOException {
        split = StratifiedSplit.of(data.labels(), data.numClasses(), config.validationFraction(), config.seed());
        TorchEnvironment torch = TorchEnvironment.load();
        // oneDNN gets the input gradient of some convolutions wrong (NaN from unwritten memory): such a
        // network trains with libtorch's own kernels
        try (TorchEnvironment.Lease lease = OneDnnExposure.firstExposedLayer(spec) >= 0 ? torch.withoutOneDnn()
                : TorchEnvironment.Lease.NONE) {
            trainOn(torch);
        }
    }

    private void trainOn(TorchEnvironment torch) throws IOException {
        String device = config.cpuOnly() ? torch.cpuName() : torch.deviceName();
        recorder.device(device);
        Engine engine = Engine.getEngine(TorchEnvironment.ENGINE_NAME);
        engine.setRandomSeed((int) config.seed());
        Device dev = config.cpuOnly() ? Device.cpu() : engine.defaultDevice();
        if (dev.isGpu()) {
            // launch could only ask the machine when the engine was not loaded yet; now the GPU answers
            DeviceMemory.gpu(dev).flatMap(TrainingMemory.estimate(spec, config)::shortfall).ifPresent(s -> {
                throw new TrainingFailure(s.message());
            });
        }
        // Resumed weights expect the inputs scaled as when they were trained.
        Normalization normalization = initial != null ? initial.normalization()
                : Normalization.fromDataset(data.subset(split.train()));
        BatchAssembler batches = new BatchAssembler(data, normalization, Math.max(config.batchSize(), EVAL_BATCH_SIZE));
        Random shuffle = new Random(config.seed());
        Loss loss = Loss.softmaxCrossEntropyLoss();
        int[] order = split.train().clone();
        float bestAccuracy = Float.NEGATIVE_INFINITY;
        listener.onEvent(new TrainingEvent.Started(device, split.train().length, split.validation().length,
                config.epochs(), batchesPerEpoch()));
        Optimizer optimizer = Optimizers.create(config, (long) config.epochs() * batchesPerEpoch());
        NDManager manager = NDManager.newBaseManager(dev, TorchEnvironment.ENGINE_NAME);
        try {
            SequentialBlock block = BlockFactory.build(spec);
            block.initialize(manager, DataType.FLOAT32, BlockFactory.inputShape(spec, 1));
            FrozenLayers.apply(block, spec);
            if (transfer != null) {
                loadTransferredWeights(block, manager);
            } else if (initial != null) {
                loadInitialWeights(block, manager);
            }
            ParameterStore parameters = new ParameterStore(manager, false);
            parameters.setParameterServer(engine.newParameterServer(optimizer), new Device[] {dev});
            recorder.state(TrainingState.RUNNING);
            long step = 0;
            long lastWeights = 0;
            int sinceImprovement = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                long waitedBefore = waitedNanos;
                shuffleInPlace(order, shuffle);
                double lossSum = 0;
                long correct = 0;
                for (int b = 0, from = 0; from < order.length; b++, from += config.batchSize()) {
                    if (!awaitTurn()) {
                        finish(TrainingState.STOPPED, new TrainingEvent.Stopped(epoch - 1));
                        return;
                    }
                    int size = Math.min(config.batchSize(), order.length - from);
                    float batchLoss;
                    int batchCorrect;
                    try (NDManager scratch = manager.newSubManager()) {
                        batches.fill(order, from, size, config.augmentation(), shuffle);
                        NDArray x = batches.images(scratch);
                        NDArray y = batches.labels(scratch);
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            // a binary head's logit as two softmax logits: softmax cross-entropy over them is
                            // binary cross-entropy from the logit (OutputHead says why)
                            NDArray logits = OutputHead.softmaxLogits(FrozenLayers.forwardTraining(block, spec,
                                    parameters, new NDList(x)).singletonOrThrow(), spec);
                            NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
                            collector.backward(l);
                            batchLoss = l.getFloat();
                            batchCorrect = countCorrect(logits, y);
                        }
                        if (!Float.isFinite(batchLoss)) {
                            throw new TrainingFailure(NonFiniteLoss.explain(batchLoss, epoch, b + 1, config),
                                    NonFiniteLoss.key(batchLoss), NonFiniteLoss.args(epoch, b + 1, config));
                        }
                        parameters.updateAllParameters();
                    }
                    step++;
                    // read after the batch, once: a batch ending at a narrated pace is shown whole, its
                    // snapshot and weights together, even when the pace changed while it ran
                    boolean showThisBatch = pace.showsEveryBatch();
                    lossSum += (double) batchLoss * size;
                    correct += batchCorrect;
                    recorder.batchEnded(new BatchMetrics(epoch, b + 1, step, batchLoss, (float) batchCorrect / size),
                            showThisBatch);
                    if (showThisBatch || System.nanoTime() - lastWeights >= WEIGHTS_INTERVAL.toNanos()) {
                        publishWeights(block, normalization, step);
                        lastWeights = System.nanoTime();
                    }
                }
                float[] validation = evaluate(manager, block, parameters, batches, loss);
                EpochMetrics metrics = new EpochMetrics(epoch, (float) (lossSum / order.length),
                        (float) correct / order.length, validation[0], validation[1],
                        (System.nanoTime() - epochStart - (waitedNanos - waitedBefore)) / 1e9);
                // Without a validation split, training accuracy decides which epoch is best.
                float score = metrics.hasValidation() ? metrics.validationAccuracy() : metrics.trainAccuracy();
                boolean improved = score > bestAccuracy;
                if (improved) {
                    bestAccuracy = score;
                    sinceImprovement = 0;
                    byte[] bytes = ModelFile.parameterBytes(block);
                    best.set(new WeightsSnapshot(spec, bytes, normalization, data.classNames(), step));
                    checkpoints.bestSoFar(bytes, metrics, normalization);
                } else {
                    sinceImprovement++;
                }
                publishWeights(block, normalization, step);
                recorder.epochEnded(metrics);
                listener.onEvent(new TrainingEvent.EpochEnded(metrics, improved));
                int patience = config.earlyStoppingPatience();
                if (patience > 0 && sinceImprovement >= patience && epoch < config.epochs()) {
                    finish(TrainingState.FINISHED, new TrainingEvent.Finished(recorder.epochs(), bestAccuracy,
                            earlyStopReason(patience)));
                    return;
                }
            }
            finish(TrainingState.FINISHED, new TrainingEvent.Finished(recorder.epochs(), bestAccuracy));
        } finally {
            release.set(close(manager, optimizer));
        }
    }

    /**
     * Closes the run's manager and the optimizer's state (which no manager owns), and checks that every
     * array they held was freed.
     */
    private static NativeRelease close(NDManager manager, Optimizer optimizer) {
        List<NDArray> held = new ArrayList<>(manager.getManagedArrays());
        List<NDArray> states = OptimizerStates.of(optimizer);
        held.addAll(states);
        manager.close();
        states.forEach(NDArray::close);
        long open = held.stream().filter(a -> !a.isReleased()).count();
        return new NativeRelease(held.size(), open, !manager.isOpen());
    }

    static String earlyStopReason(int patience) {
        return String.format(Locale.ROOT, "stopped early: no improvement for %d epoch%s", patience,
                patience == 1 ? "" : "s");
    }

    /** Replaces the fresh weights with {@link #initial}'s, which must fit shape for shape. */
    private void loadInitialWeights(SequentialBlock block, NDManager manager) {
        try {
            ParameterLoader.read(block, WeightsLayout.of(block), initial.parameters(), manager);
        } catch (MalformedModelException e) {
            throw new TrainingFailure("The weights to resume from do not fit the network (" + e.getMessage()
                    + "); load the model again or train from scratch.");
        }
        requireGradients(block);
    }

    /**
     * Copies {@link #initial}'s weights into the layers {@link #transfer} keeps, layer by layer through
     * DJL's own parameter format (a kept layer is the same layer on the same input, so the bytes fit);
     * the other layers keep their fresh initialisation.
     */
    private void loadTransferredWeights(SequentialBlock block, NDManager manager) {
        List<ai.djl.nn.Block> target = block.getChildren().values();
        try (NDManager scratch = manager.newSubManager()) {
            List<ai.djl.nn.Block> source = ParameterLoader.load(initial.spec(), initial.parameters(), scratch)
                    .getChildren().values();
            for (int i : transfer.kept()) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                    source.get(i).saveParameters(out);
                }
                try (java.io.DataInputStream in = new java.io.DataInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    target.get(i).loadParameters(manager, in);
                }
            }
        } catch (MalformedModelException | IOException e) {
            throw new TrainingFailure("The weights to start from cannot be read (" + e.getMessage()
                    + "); load the model again or train from scratch.");
        }
        requireGradients(block);
    }

    /** DJL's loadParameters gives plain arrays; training needs gradients on the trainable (unfrozen) ones. */
    private static void requireGradients(SequentialBlock block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    private void publishWeights(SequentialBlock block, Normalization normalization, long step) throws IOException {
        weights.set(new WeightsSnapshot(spec, ModelFile.parameterBytes(block), normalization, data.classNames(), step));
    }

    private void finish(TrainingState state, TrainingEvent event) {
        recorder.state(state);
        listener.onEvent(event);
    }

    /** Waits at the gate until the next batch may start, counting the wait out of training time; false on stop. */
    private boolean awaitTurn() {
        long before = System.nanoTime();
        boolean go = gate.awaitTurn();
        long waited = System.nanoTime() - before;
        waitedNanos += waited;
        recorder.waited(waited);
        return go;
    }

    /** Tells the recorder and the listener, on the training thread, what the gate waits for. */
    private final class GateAnnouncer implements BatchGate.Announcer {
        @Override
        public void paused() {
            recorder.state(TrainingState.PAUSED);
            listener.onEvent(new TrainingEvent.Paused());
        }

        @Override
        public void resumed() {
            recorder.state(TrainingState.RUNNING);
            listener.onEvent(new TrainingEvent.Resumed());
        }

        @Override
        public void awaitingStep() {
            recorder.publishNow();
            listener.onEvent(new TrainingEvent.Stepped(recorder.stepsDone()));
        }
    }

    /** Validation loss and accuracy, or NaN for both when nothing is held out. */
    private float[] evaluate(NDManager manager, SequentialBlock block, ParameterStore parameters, BatchAssembler batches,
                             Loss loss) {
        int[] held = split.validation();
        if (held.length == 0) {
            return new float[] {Float.NaN, Float.NaN};
        }
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < held.length; from += EVAL_BATCH_SIZE) {
            int size = Math.min(EVAL_BATCH_SIZE, held.length - from);
            try (NDManager scratch = manager.newSubManager()) {
                batches.fill(held, from, size);
                NDArray x = batches.images(scratch);
                NDArray y = batches.labels(scratch);
                NDArray logits = OutputHead.softmaxLogits(block.forward(parameters, new NDList(x), false)
                        .singletonOrThrow(), spec);
                lossSum += (double) loss.evaluate(new NDList(y), new NDList(logits)).getFloat() * size;
                correct += countCorrect(logits, y);
            }
        }
        return new float[] {(float) (lossSum / held.length), (float) correct / held.length};
    }

    static int countCorrect(NDArray logits, NDArray labels) {
        return (int) logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels).countNonzero().getLong();
    }

    private static void shuffleInPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A reason to end training that the user must read, such as a NaN loss. */
    static final class TrainingFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;
        final List<String> args;

        TrainingFailure(String message) {
            this(message, null, List.of());
        }

        /** With the message's key and values, so a user interface can say it in another language. */
        TrainingFailure(String message, String key, List<String> args) {
            super(message);
            this.key = key;
            this.args = args;
        }
    }
}
