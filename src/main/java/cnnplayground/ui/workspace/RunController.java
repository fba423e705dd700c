package cnnplayground.ui.workspace;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.ModelFile.ModelMetadata;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingEvent.EpochMetrics;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.TrainingLauncher.TransferPlan;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import cnnplayground.ui.builder.ProblemText;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.train.ModelFit;
import cnnplayground.ui.train.SnapshotRedrawer;
import cnnplayground.ui.train.TrainingEventPump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Starts, pauses, resumes, paces, steps and stops runs of the editor's network on the workspace's data and settings,
 * and saves and loads model files. It owns the run's {@link TrainingHandle} and the pump that brings its
 * events to the FX thread, and writes what happens into the {@link Workspace}; views call these commands
 * and observe the workspace and the few outcomes here (what ended a run, what became of a file).
 *
 * <p>FX thread only; the FX thread never waits for the engine.
 */
public final class RunController {

    private final Workspace workspace;
    private final TrainingLauncher launcher;
    private final UiText text;
    private final ObjectBinding<Optional<String>> whyNot;
    /** The first non-empty reason of {@link #blockers}: other parts of the window keeping Train off. */
    private final StringProperty blockedElsewhere = new SimpleStringProperty(this, "blockedElsewhere", "");
    private final List<ObservableValue<String>> blockers = new ArrayList<>();
    private final ReadOnlyObjectWrapper<UiText.Phrase> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyObjectWrapper<UiText.Phrase> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyObjectWrapper<UiText.Phrase> fileMessage = new ReadOnlyObjectWrapper<>(this, "fileMessage");
    private final ReadOnlyBooleanWrapper awaitingStep = new ReadOnlyBooleanWrapper(this, "awaitingStep");
    private TrainingHandle handle;
    private SnapshotRedrawer redrawer;
    private TrainingConfig lastConfig;

    public RunController(Workspace workspace, TrainingLauncher launcher, UiText text) {
        this.workspace = workspace;
        this.launcher = launcher;
        this.text = text;
        whyNot = Bindings.createObjectBinding(this::computeWhyNot, workspace.editor().analysisProperty(),
                workspace.settingsProperty(), workspace.settingsProblemProperty(), workspace.datasetProperty(),
                workspace.datasetProblemProperty(), workspace.stateProperty(), workspace.unavailableProperty(),
                blockedElsewhere, text.languageProperty(), workspace.classSubsetProperty());
        workspace.paceProperty().addListener((obs, was, now) -> {
            if (now != TrainingPace.STEP) {
                awaitingStep.set(false);
            }
            if (handle != null) {
                handle.setPace(now);
            }
        });
    }

    /** Whether the run, at Step pace, has done its batch and waits for {@link #step()}. */
    public ReadOnlyBooleanProperty awaitingStepProperty() {
        return awaitingStep.getReadOnlyProperty();
    }

    /** Why Train is off now, in the window's language; empty when a run can start (or one is going). */
    public ObjectBinding<Optional<String>> whyNotProperty() {
        return whyNot;
    }

    public Optional<String> whyNotTrain() {
        return whyNot.get();
    }

    /**
     * Another part of the window's reason to keep Train off ("" for none), e.g. a network too big for the
     * memory or a dataset still loading; given after the workspace's own reasons.
     */
    public void addBlocker(ObservableValue<String> reason) {
        blockers.add(reason);
        reason.addListener((obs, was, now) -> blockedElsewhere.set(firstBlocker()));
        blockedElsewhere.set(firstBlocker());
    }

    /** How the last run ended ("Finished · best …", "Stopped after 2 epochs"); null while one goes or before any. */
    public ReadOnlyObjectProperty<UiText.Phrase> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why the last run failed or could not start, or why training cannot run here; null otherwise. */
    public ReadOnlyObjectProperty<UiText.Phrase> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What became of the last save or load; null before either. */
    public ReadOnlyObjectProperty<UiText.Phrase> fileMessageProperty() {
        return fileMessage.getReadOnlyProperty();
    }

    /** Training cannot run here at all (no PyTorch): says why, keeps Train off. */
    public void showUnavailable(String reason) {
        workspace.unavailableProperty().set(reason);
        failure.set(UiText.phrase("train.unavailable", reason));
    }

    // ---- runs ----

