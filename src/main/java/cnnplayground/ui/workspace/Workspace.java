package cnnplayground.ui.workspace;

import cnnplayground.data.ClassSubset;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.FreshWeights;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher.TransferPlan;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.eval.EvaluationSet;
import cnnplayground.ui.i18n.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's state in one observable object, which every view gets and observes instead of asking
 * another view: the editor's network, the dataset with its class subset and splits, the training settings,
 * the run (its state, setup and newest snapshot), the newest and best weights of the last run and whose
 * they are, a loaded model, fresh untrained weights for the editor's network, and the last evaluation.
 * Commands that change it go through {@link RunController} (runs and model files) or its own few setters.
 *
 * <p>A change of the editor's network invalidates every result of the one before at once:
 * {@link #weights()} then answers untrained weights made for the new network (off the FX thread, by the
 * engine's {@link FreshWeights}), and the evaluation is dropped. Freezing a layer is no such change.
 *
 * <p>FX thread only, except {@link #latestSnapshot()}, {@link #newestWeights()} and {@link #bestWeights()},
 * which read a running run lock-free. No JavaFX nodes here.
 */
public final class Workspace {

    private final NetworkEditorModel editor;
    private final FreshWeights fresh;
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<ImageDataset> testSet = new SimpleObjectProperty<>(this, "testSet");
    private final StringProperty datasetProblem = new SimpleStringProperty(this, "datasetProblem", "");
    private final ObjectProperty<ClassSubset> classSubset = new SimpleObjectProperty<>(this, "classSubset",
            ClassSubset.ALL);
    private final ObjectProperty<Optional<TrainingConfig>> settings = new SimpleObjectProperty<>(this, "settings",
            Optional.of(TrainingConfig.defaults()));
    private final ObjectProperty<UiText.Phrase> settingsProblem = new SimpleObjectProperty<>(this, "settingsProblem");
    private final BooleanProperty resume = new SimpleBooleanProperty(this, "resume", false);
    private final BooleanProperty cpuOnly = new SimpleBooleanProperty(this, "cpuOnly", false);
    private final ObjectProperty<TrainingPace> pace = new SimpleObjectProperty<>(this, "pace", TrainingPace.FULL_SPEED);
    private final BooleanProperty gpuAvailable = new SimpleBooleanProperty(this, "gpuAvailable", false);
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final StringProperty unavailable = new SimpleStringProperty(this, "unavailable", "");
    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyIntegerWrapper runs = new ReadOnlyIntegerWrapper(this, "runs", 0);
    private final ReadOnlyObjectWrapper<RunSetup> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<LoadedModel> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyObjectWrapper<TaggedWeights> untrained = new ReadOnlyObjectWrapper<>(this, "untrained");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    /** The running run, read lock-free for its newest weights and snapshot; null between runs. */
    private volatile TrainingHandle running;
    /** The newest weights of the last run once it ended, or of the model loaded since; null for none. */
    private TaggedWeights lastWeights;
    private TaggedWeights lastBest;
    private TrainingSnapshot lastSnapshot;
    /** The last run-weights copy tagged, so a frame that polls the same copy gets the same tag. */
    private TaggedWeights tagged;
    /** The last dataset cut down to the chosen classes, and what it was cut from. */
    private ImageDataset subsetOf;
    private ClassSubset subsetChosen;
    private Optional<ImageDataset> subsetData = Optional.empty();
    private long untrainedRequest;
    private EvaluationSetKey lastEvaluationSetKey;
    private EvaluationSet lastEvaluationSet;

    /**
     * @param editor the editor's network
     * @param fresh  makes untrained weights for the editor's network
     */
    public Workspace(NetworkEditorModel editor, FreshWeights fresh) {
        this.editor = editor;
        this.fresh = fresh;
        editor.networkProperty().addListener((obs, was, now) -> {
            Evaluation measured = evaluation.get();
            if (measured != null && !sameNetwork(measured.network(), now)) {
                evaluation.set(null);
            }
            makeUntrainedWeights();
        });
        dataset.addListener((obs, was, now) -> makeUntrainedWeights());
        classSubset.addListener((obs, was, now) -> makeUntrainedWeights());
        makeUntrainedWeights();
    }

    // ---- the network ----

    /** The editor's network, its undo history and its lock. */
    public NetworkEditorModel editor() {
        return editor;
    }

    /** Whether two networks compute the same thing (frozen flags aside), so one's weights fit the other. */
    public static boolean sameNetwork(NetworkSpec a, NetworkSpec b) {
        // asked every frame by the live views: the common answer first, without copying either network
        return a == b || a.equals(b) || a.withAllTrainable().equals(b.withAllTrainable());
    }

    // ---- the data ----

    public ObjectProperty<ImageDataset> datasetProperty() {
        return dataset;
    }

    /** The test split that goes with the training dataset, or null when the dataset has none. */
    public ObjectProperty<ImageDataset> testSetProperty() {
        return testSet;
    }

    /** What to say while there is no dataset: loading, or why it could not be read. */
    public StringProperty datasetProblemProperty() {
        return datasetProblem;
    }

    /** Which classes of the dataset to train on (transfer learning); {@link ClassSubset#ALL} by default. */
    public ObjectProperty<ClassSubset> classSubsetProperty() {
        return classSubset;
    }

    /** The dataset cut down to the chosen classes; empty without a dataset or when none of them is there. */
    public Optional<ImageDataset> trainingData() {
        return chosenClasses(dataset.get());
    }

    /** The test split cut down to the chosen classes; empty without one. */
    public Optional<ImageDataset> testData() {
        ImageDataset test = testSet.get();
        if (test == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(classSubset.get().apply(test));
        } catch (IllegalArgumentException none) {
            return Optional.empty();
        }
    }

    private Optional<ImageDataset> chosenClasses(ImageDataset data) {
        if (data == null) {
            return Optional.empty();
        }
        // every edit of the network asks again; cutting a large dataset down copies it, so only once
        if (data == subsetOf && classSubset.get().equals(subsetChosen)) {
            return subsetData;
        }
        Optional<ImageDataset> cut;
        try {
            cut = Optional.of(classSubset.get().apply(data));
        } catch (IllegalArgumentException e) {
            cut = Optional.empty();
        }
        subsetOf = data;
        subsetChosen = classSubset.get();
        subsetData = cut;
        return cut;
    }

    // ---- the settings ----

    /**
     * The training settings the Training tab's form shows, or empty while one of its fields is wrong; set it
     * (a lesson, a loaded model) and the form shows the new settings.
     */
    public ObjectProperty<Optional<TrainingConfig>> settingsProperty() {
        return settings;
    }

    public Optional<TrainingConfig> settings() {
        return settings.get();
    }

    /** The first wrong field's problem while {@link #settings()} is empty; null otherwise. */
    public ObjectProperty<UiText.Phrase> settingsProblemProperty() {
        return settingsProblem;
    }

    /** Whether Train goes on from {@link #startingWeights()} rather than from fresh weights. */
    public BooleanProperty resumeProperty() {
        return resume;
    }

    /** Train on the CPU even though there is a GPU. */
    public BooleanProperty cpuOnlyProperty() {
        return cpuOnly;
    }

    /** How fast the run going, and the next one, trains: step by step, slowed down for narration, or full speed. */
    public ObjectProperty<TrainingPace> paceProperty() {
        return pace;
    }

    /** Whether PyTorch found a GPU; the app sets it once the engine is loaded. */
    public BooleanProperty gpuAvailableProperty() {
        return gpuAvailable;
    }

    /** The device the last run reported when it started. */
    public StringProperty deviceProperty() {
        return device;
    }

    /** Why training cannot run here at all (no PyTorch); "" when it can. */
    public StringProperty unavailableProperty() {
        return unavailable;
    }

    // ---- the run ----

    /** The current run's state; {@code null} before the first run. */
    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether a run is going (starting, running or paused). */
    public boolean isTraining() {
        TrainingState s = state.get();
        return s != null && !s.isFinal();
    }

    /** Runs started so far; goes up as a run starts, before its first batch. */
    public ReadOnlyIntegerProperty runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** What the latest run trained on and with; null before any run. */
    public ReadOnlyObjectProperty<RunSetup> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    public Optional<RunSetup> lastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    /**
     * The run's newest snapshot as last redrawn (at most ten times a second while it runs); null from the
     * start of a run until its first snapshot, and before any run.
     */
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The newest snapshot of the running run, or of the last run once it ended; empty before any. */
    public Optional<TrainingSnapshot> latestSnapshot() {
        TrainingHandle run = running;
        return run != null ? Optional.ofNullable(run.latest()) : Optional.ofNullable(lastSnapshot);
    }

    // ---- the weights ----

    /**
     * The newest trained weights: of the running run, of the last run once it ended, or of the model loaded
     * since; empty before any, and while a run has not trained its first batch.
     */
    public Optional<TaggedWeights> newestWeights() {
        TrainingHandle run = running;
        if (run == null) {
            return Optional.ofNullable(lastWeights);
        }
        return run.latestWeights().map(w -> tag(w, WeightsTag.Kind.NEWEST));
    }

    /** The weights of the epoch with the best validation accuracy of the running or last run. */
    public Optional<TaggedWeights> bestWeights() {
        TrainingHandle run = running;
        if (run == null) {
            return Optional.ofNullable(lastBest);
        }
        return run.bestWeights().map(w -> tag(w, WeightsTag.Kind.BEST));
    }

    /**
     * The weights the views show for the editor's network: the newest ones trained for it (a run's, or a
     * loaded model's), else untrained ones made for it; empty while those are being made, while a run has no
     * weights yet, and for a network that cannot have weights (invalid, or too big to copy).
     */
    public Optional<TaggedWeights> weights() {
        NetworkSpec editing = editor.getNetwork();
        Optional<TaggedWeights> trained = newestWeights();
        if (trained.isPresent() && sameNetwork(trained.get().weights().spec(), editing)) {
            return trained;
        }
        if (isTraining()) {
            return Optional.empty();
        }
        TaggedWeights fresh = untrained.get();
        return fresh != null && sameNetwork(fresh.weights().spec(), editing) ? Optional.of(fresh) : Optional.empty();
    }

    /** {@link #weights()} or, for {@link WeightsChoice#BEST}, the best epoch's when they are the editor's network's. */
    public Optional<TaggedWeights> weights(WeightsChoice which) {
        if (which == WeightsChoice.NEWEST) {
            return weights();
        }
        return bestWeights().filter(b -> sameNetwork(b.weights().spec(), editor.getNetwork()));
    }

    /** Fresh weights made for the editor's network; null while they are made, or when it cannot have any. */
    public ReadOnlyObjectProperty<TaggedWeights> untrainedProperty() {
        return untrained.getReadOnlyProperty();
    }

    /**
     * The weights Train starts from when resuming: the last run's best epoch (else its newest weights), or
     * the loaded model's; empty while a run goes or before any.
     */
    public Optional<WeightsSnapshot> startingWeights() {
        if (isTraining()) {
            return Optional.empty();
        }
        TaggedWeights from = lastBest != null ? lastBest : lastWeights;
        return Optional.ofNullable(from).map(TaggedWeights::weights);
    }

    /**
     * Which layers would keep {@link #startingWeights()} if Train started from them now with the editor's
     * network on {@link #trainingData()}; empty when there are no weights, the network does not fit the
     * data, or no layer matches.
     */
    public Optional<TransferPlan> startPlan() {
        Optional<WeightsSnapshot> from = startingWeights();
        Optional<ImageDataset> data = trainingData();
        NetworkSpec network = editor.getNetwork();
        if (from.isEmpty() || data.isEmpty() || DataFit.problem(network, data.get()).isPresent()
                || !from.get().spec().analyze().isValid()) {
            return Optional.empty();
        }
        TransferPlan plan = TransferPlan.of(from.get().spec(), from.get().classNames(), network,
                data.get().classNames());
        return plan.kept().isEmpty() ? Optional.empty() : Optional.of(plan);
    }

    /** The model file loaded last, until another is loaded; null for none. */
    public ReadOnlyObjectProperty<LoadedModel> loadedModelProperty() {
        return loaded.getReadOnlyProperty();
    }

    // ---- the evaluation ----

    /** The last evaluation; null before one, after a new run started, and once the network changed. */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** Keeps a finished evaluation, unless the editor's network changed while it ran. */
    public void evaluated(Evaluation done) {
        if (sameNetwork(done.network(), editor.getNetwork())) {
            evaluation.set(done);
        }
    }

    /**
     * The images {@code weights} are measured on: for a run's weights, what that run held out (the dataset's
     * test split, else the validation split it made); for untrained or loaded ones, the same from the dataset
     * and settings in use now. Empty without a dataset.
     */
    public Optional<EvaluationSet> evaluationSet(TaggedWeights weights) {
        RunSetup run = lastRun.get();
        boolean fromRun = weights.tag().kind() == WeightsTag.Kind.NEWEST || weights.tag().kind() == WeightsTag.Kind.BEST;
        if (fromRun && run != null && run.run() == weights.tag().run()) {
            return Optional.of(evaluationSet(run.data(), run.test(), run.config()));
        }
        return trainingData().map(data -> evaluationSet(data, testData(),
                settings().orElse(TrainingConfig.defaults())));
    }

    /**
     * The Evaluate tab names its images at every change of the workspace; splitting and copying 10,000 images each
     * time took the FX thread tens of milliseconds as a run started, so the last set is kept for the same images
     * and settings.
     */
    private EvaluationSet evaluationSet(ImageDataset data, Optional<ImageDataset> test, TrainingConfig config) {
        EvaluationSetKey key = new EvaluationSetKey(data, test.orElse(null), config);
        if (!key.equals(lastEvaluationSetKey)) {
            lastEvaluationSet = EvaluationSet.of(data, test, config);
            lastEvaluationSetKey = key;
        }
        return lastEvaluationSet;
    }

    /** The same images (the very datasets, not equal ones) and settings. */
    private record EvaluationSetKey(ImageDataset data, ImageDataset test, TrainingConfig config) {
        @Override
        public boolean equals(Object o) {
            return o instanceof EvaluationSetKey k && k.data == data && k.test == test && k.config.equals(config);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(data) * 31 + System.identityHashCode(test) + config.hashCode();
        }
    }

    // ---- what the run controller changes ----

    /** A run is starting with {@code setup}: the last run's weights and numbers are not this run's. */
    void runStarting(RunSetup setup) {
        lastWeights = null;
        lastBest = null;
        lastSnapshot = null;
        tagged = null;
        lastRun.set(setup);
        snapshot.set(null);
        evaluation.set(null);
        state.set(TrainingState.STARTING);
        runs.set(setup.run());
    }

    /** The run started: its weights and snapshots are read from {@code handle} until it ends. */
    void running(TrainingHandle handle) {
        running = handle;
    }

    void setState(TrainingState now) {
        state.set(now);
    }

    /** A newer snapshot of the run was drawn. */
    void showSnapshot(TrainingSnapshot newest) {
        snapshot.set(newest);
    }

    /** The run ended: its final weights, best epoch and numbers stay for the views. */
    void runEnded(TrainingHandle handle) {
        lastSnapshot = handle.latest();
        if (running == handle) {
            running = null;
        }
        lastWeights = handle.latestWeights().map(w -> tag(w, WeightsTag.Kind.NEWEST)).orElse(null);
        lastBest = handle.bestWeights().map(w -> tag(w, WeightsTag.Kind.BEST)).orElse(null);
    }

    /** A model file was read: its network goes into the editor, its weights are the newest. */
    void modelLoaded(LoadedModel model) {
        editor.setNetwork(model.model().spec());
        lastWeights = model.weights();
        lastBest = null;
        lastSnapshot = null;
        loaded.set(model);
    }

    // ---- untrained weights ----

    /** Asks the engine for fresh weights for the editor's network; the answer replaces any older one. */
    private void makeUntrainedWeights() {
        long request = ++untrainedRequest;
        NetworkSpec network = editor.getNetwork();
        TaggedWeights had = untrained.get();
        if (had != null && !sameNetwork(had.weights().spec(), network)) {
            untrained.set(null);
        }
        NetworkAnalysis analysis = network.analyze();
        if (!analysis.isValid() || analysis.outputShape().isEmpty()) {
            untrained.set(null);
            return;
        }
        Optional<ImageDataset> data = trainingData().filter(d -> DataFit.problem(network, d).isEmpty());
        List<String> classNames = data.map(ImageDataset::classNames)
                .orElseGet(() -> numbered(analysis.outputShape().map(Shape::channels).orElse(0)));
        fresh.make(network, data.orElse(null), classNames).whenComplete((weights, failure) -> Platform.runLater(() -> {
            if (request != untrainedRequest) {
                return; // the network or the data changed meanwhile: a newer request answers
            }
            if (weights != null) {
                untrained.set(new TaggedWeights(weights, WeightsTag.untrained(network.name())));
            } else if (!(failure instanceof CancellationException)) {
                untrained.set(null); // too big or cannot be built: the views say there is nothing to show
            }
        }));
    }

    private static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(String.valueOf(c));
        }
        return names;
    }

    /** Tags a copy of the current or last run's weights with the run and the epoch they were taken in. */
    private TaggedWeights tag(WeightsSnapshot weights, WeightsTag.Kind kind) {
        TaggedWeights last = tagged;
        if (last != null && last.weights() == weights && last.tag().kind() == kind) {
            return last;
        }
        RunSetup run = lastRun.get();
        int number = run == null ? runs.get() : run.run();
        int epoch = epochOf(weights.step(), run);
        String name = weights.spec().name();
        TaggedWeights now = new TaggedWeights(weights, kind == WeightsTag.Kind.BEST
                ? WeightsTag.best(name, number, epoch) : WeightsTag.newest(name, number, epoch));
        tagged = now;
        return now;
    }

    /** The epoch a copy taken after {@code step} batches belongs to: the one it was taken in, or ended. */
    private int epochOf(long step, RunSetup run) {
        TrainingHandle handle = running;
        TrainingSnapshot latest = handle != null ? handle.latest() : lastSnapshot;
        int epochs = run == null ? 0 : run.config().epochs();
        long total = latest == null ? 0 : latest.progress().totalSteps();
        if (epochs <= 0 || total <= 0) {
            return Math.max(1, latest == null ? 1 : latest.epochs().size());
        }
        long perEpoch = Math.max(1, total / epochs);
        return (int) Math.min(epochs, Math.max(1, (step + perEpoch - 1) / perEpoch));
    }
}
