package cnnplayground.ui.train;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.DataFit;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingHandle.TrainingProgress;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.ui.RefreshWhenShown;
import cnnplayground.ui.WrappingRow;
import cnnplayground.ui.data.NetworkAdaptation;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.RunController;
import cnnplayground.ui.workspace.RunSetup;
import cnnplayground.ui.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
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
 * The Training tab: the hyper-parameters, Train / Pause / Stop, the pace ({@link PaceControl}), progress with ETA, Save and Load, and the
 * live loss and accuracy charts. It shows the {@link Workspace} (its settings, the run's state and
 * snapshots) and sends the {@link RunController} its commands. Train is enabled only when the network is
 * valid, fits the dataset and the settings are good; the reason it is not is shown under the buttons.
 */
public final class TrainingPanel extends VBox {

    private final Workspace workspace;
    private final RunController runs;
    private final UiText text;
    private final HyperParameterForm hyperParameters;
    private final Button trainButton = new Button();
    private final Button pauseButton = new Button();
    private final Button stopButton = new Button();
    private final Button saveButton = new Button();
    private final Button loadButton = new Button();
    private final CheckBox resumeCheck = new CheckBox();
    private final CheckBox cpuOnlyCheck = new CheckBox();
    private final Label fileStatus = new Label();
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label etaText = new Label("");
    private final Label blockedReason = new Label();
    private final Button adaptButton = new Button();
    /** How to make the edited network fit the dataset when that is all that keeps Train off; else null. */
    private NetworkAdaptation adaptation;
    private final Label failure = new Label();
    private final TrainingCharts charts;
    private final AugmentationPreview preview;
    /** What the charts are to show next; kept while the Training tab is hidden and drawn when it shows. */
    private TrainingSnapshot chartSnapshot;
    private long chartStepsPerEpoch = 1;
    private final RefreshWhenShown chartRedraw = new RefreshWhenShown(this::drawCharts);
    /** Set while the form shows settings the workspace was given, so its passing states are not written back. */
    private boolean showingSettings;