    /** Starts a run with the editor's network, the data and the settings; locks the editor meanwhile. */
    public void train() {
        Optional<TrainingConfig> config = workspace.settings();
        ImageDataset data = workspace.trainingData().orElse(null);
        if (workspace.isTraining() || whyNot.get().isPresent() || config.isEmpty() || data == null) {
            return;
        }
        NetworkSpec network = workspace.editor().getNetwork();
        Optional<TransferPlan> plan = workspace.resumeProperty().get() ? workspace.startPlan() : Optional.empty();
        WeightsSnapshot from = plan.isPresent() ? workspace.startingWeights().orElseThrow() : null;
        outcome.set(null);
        failure.set(null);
        workspace.editor().lockedProperty().set(true);
        int run = workspace.runsProperty().get() + 1;
        workspace.runStarting(new RunSetup(data, workspace.testData(), config.get(), run));
        TrainingEventPump events = new TrainingEventPump(event -> {
            // Events of a run that has ended (or was replaced) change nothing.
            if (run == workspace.runsProperty().get() && handle != null) {
                onEvent(event);
            }
        });
        lastConfig = config.get().withCpuOnly(workspace.gpuAvailableProperty().get()
                && workspace.cpuOnlyProperty().get());
        // Resuming is offered once per load or run: a later Train starts afresh unless ticked again.
        workspace.resumeProperty().set(false);
        try {
            TrainingPace pace = workspace.paceProperty().get();
            if (from == null) {
                handle = launcher.start(network, data, lastConfig, events, pace);
            } else if (plan.get().keepsAll() && Workspace.sameNetwork(from.spec(), network)) {
                handle = launcher.resume(network, data, lastConfig, events, from, pace);
            } else {
                handle = launcher.transfer(network, data, lastConfig, events, from, pace);
            }
        } catch (RuntimeException e) {
            handle = null;
            end(TrainingState.FAILED);
            failure.set(UiText.phrase("train.couldNotStart", e.getMessage()));
            return;
        }
        TrainingHandle started = handle;
        workspace.running(started);
        // at the narrated paces every batch is drawn (at most 20 a second), at full speed ten redraws a second
        redrawer = new SnapshotRedrawer(started::latest, workspace::showSnapshot,
                () -> workspace.paceProperty().get().showsEveryBatch());
        redrawer.start();
    }

    /** Pause while running, resume while paused; the engine acts between batches. */
    public void togglePause() {
        if (handle == null) {
            return;
        }
        if (workspace.stateProperty().get() == TrainingState.PAUSED) {
            handle.resume();
        } else {
            handle.pause();
        }
    }

    /**
     * One batch, then wait: switches to Step pace (the batch going is the step), or at Step pace lets the
     * next batch run; a paused run resumes for that one batch. Before a run it only chooses Step.
     */
    public void step() {
        boolean stepping = workspace.paceProperty().get() == TrainingPace.STEP;
        boolean paused = workspace.stateProperty().get() == TrainingState.PAUSED;
        workspace.paceProperty().set(TrainingPace.STEP);
        if (handle == null) {
            return;
        }
        if (stepping || paused) {
            awaitingStep.set(false);
            handle.step();
        }
        if (paused) {
            handle.resume();
        }
    }

    /** The next pace: Step, 1, 5, 20 batches a second, full speed, then Step again. */
    public void cyclePace() {
        workspace.paceProperty().set(workspace.paceProperty().get().next());
    }

    /** Asks the run to stop after the current batch. */
    public void stop() {
        if (handle != null) {
            handle.stop();
        }
    }

    /**
     * For the window closing mid-run: stops redrawing and closes the run on a separate thread, so the FX
     * thread never waits for the engine. The returned thread ends once the engine thread has.
     */
    public Optional<Thread> shutdown() {
        if (redrawer != null) {
            redrawer.stop();
            redrawer = null;
        }
        TrainingHandle run = handle;
        handle = null;
        if (run == null) {
            return Optional.empty();
        }
        Thread closer = new Thread(run::close, "training-shutdown");
        closer.start();
        return Optional.of(closer);
    }

