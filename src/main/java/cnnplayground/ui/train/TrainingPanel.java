package cnnplayground.ui.train;

import cnnplayground.data.ClassSubset;
import cnnplayground.data.ImageDataset;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.EpochMetrics;
import cnnplayground.engine.ModelFile;
import cnnplayground.engine.ModelFileException;
import cnnplayground.engine.ModelMetadata;
import cnnplayground.engine.SavedModel;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.TrainingProgress;
import cnnplayground.engine.TrainingSnapshot;
import cnnplayground.engine.TrainingState;
import cnnplayground.engine.TransferPlan;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import cnnplayground.ui.RefreshWhenShown;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.builder.ProblemText;
import cnnplayground.ui.i18n.UiText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
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
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Hyper-parameters, Train / Pause / Stop, progress with ETA, and the live loss and accuracy charts.
 * Train is enabled only when the network is valid, fits the dataset and the settings are good;
 * the reason it is not is shown under the buttons.
 */
public final class TrainingPanel extends VBox {

    private final NetworkEditorModel model;
    private final TrainingLauncher launcher;
    private final UiText text;
    private final HyperParameterForm hyperParameters;
    private final Button trainButton = new Button();
    private final Button pauseButton = new Button();
    private final Button stopButton = new Button();
    private final Button saveButton = new Button();
    private final Button loadButton = new Button();
    private final CheckBox resumeCheck = new CheckBox();
    private final CheckBox cpuOnlyCheck = new CheckBox();
    private final BooleanProperty gpuAvailable =
            new SimpleBooleanProperty(this, "gpuAvailable", false);
    private final Label fileStatus = new Label();
    private final ObjectProperty<SavedModel> loaded = new SimpleObjectProperty<>(this, "loaded");
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label etaText = new Label("");
    private final Label blockedReason = new Label();
    private final Label failure = new Label();
    private final TrainingCharts charts;
    private final AugmentationPreview preview;
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<ImageDataset> testSet = new SimpleObjectProperty<>(this, "testSet");
    private final ObjectProperty<ClassSubset> classSubset = new SimpleObjectProperty<>(this, "classSubset",
            ClassSubset.ALL);
    private final StringProperty datasetProblem = new SimpleStringProperty(this, "datasetProblem", "");
    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ObjectBinding<Optional<String>> whyNot;
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final StringProperty unavailable = new SimpleStringProperty(this, "unavailable", "");
    private final ReadOnlyIntegerWrapper runs = new ReadOnlyIntegerWrapper(this, "runs", 0);
    /** The first non-empty reason of {@link #blockers}: other parts of the window keeping Train off. */
    private final StringProperty blockedElsewhere = new SimpleStringProperty(this, "blockedElsewhere", "");
    private final List<ObservableValue<String>> blockers = new ArrayList<>();
    private TrainingHandle handle;
    /** The last dataset cut down to the chosen classes, and what it was cut from (FX thread). */
    private ImageDataset subsetOf;
    private ClassSubset subsetChosen;
    private Optional<ImageDataset> subsetData = Optional.empty();
    private WeightsSnapshot lastWeights;
    private RunSetup lastRun;
    private TrainingSnapshot lastSnapshot;
    private WeightsSnapshot lastBest;
    private TrainingConfig lastConfig;
    private SnapshotRedrawer redrawer;
    /** What the charts are to show next; kept while the Training tab is hidden and drawn when it shows. */
    private TrainingSnapshot chartSnapshot;
    private long chartStepsPerEpoch = 1;
    private final RefreshWhenShown chartRedraw = new RefreshWhenShown(this::drawCharts);
    private int epochs;

    public TrainingPanel(NetworkEditorModel model, TrainingLauncher launcher) {
        this(model, launcher, new UiText());
    }