    public TrainingPanel(Workspace workspace, RunController runs, UiText text) {
        this.workspace = workspace;
        this.runs = runs;
        this.text = text;
        hyperParameters = new HyperParameterForm(workspace.settings().orElse(TrainingConfig.defaults()), text);
        charts = new TrainingCharts(text);
        preview = new AugmentationPreview(text);
        setId("trainingPanel");
        getStyleClass().add("training-panel");
        Label title = new Label();
        title.textProperty().bind(text.text("train.title"));
        title.getStyleClass().add("section-title");
        followSettings();
        // while a run goes the settings stay as it started with them
        hyperParameters.disableProperty().bind(Bindings.createBooleanBinding(workspace::isTraining,
                workspace.stateProperty()));
        List<TitledPane> folded = foldedSettings();
        HBox buttons = runButtons();
        reasons(buttons);
        HBox progressLine = progress();
        HBox files = files();
        charts.setId("trainingCharts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        PaceControl pace = new PaceControl(workspace, runs, text, "pace");
        getChildren().addAll(title, hyperParameters, folded.get(0), folded.get(1), cpuOnlyCheck, buttons, pace,
                resumeCheck, blockedReason, adaptButton, failure, progressBar, progressLine, files, fileStatus, charts);
        setMinWidth(360);
        setPrefWidth(440);
    }

    /** More settings and augmentation (with its preview), folded away so the charts keep their room. */
    private List<TitledPane> foldedSettings() {
        TitledPane more = new TitledPane(null, hyperParameters.moreSettings());
        more.textProperty().bind(text.text("train.moreSettings"));
        more.setId("moreSettingsPane");
        more.setExpanded(false);
        preview.datasetProperty().bind(workspace.datasetProperty());
        hyperParameters.configProperty().addListener((obs, was, now) ->
                now.ifPresent(c -> preview.augmentationProperty().set(c.augmentation())));
        hyperParameters.getConfig().ifPresent(c -> preview.augmentationProperty().set(c.augmentation()));
        // the preview goes under the settings where the tab is narrow (presenting beside the lessons), rather than
        // the pane being wider than the tab
        WrappingRow settingsAndPreview = new WrappingRow(16, 8, hyperParameters.augmentationSettings(), preview);
        settingsAndPreview.setAlignment(Pos.TOP_LEFT);
        settingsAndPreview.setRowValignment(VPos.TOP);
        TitledPane augmentation = new TitledPane(null, settingsAndPreview);
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
        return List.of(more, augmentation);
    }

    /** Train, Pause/Resume and Stop; "Use CPU only" and "Resume from the loaded weights" around them. */
    private HBox runButtons() {
        var state = workspace.stateProperty();
        trainButton.textProperty().bind(text.text("train.train"));
        stopButton.textProperty().bind(text.text("train.stop"));
        trainButton.setId("trainButton");
        trainButton.getStyleClass().add("train-button");
        pauseButton.setId("pauseButton");
        stopButton.setId("stopButton");
        trainButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> runs.whyNotTrain().isPresent() || workspace.isTraining(), runs.whyNotProperty(), state));
        pauseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !workspace.isTraining(), state));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        pauseButton.textProperty().bind(Bindings.when(state.isEqualTo(TrainingState.PAUSED))
                .then(text.text("train.resume")).otherwise(text.text("train.pause")));
        trainButton.setOnAction(e -> runs.train());
        pauseButton.setOnAction(e -> runs.togglePause());
        stopButton.setOnAction(e -> runs.stop());

        resumeCheck.textProperty().bind(text.text("train.resumeFromLoaded"));
        resumeCheck.setId("resumeCheck");
        resumeCheck.selectedProperty().bindBidirectional(workspace.resumeProperty());
        // Resuming needs weights whose layers fit the edited network: the very network, or one with a
        // replaced head or other frozen layers (transfer learning).
        resumeCheck.visibleProperty().bind(Bindings.createBooleanBinding(() -> workspace.startPlan().isPresent(),
                workspace.loadedModelProperty(), workspace.editor().networkProperty(), state,
                workspace.datasetProperty(), workspace.classSubsetProperty()));
        resumeCheck.managedProperty().bind(resumeCheck.visibleProperty());
        resumeCheck.disableProperty().bind(hyperParameters.disableProperty());
        cpuOnlyCheck.textProperty().bind(text.text("train.cpuOnly"));
        cpuOnlyCheck.setId("cpuOnlyCheck");
        cpuOnlyCheck.selectedProperty().bindBidirectional(workspace.cpuOnlyProperty());
        Tooltip cpuOnlyTip = new Tooltip();
        cpuOnlyTip.textProperty().bind(text.text("train.cpuOnlyTip"));
        cpuOnlyCheck.setTooltip(cpuOnlyTip);
        // Only a choice when there is a GPU to turn down.
        cpuOnlyCheck.visibleProperty().bind(workspace.gpuAvailableProperty());
        cpuOnlyCheck.managedProperty().bind(cpuOnlyCheck.visibleProperty());
        cpuOnlyCheck.disableProperty().bind(hyperParameters.disableProperty());
        HBox buttons = new HBox(8, trainButton, pauseButton, stopButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /** Why Train is off (also as the buttons' tooltip), and why the last run failed. */
    private void reasons(HBox buttons) {
        blockedReason.setId("trainBlockedReason");
        blockedReason.getStyleClass().add("train-blocked");
        blockedReason.setWrapText(true);
        blockedReason.textProperty().bind(Bindings.createStringBinding(
                () -> workspace.isTraining() ? "" : runs.whyNotTrain().orElse(""), runs.whyNotProperty(),
                workspace.stateProperty()));
        blockedReason.visibleProperty().bind(blockedReason.textProperty().isNotEmpty());
        blockedReason.managedProperty().bind(blockedReason.visibleProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(blockedReason.textProperty());
        Tooltip.install(buttons, why);

        adaptButton.setId("adaptToDataButton");
        adaptButton.getStyleClass().add("adapt-to-data");
        adaptButton.setWrapText(true);
        adaptButton.setMinHeight(Region.USE_PREF_SIZE);
        adaptButton.managedProperty().bind(adaptButton.visibleProperty());
        adaptButton.setOnAction(e -> adapt());
        runs.whyNotProperty().addListener((obs, was, now) -> offerAdaptation());
        workspace.stateProperty().addListener((obs, was, now) -> offerAdaptation());
        offerAdaptation();

        failure.setId("trainingFailure");
        failure.getStyleClass().add("training-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        // Wrapped labels in a VBox report one line unless told to take their preferred height.
        failure.setMinHeight(Region.USE_PREF_SIZE);
        blockedReason.setMinHeight(Region.USE_PREF_SIZE);
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());
        runs.failureProperty().addListener((obs, was, now) -> showFailure(now));
        showFailure(runs.failureProperty().get());
    }

    /**
     * Train asks to adapt the network when only the data's shape or classes keep it off (an input set for
     * design, say 100×100×3, against 28×28×1 digits): a button under the reason says what it will change.
     * When the network cannot train even adapted, the reason alone stays, and no button.
     */
    private void offerAdaptation() {
        adaptation = null;
        Optional<ImageDataset> data = workspace.trainingData();
        if (!workspace.isTraining() && runs.whyNotTrain().isPresent() && data.isPresent()) {
            NetworkSpec network = workspace.editor().getNetwork();
            adaptation = NetworkAdaptation.of(network, data.get())
                    .filter(a -> DataFit.problem(a.adapted(), data.get()).isEmpty()).orElse(null);
        }
        adaptButton.setVisible(adaptation != null);
        if (adaptation == null) {
            UiText.clear(adaptButton.textProperty());
        } else {
            text.show(adaptButton.textProperty(), adaptation.actionText());
        }
    }

    private void adapt() {
        if (adaptation != null && !workspace.editor().isLocked() && !workspace.isTraining()) {
            workspace.editor().setNetwork(adaptation.adapted());
        }
    }

    /** The progress bar, "Epoch 2/5 · batch 40/100" and the ETA, following the run's snapshots. */
    private HBox progress() {
        progressText.textProperty().bind(text.text("train.notStarted"));
        progressBar.setId("trainingProgress");
        progressBar.getStyleClass().add("training-progress");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("progressText");
        progressText.getStyleClass().add("progress-text");
        etaText.setId("etaText");
        etaText.getStyleClass().add("eta-text");
        workspace.runsProperty().addListener((obs, was, now) -> runStarted());
        workspace.snapshotProperty().addListener((obs, was, now) -> {
            if (now != null) {
                redraw(now);
            }
        });
        workspace.stateProperty().addListener((obs, was, now) -> stateChanged(now));
        runs.outcomeProperty().addListener((obs, was, now) -> {
            if (now != null) {
                text.show(progressText.textProperty(), now);
            }
        });
        return new HBox(12, progressText, etaText);
    }

    /** Save model… and Load model…, and what became of the last of them. */
    private HBox files() {
        saveButton.textProperty().bind(text.text("train.saveModel"));
        loadButton.textProperty().bind(text.text("train.loadModel"));
        saveButton.setId("saveModelButton");
        loadButton.setId("loadModelButton");
        saveButton.setOnAction(e -> chooseFile(true).ifPresent(runs::saveModel));
        loadButton.setOnAction(e -> chooseFile(false).ifPresent(runs::loadModel));
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> workspace.isTraining() || workspace.newestWeights().isEmpty(), workspace.stateProperty(),
                workspace.loadedModelProperty(), workspace.runsProperty()));
        loadButton.disableProperty().bind(Bindings.createBooleanBinding(workspace::isTraining,
                workspace.stateProperty()));
        fileStatus.setId("modelFileStatus");
        fileStatus.getStyleClass().add("model-file-status");
        fileStatus.setWrapText(true);
        fileStatus.setMinHeight(Region.USE_PREF_SIZE);
        runs.fileMessageProperty().addListener((obs, was, now) -> {
            if (now == null) {
                UiText.clear(fileStatus.textProperty());
            } else {
                text.show(fileStatus.textProperty(), now);
            }
        });
        HBox files = new HBox(8, saveButton, loadButton);
        files.setAlignment(Pos.CENTER_LEFT);
        return files;
    }

    /**
     * The form and the workspace's settings follow each other: what is typed goes to the workspace (empty
     * while a field is wrong, with the field's problem), and settings the workspace is given (a lesson's, a
     * loaded model's) are shown in the fields.
     */
    private void followSettings() {
        hyperParameters.configProperty().addListener((obs, was, now) -> {
            if (!showingSettings) {
                publishSettings();
            }
        });
        workspace.settingsProperty().addListener((obs, was, now) -> {
            if (showingSettings || now.isEmpty() || now.equals(hyperParameters.getConfig())) {
                return;
            }
            showingSettings = true;
            try {
                hyperParameters.show(now.get());
            } finally {
                showingSettings = false;
            }
            publishSettings();
        });
        publishSettings();
    }

    private void publishSettings() {
        workspace.settingsProblemProperty().set(hyperParameters.firstProblemPhrase().orElse(null));
        workspace.settingsProperty().set(hyperParameters.getConfig());
    }

    /** Puts another row of settings above Train (the transfer-learning row). */
    public void addSettingsRow(Node row) {
        getChildren().add(getChildren().indexOf(cpuOnlyCheck), row);
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

    public CheckBox cpuOnlyCheck() {
        return cpuOnlyCheck;
    }

    /** Whether Train will go on from the loaded model's (or the last run's) weights rather than start afresh. */
    public CheckBox resumeCheck() {
        return resumeCheck;
    }

    private Optional<Path> chooseFile(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? text.get("train.chooserSave") : text.get("train.chooserLoad"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("train.chooserFilter"), "*.cnnmodel",
                "*.zip"));
        if (save) {
            chooser.setInitialFileName(workspace.editor().getNetwork().name() + ".cnnmodel");
        }
        File chosen = save ? chooser.showSaveDialog(getScene().getWindow())
                : chooser.showOpenDialog(getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    /** A run started: the charts and the progress start afresh. */
    private void runStarted() {
        chartSnapshot = null;
        charts.clear();
        progressBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.textProperty().bind(text.text("train.starting"));
        UiText.clear(etaText.textProperty());
    }

    private void stateChanged(TrainingState now) {
        if (now == null || !now.isFinal()) {
            return;
        }
        if (now == TrainingState.FINISHED) {
            progressBar.setProgress(1);
        } else if (progressBar.getProgress() < 0) {
            progressBar.setProgress(0);
        }
        UiText.clear(etaText.textProperty());
    }

    private void showFailure(UiText.Phrase message) {
        if (message == null) {
            failure.setVisible(false);
            return;
        }
        text.show(failure.textProperty(), message);
        failure.setVisible(true);
    }

    private int epochs() {
        return workspace.lastRun().map(RunSetup::config).map(TrainingConfig::epochs).orElse(0);
    }

    private void redraw(TrainingSnapshot snapshot) {
        int epochs = epochs();
        chartSnapshot = snapshot;
        chartStepsPerEpoch = epochs > 0 && snapshot.progress().totalSteps() > 0
                ? Math.max(1, snapshot.progress().totalSteps() / epochs) : 1;
        chartRedraw.request();
        if (!snapshot.state().isFinal()) {
            showProgress(snapshot, epochs, workspace.stateProperty().get() == TrainingState.PAUSED);
        }
    }

    private void drawCharts() {
        if (chartSnapshot != null) {
            charts.show(chartSnapshot, chartStepsPerEpoch);
        }
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