    private void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started started) {
            workspace.deviceProperty().set(started.device());
            workspace.setState(TrainingState.RUNNING);
        } else if (event instanceof TrainingEvent.Paused) {
            workspace.setState(TrainingState.PAUSED);
        } else if (event instanceof TrainingEvent.Resumed) {
            workspace.setState(TrainingState.RUNNING);
        } else if (event instanceof TrainingEvent.Stepped) {
            awaitingStep.set(workspace.paceProperty().get() == TrainingPace.STEP);
        } else if (event instanceof TrainingEvent.Finished finished) {
            float best = finished.bestValidationAccuracy();
            UiText.Phrase how = finished.stoppedEarly() ? UiText.phrase("train.finishedBecause", earlyStop(finished))
                    : UiText.phrase("train.finished");
            end(TrainingState.FINISHED);
            outcome.set(Float.isNaN(best) ? how
                    : UiText.phrase("train.finishedBest", how, String.format(Locale.ROOT, "%.1f", 100 * best)));
        } else if (event instanceof TrainingEvent.Stopped stopped) {
            end(TrainingState.STOPPED);
            outcome.set(UiText.phrase("train.stoppedAfter", String.valueOf(stopped.epochsCompleted())));
        } else if (event instanceof TrainingEvent.Failed failed) {
            end(TrainingState.FAILED);
            failure.set(UiText.phrase("train.failed", failed.reasonKey() == null ? failed.reason()
                    : UiText.phrase(failed.reasonKey(), failed.reasonArgs().toArray())));
        }
        // EpochEnded needs nothing here: the next snapshot carries the epoch's numbers.
    }

    /** Why the run stopped before its last epoch: the patience ran out, said in the window's language. */
    private Object earlyStop(TrainingEvent.Finished finished) {
        int patience = lastConfig == null ? 0 : lastConfig.earlyStoppingPatience();
        return patience > 0 ? UiText.phrase("train.stoppedEarly", patience) : finished.reason();
    }

    /** Final redraw, timer off, the run's weights kept, editing back on. Safe to call twice. */
    private void end(TrainingState finalState) {
        awaitingStep.set(false);
        if (redrawer != null) {
            redrawer.redrawIfChanged();
            redrawer.stop();
            redrawer = null;
        }
        TrainingHandle run = handle;
        handle = null;
        if (run != null) {
            workspace.runEnded(run);
            // The engine thread is ending on its own; release its resources off the FX thread.
            Thread closer = new Thread(run::close, "training-close");
            closer.setDaemon(true);
            closer.start();
        }
        workspace.setState(finalState);
        workspace.editor().lockedProperty().set(false);
    }

    private String firstBlocker() {
        return blockers.stream().map(ObservableValue::getValue).filter(r -> r != null && !r.isEmpty()).findFirst()
                .orElse("");
    }

    private Optional<String> computeWhyNot() {
        ImageDataset dataset = workspace.datasetProperty().get();
        if (dataset == null) {
            String problem = workspace.datasetProblemProperty().get();
            return Optional.of(problem.isEmpty() ? text.get("train.loadingDataset") : problem);
        }
        if (!workspace.unavailableProperty().get().isEmpty()) {
            return Optional.of(text.get("train.unavailable", workspace.unavailableProperty().get()));
        }
        Optional<ImageDataset> data = workspace.trainingData();
        if (data.isEmpty()) {
            return Optional.of("The dataset has no images of classes " + workspace.classSubsetProperty().get()
                    + "; choose other classes");
        }
        NetworkSpec network = workspace.editor().getNetwork();
        Optional<String> misfit = DataFit.problem(network, data.get());
        if (misfit.isPresent()) {
            return Optional.of(whyNotFit(network, dataset).orElse(misfit.get()));
        }
        if (workspace.settings().isEmpty()) {
            UiText.Phrase problem = workspace.settingsProblemProperty().get();
            return Optional.of(problem == null ? text.get("train.checkSettings") : text.get(problem.key(), problem.args()));
        }
        return blockedElsewhere.get().isEmpty() ? Optional.empty() : Optional.of(blockedElsewhere.get());
    }

    /** {@link DataFit#problem}'s reason in the window's language, when it is one the bundles know. */
    private Optional<String> whyNotFit(NetworkSpec spec, ImageDataset data) {
        NetworkAnalysis analysis = spec.analyze();
        if (!analysis.isValid()) {
            UiText.Phrase first = ProblemText.phrase(spec, analysis.problems().get(0));
            return Optional.of(text.get(first.key(), first.args()));
        }
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        if (!spec.input().equals(images)) {
            return Optional.of(text.get("train.inputMismatch", spec.input().toString(), images.toString()));
        }
        if (spec.isBinaryHead() && data.numClasses() != 2) {
            return Optional.of(text.get("train.binaryHeadMisfit", String.valueOf(data.numClasses())));
        }
        int outputs = spec.outputClasses();
        if (outputs != data.numClasses()) {
            return Optional.of(text.get("train.classMismatch", String.valueOf(outputs),
                    String.valueOf(data.numClasses())));
        }
        return Optional.empty();
    }

    // ---- model files ----

    /**
     * Saves the last run's best-validation weights (its newest ones when no epoch ended, or the loaded
     * model when nothing was trained since) to {@code file}, atomically: a failed save keeps the old file.
     * {@link #fileMessageProperty()} says what happened; true when saved.
     */
    public boolean saveModel(Path file) {
        Optional<SavedModel> chosen;
        try {
            chosen = modelToSave();
        } catch (RuntimeException e) {
            fileMessage.set(UiText.phrase("train.couldNotSave", file.toString(), e.getMessage()));
            return false;
        }
        if (chosen.isEmpty()) {
            fileMessage.set(UiText.phrase("train.nothingToSave"));
            return false;
        }
        try {
            SavedModel m = chosen.get();
            ModelFile.write(file, m.spec(), m.parameters(), m.metadata());
        } catch (IOException | RuntimeException e) {
            fileMessage.set(UiText.phrase("train.couldNotSave", file.toString(), e.getMessage()));
            return false;
        }
        fileMessage.set(UiText.phrase(workspace.bestWeights().isPresent() ? "train.savedBest" : "train.savedModel",
                file.toString()));
        return true;
    }

    /**
     * What Save writes, and the Export menu's trained model: the last run's best-validation weights (its
     * newest ones when no epoch ended, or the loaded model when nothing was trained since) with their
     * metadata; empty when there are none. Call on the FX thread.
     */
    public Optional<SavedModel> modelToSave() {
        Optional<TaggedWeights> best = workspace.bestWeights();
        Optional<TaggedWeights> chosen = best.isPresent() ? best : workspace.newestWeights();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        WeightsSnapshot weights = chosen.get().weights();
        LoadedModel loaded = workspace.loadedModelProperty().get();
        boolean fromFile = chosen.get().tag().kind() == WeightsTag.Kind.LOADED && loaded != null;
        ModelMetadata metadata = fromFile ? loaded.model().metadata() : metadata(weights, best.isPresent());
        return Optional.of(new SavedModel(weights.spec(), weights.parameters(), metadata));
    }

    /**
     * Loads a model file: its network goes into the editor, its training settings into the form, its
     * weights into the views, and the next Train offers to resume from them. True when loaded.
     */
    public boolean loadModel(Path file) {
        if (workspace.isTraining()) {
            fileMessage.set(UiText.phrase("train.stopBeforeLoading"));
            return false;
        }
        SavedModel m;
        try {
            m = ModelFile.read(file);
        } catch (ModelFileException e) {
            fileMessage.set(UiText.phrase("train.couldNotLoad", e.getMessage()));
            return false;
        }
        String name = String.valueOf(file.getFileName());
        workspace.modelLoaded(new LoadedModel(m, name));
        // Going on as it was trained is the natural resume; every field stays editable.
        workspace.settingsProperty().set(Optional.of(m.metadata().training()));
        workspace.resumeProperty().set(true);
        OptionalDouble best = m.metadata().bestValidationAccuracy();
        String epochsTrained = String.valueOf(m.metadata().epochsTrained());
        UiText.Phrase loaded = best.isPresent()
                ? UiText.phrase("train.loadedBest", name, m.spec().name(), epochsTrained,
                        String.format(Locale.ROOT, "%.1f", 100 * best.getAsDouble()))
                : UiText.phrase("train.loaded", name, m.spec().name(), epochsTrained);
        Optional<String> fit = ModelFit.note(m, workspace.datasetProperty().get());
        fileMessage.set(fit.isPresent() ? UiText.phrase("train.loadedNote", loaded, fit.get()) : loaded);
        return true;
    }

    private ModelMetadata metadata(WeightsSnapshot weights, boolean best) {
        TrainingConfig config = lastConfig != null ? lastConfig : workspace.settings().orElse(TrainingConfig.defaults());
        int epochsTrained = 0;
        OptionalDouble bestAccuracy = OptionalDouble.empty();
        Optional<TrainingSnapshot> history = workspace.latestSnapshot();
        if (history.isPresent()) {
            epochsTrained = history.get().epochs().size();
            for (EpochMetrics e : history.get().epochs()) {
                if (e.hasValidation() && (bestAccuracy.isEmpty() || e.validationAccuracy() > bestAccuracy.getAsDouble())) {
                    bestAccuracy = OptionalDouble.of(e.validationAccuracy());
                    // the saved weights are the best epoch's, as in a CLI checkpoint
                    epochsTrained = best ? e.epoch() : epochsTrained;
                }
            }
        }
        // what the run trained on: the chosen classes only
        Optional<RunSetup> run = workspace.lastRun();
        ImageDataset data = run.isPresent() && run.get().data().classNames().equals(weights.classNames())
                ? run.get().data() : workspace.datasetProperty().get();
        String description = data == null ? "unknown" : data.n() + " images " + data.height() + "×" + data.width()
                + "×" + data.channels() + ", " + data.numClasses() + " classes";
        return ModelMetadata.create(weights.classNames(), weights.normalization(), description, epochsTrained,
                bestAccuracy, config);
    }
}