    public TrainingPanel(NetworkEditorModel model, TrainingLauncher launcher, UiText text) {
        this.model = model;
        this.launcher = launcher;
        this.text = text;
        hyperParameters = new HyperParameterForm(TrainingConfig.defaults(), text);
        charts = new TrainingCharts(text);
        preview = new AugmentationPreview(text);
        trainButton.textProperty().bind(text.text("train.train"));
        stopButton.textProperty().bind(text.text("train.stop"));
        saveButton.textProperty().bind(text.text("train.saveModel"));
        loadButton.textProperty().bind(text.text("train.loadModel"));
        resumeCheck.textProperty().bind(text.text("train.resumeFromLoaded"));
        cpuOnlyCheck.textProperty().bind(text.text("train.cpuOnly"));
        progressText.textProperty().bind(text.text("train.notStarted"));
        setId("trainingPanel");
        getStyleClass().add("training-panel");
        Label title = new Label();
        title.textProperty().bind(text.text("train.title"));
        title.getStyleClass().add("section-title");

        trainButton.setId("trainButton");
        trainButton.getStyleClass().add("train-button");
        pauseButton.setId("pauseButton");
        stopButton.setId("stopButton");
        HBox buttons = new HBox(8, trainButton, pauseButton, stopButton);
        buttons.setAlignment(Pos.CENTER_LEFT);

        whyNot = Bindings.createObjectBinding(this::computeWhyNot, model.analysisProperty(),
                hyperParameters.configProperty(), dataset, datasetProblem, state, unavailable, blockedElsewhere,
                text.languageProperty(), classSubset);
        trainButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> whyNot.get().isPresent() || isRunning(), whyNot, state));
        pauseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !isRunning(), state));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        hyperParameters.disableProperty().bind(Bindings.createBooleanBinding(this::isRunning, state));
        pauseButton.textProperty().bind(Bindings.when(state.isEqualTo(TrainingState.PAUSED))
                .then(text.text("train.resume")).otherwise(text.text("train.pause")));
        trainButton.setOnAction(e -> train());
        pauseButton.setOnAction(e -> togglePause());
        stopButton.setOnAction(e -> stop());

        blockedReason.setId("trainBlockedReason");
        blockedReason.getStyleClass().add("train-blocked");
        blockedReason.setWrapText(true);
        blockedReason.textProperty().bind(Bindings.createStringBinding(
                () -> isRunning() ? "" : whyNot.get().orElse(""), whyNot, state));
        blockedReason.visibleProperty().bind(blockedReason.textProperty().isNotEmpty());
        blockedReason.managedProperty().bind(blockedReason.visibleProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(blockedReason.textProperty());
        Tooltip.install(buttons, why);

        failure.setId("trainingFailure");
        failure.getStyleClass().add("training-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        // Wrapped labels in a VBox report one line unless told to take their preferred height.
        failure.setMinHeight(Region.USE_PREF_SIZE);
        blockedReason.setMinHeight(Region.USE_PREF_SIZE);
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());

        progressBar.setId("trainingProgress");
        progressBar.getStyleClass().add("training-progress");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("progressText");
        progressText.getStyleClass().add("progress-text");
        etaText.setId("etaText");
        etaText.getStyleClass().add("eta-text");
        HBox progressLine = new HBox(12, progressText, etaText);

        saveButton.setId("saveModelButton");
        loadButton.setId("loadModelButton");
        saveButton.setOnAction(e -> chooseFile(true).ifPresent(this::saveModel));
        loadButton.setOnAction(e -> chooseFile(false).ifPresent(this::loadModel));
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> isRunning() || (lastWeights == null && loaded.get() == null), state, loaded, runs));
        loadButton.disableProperty().bind(Bindings.createBooleanBinding(this::isRunning, state));
        resumeCheck.setId("resumeCheck");
        // Resuming needs weights whose layers fit the edited network: the very network, or one with a
        // replaced head or other frozen layers (transfer learning).
        resumeCheck.visibleProperty().bind(Bindings.createBooleanBinding(() -> startPlan().isPresent(),
                loaded, model.networkProperty(), state, dataset, classSubset));
        resumeCheck.managedProperty().bind(resumeCheck.visibleProperty());
        resumeCheck.disableProperty().bind(hyperParameters.disableProperty());
        cpuOnlyCheck.setId("cpuOnlyCheck");
        Tooltip cpuOnlyTip = new Tooltip();
        cpuOnlyTip.textProperty().bind(text.text("train.cpuOnlyTip"));
        cpuOnlyCheck.setTooltip(cpuOnlyTip);
        // Only a choice when there is a GPU to turn down.
        cpuOnlyCheck.visibleProperty().bind(gpuAvailable);
        cpuOnlyCheck.managedProperty().bind(cpuOnlyCheck.visibleProperty());
        cpuOnlyCheck.disableProperty().bind(hyperParameters.disableProperty());
        fileStatus.setId("modelFileStatus");
        fileStatus.getStyleClass().add("model-file-status");
        fileStatus.setWrapText(true);
        fileStatus.setMinHeight(Region.USE_PREF_SIZE);
        HBox files = new HBox(8, saveButton, loadButton);
        files.setAlignment(Pos.CENTER_LEFT);

        // The rarer knobs fold away, so the charts keep their room.
        TitledPane more = new TitledPane(null, hyperParameters.moreSettings());
        more.textProperty().bind(text.text("train.moreSettings"));
        more.setId("moreSettingsPane");
        more.setExpanded(false);
        preview.datasetProperty().bind(dataset);
        hyperParameters.configProperty().addListener((obs, was, now) ->
                now.ifPresent(c -> preview.augmentationProperty().set(c.augmentation())));
        hyperParameters.getConfig().ifPresent(c -> preview.augmentationProperty().set(c.augmentation()));
        TitledPane augmentation = new TitledPane(null,
                new HBox(16, hyperParameters.augmentationSettings(), preview));
        augmentation.textProperty().bind(text.text("train.augmentation"));
        augmentation.setId("augmentationPane");
        augmentation.setExpanded(false);
        for (TitledPane pane : List.of(more, augmentation)) {
            // Opened, they take their full height; the charts give way.
            pane.setAnimated(false);
            pane.setMinHeight(Region.USE_PREF_SIZE);
        }
        more.disableProperty().bind(hyperParameters.disableProperty());
        hyperParameters.augmentationSettings().disableProperty().bind(hyperParameters.disableProperty());

        charts.setId("trainingCharts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(title, hyperParameters, more, augmentation, cpuOnlyCheck, buttons, resumeCheck,
                blockedReason, failure, progressBar, progressLine, files, fileStatus, charts);
        setMinWidth(360);
        setPrefWidth(440);
    }

    public ObjectProperty<ImageDataset> datasetProperty() {
        return dataset;
    }

    /** Which classes of the dataset to train on (transfer learning); {@link ClassSubset#ALL} by default. */
    public ObjectProperty<ClassSubset> classSubsetProperty() {
        return classSubset;
    }

    /** The dataset cut down to the chosen classes; empty without a dataset or when none of them is there. */
    public Optional<ImageDataset> trainingData() {
        return chosenClasses(dataset.get());
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

    /**
     * The weights Train starts from when "Resume" is ticked: the last run's best epoch (else its latest
     * weights), or the loaded model's; empty while a run goes or before any.
     */
    public Optional<WeightsSnapshot> startingWeights() {
        if (isRunning()) {
            return Optional.empty();
        }
        return Optional.ofNullable(lastBest != null ? lastBest : lastWeights);
    }

    /**
     * Which layers would keep {@link #startingWeights()} if Train started from them now with the edited
     * network on {@link #trainingData()}; empty when there are no weights, the network does not fit the
     * data, or no layer matches.
     */
    public Optional<TransferPlan> startPlan() {
        Optional<WeightsSnapshot> from = startingWeights();
        Optional<ImageDataset> data = trainingData();
        if (from.isEmpty() || data.isEmpty() || DataFit.problem(model.getNetwork(), data.get()).isPresent()
                || !from.get().spec().analyze().isValid()) {
            return Optional.empty();
        }
        TransferPlan plan = TransferPlan.of(from.get().spec(), from.get().classNames(), model.getNetwork(),
                data.get().classNames());
        return plan.kept().isEmpty() ? Optional.empty() : Optional.of(plan);
    }

    /** Puts another row of settings above Train (the transfer-learning row). */
    public void addSettingsRow(javafx.scene.Node row) {
        getChildren().add(getChildren().indexOf(cpuOnlyCheck), row);
    }

    /** What to say while there is no dataset: loading, or why it could not be read. */
    public StringProperty datasetProblemProperty() {
        return datasetProblem;
    }

    /** The current run's state; {@code null} before the first run. */
    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TrainingCharts charts() {
        return charts;
    }

    /** Whether the charts are on screen: off, they skip redraws and catch up when shown. */
    public BooleanProperty chartsShownProperty() {
        return chartRedraw.shownProperty();
    }

    public AugmentationPreview augmentationPreview() {
        return preview;
    }

    public HyperParameterForm hyperParameters() {
        return hyperParameters;
    }

    /** Why Train is disabled right now, or empty when it is enabled (or a run is going). */
    public Optional<String> whyNotTrain() {
        return whyNot.get();
    }

    /**
     * Another part of the window's reason to keep Train off ("" for none), e.g. a network too big for the
     * memory or a dataset still loading; shown under the buttons like the panel's own reasons, after them.
     */
    public void addBlocker(ObservableValue<String> reason) {
        blockers.add(reason);
        reason.addListener((obs, was, now) -> blockedElsewhere.set(firstBlocker()));
        blockedElsewhere.set(firstBlocker());
    }

    private String firstBlocker() {
        return blockers.stream().map(ObservableValue::getValue).filter(r -> r != null && !r.isEmpty()).findFirst()
                .orElse("");
    }

    /** Whether a run is going (starting, running or paused). */
    public boolean isTraining() {
        return isRunning();
    }

    /** Training cannot run here at all (no PyTorch): says why, keeps Train off. */
    public void showUnavailable(String reason) {
        unavailable.set(reason);
        showFailure(UiText.phrase("train.unavailable", reason));
    }

    /** The device the last run reported in its {@code Started} event. */
    public StringProperty deviceProperty() {
        return device;
    }

    /**
     * The newest copy of the weights of the running run, or of the last run once it has ended (so the
     * live views keep working after training); empty before any run has trained a batch. Lock-free.
     */
    public Optional<WeightsSnapshot> latestWeights() {
        if (handle != null) {
            handle.latestWeights().ifPresent(w -> lastWeights = w);
        }
        return Optional.ofNullable(lastWeights);
    }

    /**
     * The newest snapshot of the running run, or of the last run once it has ended; empty before
     * any run started. Lock-free.
     */
    public Optional<TrainingSnapshot> latestSnapshot() {
        if (handle != null) {
            lastSnapshot = handle.latest();
        }
        return Optional.ofNullable(lastSnapshot);
    }

    /** What the latest run trained on and with; empty before any run started. FX thread. */
    public Optional<RunSetup> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /** The test split that goes with the training dataset, or null when the dataset has none. */
    public ObjectProperty<ImageDataset> testSetProperty() {
        return testSet;
    }

    /**
     * The dataset, its test split (if any) and the settings a run was started with (its validation
     * split follows from them), kept together so a later dataset switch does not mix them up.
     */
    public record RunSetup(ImageDataset data, Optional<ImageDataset> test, TrainingConfig config) {
    }

    /** Runs started so far; goes up as Train starts a run, before its first batch. */
    public ReadOnlyIntegerProperty runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** Starts a run with the edited network, the dataset and the settings; locks the editor meanwhile. */
    public void train() {
        Optional<TrainingConfig> config = hyperParameters.getConfig();
        ImageDataset data = trainingData().orElse(null);
        if (isRunning() || whyNot.get().isPresent() || config.isEmpty() || data == null) {
            return;
        }
        Optional<TransferPlan> plan = resumeCheck.isVisible() && resumeCheck.isSelected() ? startPlan()
                : Optional.empty();
        WeightsSnapshot from = plan.isPresent() ? startingWeights().orElseThrow() : null;
        chartSnapshot = null;
        charts.clear();
        failure.setVisible(false);
        progressBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.textProperty().bind(text.text("train.starting"));
        UiText.clear(etaText.textProperty());
        epochs = config.get().epochs();
        model.lockedProperty().set(true);
        state.set(TrainingState.STARTING);
        // the previous run's weights and numbers are not this run's: the live views start afresh
        lastWeights = null;
        lastRun = new RunSetup(data, chosenClasses(testSet.get()), config.get());
        lastSnapshot = null;
        int run = runs.get() + 1;
        runs.set(run);
        TrainingEventPump runPump = new TrainingEventPump(event -> {
            // Events of a run that has ended (or was replaced) change nothing.
            if (run == runs.get() && handle != null) {
                onEvent(event);
            }
        });
        lastBest = null;
        lastConfig = config.get().withCpuOnly(gpuAvailable.get() && cpuOnlyCheck.isSelected());
        // Resuming is offered once per load: a later Train starts afresh unless ticked again.
        resumeCheck.setSelected(false);
        try {
            if (from == null) {
                handle = launcher.start(model.getNetwork(), data, lastConfig, runPump);
            } else if (plan.get().keepsAll()
                    && from.spec().withAllTrainable().equals(model.getNetwork().withAllTrainable())) {
                handle = launcher.resume(model.getNetwork(), data, lastConfig, runPump, from);
            } else {
                handle = launcher.transfer(model.getNetwork(), data, lastConfig, runPump, from);
            }
        } catch (RuntimeException e) {
            handle = null;
            end(TrainingState.FAILED);
            showFailure(UiText.phrase("train.couldNotStart", e.getMessage()));
            return;
        }
        TrainingHandle started = handle;
        redrawer = new SnapshotRedrawer(started::latest, this::redraw);
        redrawer.start();
    }

    /** Whether PyTorch found a GPU; shows "Use CPU only" when it did. The app sets it once loaded. */
    public BooleanProperty gpuAvailableProperty() {
        return gpuAvailable;
    }

    public CheckBox cpuOnlyCheck() {
        return cpuOnlyCheck;
    }

    /** The model file loaded last, until a run of another network replaces it; null for none. */
    public ReadOnlyObjectProperty<SavedModel> loadedModelProperty() {
        return loaded;
    }

    /** Whether Train will go on from the loaded model's weights rather than start afresh. */
    public CheckBox resumeCheck() {
        return resumeCheck;
    }

    /**
     * Saves the last run's best-validation weights (the latest ones when no epoch ended, or the loaded
     * model's when nothing was trained since) to {@code file}, atomically: a failed save keeps the old
     * file. Says what happened under the buttons; true when saved.
     */
    public boolean saveModel(Path file) {
        latestWeights();
        if (handle != null && handle.bestWeights().isPresent()) {
            lastBest = handle.bestWeights().get();
        }
        WeightsSnapshot weights = lastBest != null ? lastBest : lastWeights;
        try {
            if (weights == null && loaded.get() != null) {
                SavedModel m = loaded.get();
                ModelFile.write(file, m.spec(), m.parameters(), m.metadata());
            } else if (weights != null) {
                ModelFile.write(file, weights.spec(), weights.parameters(), metadata(weights));
            } else {
                fileStatus.textProperty().bind(text.text("train.nothingToSave"));
                return false;
            }
        } catch (IOException | RuntimeException e) {
            fileStatus.textProperty().bind(text.text("train.couldNotSave", file.toString(), e.getMessage()));
            return false;
        }
        String saved = weights != null && weights == lastBest ? "train.savedBest" : "train.savedModel";
        fileStatus.textProperty().bind(text.text(saved, file.toString()));
        return true;
    }

    /**
     * Loads a model file: its network goes into the editor, its training settings into the form, its
     * weights into the live views (through
     * {@link #latestWeights()}), and the next Train offers to resume from them. True when loaded.
     */
    public boolean loadModel(Path file) {
        if (isRunning()) {
            fileStatus.textProperty().bind(text.text("train.stopBeforeLoading"));
            return false;
        }
        SavedModel m;
        try {
            m = ModelFile.read(file);
        } catch (ModelFileException e) {
            fileStatus.textProperty().bind(text.text("train.couldNotLoad", e.getMessage()));
            return false;
        }
        model.setNetwork(m.spec());
        // Going on as it was trained is the natural resume; every field stays editable.
        hyperParameters.show(m.metadata().training());
        lastWeights = m.weights();
        lastBest = null;
        lastSnapshot = null;
        loaded.set(m);
        resumeCheck.setSelected(true);
        OptionalDouble best = m.metadata().bestValidationAccuracy();
        String name = String.valueOf(file.getFileName());
        String epochsTrained = String.valueOf(m.metadata().epochsTrained());
        String fitNote = ModelFit.note(m, dataset.get()).map(n -> ". " + n).orElse("");
        fileStatus.textProperty().bind(Bindings.concat(best.isPresent()
                ? text.text("train.loadedBest", name, m.spec().name(), epochsTrained,
                        String.format(Locale.ROOT, "%.1f", 100 * best.getAsDouble()))
                : text.text("train.loaded", name, m.spec().name(), epochsTrained), fitNote));
        return true;
    }

    private ModelMetadata metadata(WeightsSnapshot weights) {
        TrainingConfig config = lastConfig != null ? lastConfig : hyperParameters.getConfig()
                .orElse(TrainingConfig.defaults());
        int epochsTrained = 0;
        OptionalDouble best = OptionalDouble.empty();
        if (lastSnapshot != null) {
            epochsTrained = lastSnapshot.epochs().size();
            for (EpochMetrics e : lastSnapshot.epochs()) {
                if (e.hasValidation() && (best.isEmpty() || e.validationAccuracy() > best.getAsDouble())) {
                    best = OptionalDouble.of(e.validationAccuracy());
                    // the saved weights are the best epoch's, as in a CLI checkpoint
                    epochsTrained = weights == lastBest ? e.epoch() : epochsTrained;
                }
            }
        }
        // what the run trained on: the chosen classes only
        ImageDataset data = lastRun != null && lastRun.data().classNames().equals(weights.classNames())
                ? lastRun.data() : dataset.get();
        String description = data == null ? "unknown" : data.n() + " images " + data.height() + "×" + data.width()
                + "×" + data.channels() + ", " + data.numClasses() + " classes";
        return ModelMetadata.create(weights.classNames(), weights.normalization(), description, epochsTrained, best,
                config);
    }

    private Optional<Path> chooseFile(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? text.get("train.chooserSave") : text.get("train.chooserLoad"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("train.chooserFilter"), "*.cnnmodel",
                "*.zip"));
        if (save) {
            chooser.setInitialFileName(model.getNetwork().name() + ".cnnmodel");
        }
        File chosen = save ? chooser.showSaveDialog(getScene().getWindow())
                : chooser.showOpenDialog(getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    /** Pause while running, resume while paused; the engine acts between batches. */
    public void togglePause() {
        if (handle == null) {
            return;
        }
        if (state.get() == TrainingState.PAUSED) {
            handle.resume();
        } else {
            handle.pause();
        }
    }

    public void stop() {
        if (handle != null) {
            handle.stop();
        }
    }

    /**
     * For the window closing mid-run: stops redrawing and closes the run on a separate thread, so the
     * FX thread never waits for the engine. The returned thread ends once the engine thread has.
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
        if (event instanceof TrainingEvent.Started) {
            device.set(((TrainingEvent.Started) event).device());
            state.set(TrainingState.RUNNING);
        } else if (event instanceof TrainingEvent.Paused) {
            state.set(TrainingState.PAUSED);
        } else if (event instanceof TrainingEvent.Resumed) {
            state.set(TrainingState.RUNNING);
        } else if (event instanceof TrainingEvent.Finished) {
            end(TrainingState.FINISHED);
            TrainingEvent.Finished finished = (TrainingEvent.Finished) event;
            float best = finished.bestValidationAccuracy();
            UiText.Phrase how = finished.stoppedEarly() ? UiText.phrase("train.finishedBecause", earlyStop(finished))
                    : UiText.phrase("train.finished");
            text.show(progressText.textProperty(), Float.isNaN(best) ? how
                    : UiText.phrase("train.finishedBest", how, String.format(Locale.ROOT, "%.1f", 100 * best)));
        } else if (event instanceof TrainingEvent.Stopped) {
            end(TrainingState.STOPPED);
            progressText.textProperty().bind(text.text("train.stoppedAfter",
                    String.valueOf(((TrainingEvent.Stopped) event).epochsCompleted())));
        } else if (event instanceof TrainingEvent.Failed) {
            end(TrainingState.FAILED);
            TrainingEvent.Failed failed = (TrainingEvent.Failed) event;
            showFailure(UiText.phrase("train.failed", failed.reasonKey() == null ? failed.reason()
                    : UiText.phrase(failed.reasonKey(), failed.reasonArgs().toArray())));
        }
        // EpochEnded needs nothing here: the next snapshot carries the epoch's numbers.
    }

    /** Why the run stopped before its last epoch: the patience ran out, said in the window's language. */
    private Object earlyStop(TrainingEvent.Finished finished) {
        int patience = lastConfig == null ? 0 : lastConfig.earlyStoppingPatience();
        return patience > 0 ? UiText.phrase("train.stoppedEarly", patience) : finished.reason();
    }

    private void redraw(TrainingSnapshot snapshot) {
        chartSnapshot = snapshot;
        chartStepsPerEpoch = epochs > 0 && snapshot.progress().totalSteps() > 0
                ? Math.max(1, snapshot.progress().totalSteps() / epochs) : 1;
        chartRedraw.request();
        if (!snapshot.state().isFinal()) {
            showProgress(snapshot, epochs, state.get() == TrainingState.PAUSED);
        }
    }

    private void drawCharts() {
        if (chartSnapshot != null) {
            charts.show(chartSnapshot, chartStepsPerEpoch);
        }
    }

    /** Final redraw, timer off, editing back on. Safe to call twice. */
    private void end(TrainingState finalState) {
        if (redrawer != null) {
            redrawer.redrawIfChanged();
            redrawer.stop();
            redrawer = null;
        }
        TrainingHandle run = handle;
        handle = null;
        if (run != null) {
            run.latestWeights().ifPresent(w -> lastWeights = w);
            run.bestWeights().ifPresent(w -> lastBest = w);
            lastSnapshot = run.latest();
            // The engine thread is ending on its own; release its resources off the FX thread.
            Thread closer = new Thread(run::close, "training-close");
            closer.setDaemon(true);
            closer.start();
        }
        if (finalState == TrainingState.FINISHED) {
            progressBar.setProgress(1);
        } else if (progressBar.getProgress() < 0) {
            progressBar.setProgress(0);
        }
        UiText.clear(etaText.textProperty());
        state.set(finalState);
        model.lockedProperty().set(false);
    }

    private void showFailure(UiText.Phrase message) {
        text.show(failure.textProperty(), message);
        failure.setVisible(true);
    }

    private boolean isRunning() {
        TrainingState s = state.get();
        return s != null && !s.isFinal();
    }

    private Optional<String> computeWhyNot() {
        if (dataset.get() == null) {
            return Optional.of(datasetProblem.get().isEmpty() ? text.get("train.loadingDataset") : datasetProblem.get());
        }
        if (!unavailable.get().isEmpty()) {
            return Optional.of(text.get("train.unavailable", unavailable.get()));
        }
        if (trainingData().isEmpty()) {
            return Optional.of("The dataset has no images of classes " + classSubset.get()
                    + "; choose other classes");
        }
        Optional<String> network = DataFit.problem(model.getNetwork(), trainingData().get());
        if (network.isPresent()) {
            return Optional.of(whyNotFit(model.getNetwork(), dataset.get()).orElse(network.get()));
        }
        if (hyperParameters.getConfig().isEmpty()) {
            return Optional.of(hyperParameters.firstProblem().orElse(text.get("train.checkSettings")));
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
        int outputs = analysis.outputShape().map(Shape::channels).orElse(data.numClasses());
        if (outputs != data.numClasses()) {
            return Optional.of(text.get("train.classMismatch", String.valueOf(outputs),
                    String.valueOf(data.numClasses())));
        }
        return Optional.empty();
    }

    /** Progress bar and text from a snapshot. */
    private void showProgress(TrainingSnapshot snapshot, int epochs, boolean paused) {
        TrainingProgress p = snapshot.progress();
        progressBar.setProgress(p.totalSteps() == 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
        long perEpoch = epochs > 0 && p.totalSteps() > 0 ? Math.max(1, p.totalSteps() / epochs) : 0;
        if (perEpoch > 0) {
            long epoch = Math.min(epochs, p.stepsDone() / perEpoch + 1);
            long batch = p.stepsDone() - (epoch - 1) * perEpoch;
            UiText.Phrase progress = UiText.phrase("train.progress", String.valueOf(epoch), String.valueOf(epochs),
                    String.valueOf(batch), String.valueOf(perEpoch));
            text.show(progressText.textProperty(), paused ? UiText.phrase("train.paused", progress) : progress);
        }
        Object eta = p.eta().<Object>map(TrainingPanel::format).orElse(UiText.phrase("train.etaUnknown"));
        etaText.textProperty().bind(text.text("train.eta", eta, String.format(Locale.ROOT, "%.0f", p.imagesPerSecond())));
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
