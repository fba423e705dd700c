package cnnplayground.ui;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetSplits;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.LoadedDataset;
import cnnplayground.engine.EngineInfo.GpuSupport;
import cnnplayground.engine.FreshWeights;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.spec.Presets;
import cnnplayground.teach.LessonViews;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.builder.NetworkEditorView;
import cnnplayground.ui.compare.CompareView;
import cnnplayground.ui.eval.EvaluationPanel;
import cnnplayground.ui.export.ExportMenu;
import cnnplayground.ui.data.DatasetBrowser;
import cnnplayground.ui.data.DatasetChooser;
import cnnplayground.ui.teach.ConvolutionStepperView;
import cnnplayground.ui.teach.WorkspacePatches;
import cnnplayground.ui.train.MemoryGate;
import cnnplayground.ui.train.PaceControl;
import cnnplayground.ui.train.TrainingPanel;
import cnnplayground.ui.transfer.TransferSettings;
import cnnplayground.ui.viz.LearnedView;
import cnnplayground.ui.i18n.LanguageChooser;
import cnnplayground.ui.i18n.UiText;
import java.util.Map;
import cnnplayground.ui.teach.LessonPanel;
import cnnplayground.ui.teach.LessonViewOptions;
import cnnplayground.ui.teach.PresentationMode;
import cnnplayground.ui.stage.NetworkStageView;
import cnnplayground.ui.stage.StageScreen;
import cnnplayground.ui.workspace.RunController;
import cnnplayground.ui.workspace.WeightsTag;
import cnnplayground.ui.workspace.Workspace;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The whole window: header, network editor and training panel side by side, status bar with the
 * device and the dataset. It builds the {@link Workspace} and its {@link RunController} and hands them
 * to each view; views observe the workspace and never get one another. Tests build it directly, with a
 * small dataset, instead of the app.
 */
public final class PlaygroundView extends BorderPane {

    /** The editor's share of the window's width: the side tabs' headers fit in the rest at 1280 px. */
    private static final double EDITOR_SHARE = 0.55;
    /** The editor's share presenting on a window at least {@link #WIDE_PRESENTATION} px wide. */
    private static final double PRESENTING_EDITOR_SHARE = 0.45;
    private static final double WIDE_PRESENTATION = 1600;
    /** Presenting on a wide window; kept here, as its sources hold it only weakly. */
    private final BooleanBinding presentingWide;

    private final UiText text = new UiText();
    private final NetworkEditorModel model = new NetworkEditorModel(Presets.lenet5());
    private final NetworkEditorView editor = new NetworkEditorView(model, text);
    private final Workspace workspace = new Workspace(model, new FreshWeights());
    private final RunController runs;
    private final ExportMenu exportMenu = new ExportMenu(text, model::getNetwork);
    private final TrainingPanel training;
    private final LiveViews live;
    /** The whole network, the charts and a pad on one screen, fed by the live views' probes. */
    private final StageScreen stageScreen;
    private final ToggleButton stageButton = new ToggleButton();
    private final EvaluationPanel evaluation;
    private final ConvolutionStepperView stepper;
    private final TabPane sideTabs = new TabPane();
    private final Label deviceLabel = new Label();
    private final Label datasetLabel = new Label();
    /** Says how to train on the machine's NVIDIA GPU when PyTorch cannot; empty otherwise. */
    private final Label gpuAdvice = new Label();
    /** The advice at length: why, and what to start after building. */
    private final Tooltip gpuAdviceDetail = new Tooltip();
    /** Says why a dataset handed over during a run was not used; empty otherwise. */
    private final Label datasetRefused = new Label();
    private final DatasetBrowser browser = new DatasetBrowser(model, text);
    private final DatasetChooser chooser =
            new DatasetChooser(DatasetCatalog.withDigitsAt(DatasetLocator.digitsFolder()), this::setDataset, text);

    /** The side tabs' ids by their English titles, so callers find a tab whatever language it shows. */
    private static final Map<String, String> TAB_IDS = Map.of("Training", "trainingTab",
            "Feature maps", "featureMapsTab", "Filters", "filtersTab", "Draw", "drawTab",
            "Evaluate", "evaluateTab", "Data", "dataTab", "Convolution", "convolutionTab", "Compare", "compareTab",
            "What it learned", "learnedTab");
    private final ToggleButton lessonsButton = new ToggleButton();
    private final LessonPanel lessons;
    private final CompareView compare;
    private final PresentationMode presentation;

    /**
     * @param launcher starts training runs: the DJL engine in the app and in tests alike
     * @param probe    looks inside the trained network for the Feature maps, Filters and Draw tabs;
     *                 the view owns it from here on ({@link #shutdown()} closes it)
     */
    public PlaygroundView(TrainingLauncher launcher, ModelProbe probe) {
        editor.addToToolbar(exportMenu);
        getStyleClass().addAll("playground", text.language().styleClass());
        // the stylesheet picks a font with Chinese glyphs by the language's style class
        text.languageProperty().addListener((obs, was, now) -> getStyleClass().set(
                getStyleClass().indexOf(was.styleClass()), now.styleClass()));
        runs = new RunController(workspace, launcher, text);
        exportMenu.setTrainedModel(runs::modelToSave);
        training = new TrainingPanel(workspace, runs, text);
        training.addSettingsRow(new TransferSettings(text, workspace));
        live = new LiveViews(probe, workspace, text);
        stageScreen = new StageScreen(workspace, text);
        evaluation = new EvaluationPanel(workspace, text, training::charts);
        deviceLabel.textProperty().bind(text.text("status.device", UiText.phrase("status.deviceUnknown")));
        datasetLabel.textProperty().bind(text.text("status.loadingDigits"));
        live.installExplanations(text);
        stageScreen.network().installExplanation(text, probe);
        compare = new CompareView(text, launcher, workspace);
        lessons = new LessonPanel(text, workspace, chooser, this::showTabById);
        lessons.onViewOption(LessonViews.MLP_VS_CNN, compare::showMlpVsCnn);
        lessons.onViewOption(LessonViews.OPTIMIZER_RACE, compare::showRace);
        lessons.onViewOption(LessonViews.TRANSFER_SCENARIOS, compare::showTransfer);
        presentation = new PresentationMode(text, this, workspace, runs, lessonsButton);
        live.datasetProperty().bind(workspace.datasetProperty());
        live.featureMaps().receptiveField().textProperty().set(text);
        live.draw().featureMaps().receptiveField().textProperty().set(text);
        workspace.runsProperty().addListener((obs, was, now) -> live.runStarted());
        new LiveViewsPrebuild(live, model.analysisProperty(), workspace.datasetProperty(),
                () -> !workspace.isTraining() && runs.whyNotTrain().isEmpty());
        workspace.runsProperty().addListener((obs, was, now) -> datasetRefused.setText(""));
        runs.addBlocker(new MemoryGate(text, model.networkProperty(), workspace.settingsProperty(),
                workspace.cpuOnlyProperty()).reason());
        // a run started now would train on the dataset being replaced
        runs.addBlocker(Bindings.when(chooser.loadingProperty()).then(text.text("faults.datasetLoading"))
                .otherwise(""));
        live.timeline().selectedFrameProperty().addListener((obs, was, frame) -> training.charts().markStep(
                frame == null ? OptionalLong.empty() : OptionalLong.of(frame.step())));
        workspace.deviceProperty().addListener((obs, was, now) -> {
            if (now != null && !now.isEmpty()) {
                setDeviceDescription(now);
            }
        });
        Label title = new Label();
        title.textProperty().bind(text.text("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(text.text("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        Region headerSpacer = new Region();
        HBox.setHgrow(headerSpacer, Priority.ALWAYS);
        lessonsButton.setId("lessonsButton");
        lessonsButton.textProperty().bind(text.text("lesson.button"));
        lessonsButton.getStyleClass().add("header-toggle");
        lessons.visibleProperty().bind(lessonsButton.selectedProperty());
        editor.paletteShownProperty().bind(lessonsButton.selectedProperty().not());
        lessons.managedProperty().bind(lessons.visibleProperty());
        stageButton.setId("stageButton");
        stageButton.textProperty().bind(text.text("stage.button"));
        stageButton.setTooltip(text.tooltip("stage.tooltip"));
        stageButton.getStyleClass().add("header-toggle");
        // the stage hides the Training tab: its pace comes along into the header
        PaceControl stagePace = new PaceControl(workspace, runs, text, "stagePace");
        stagePace.visibleProperty().bind(stageButton.selectedProperty());
        stagePace.managedProperty().bind(stagePace.visibleProperty());
        HeaderBar header = new HeaderBar(14, title, subtitle, headerSpacer, stagePace, stageButton, lessonsButton,
                presentation.button(), new LanguageChooser(text));
        // at 1280 px presenting, or with the stage's pace buttons, the subtitle and then the title give way
        header.optional(subtitle);
        header.optional(title);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("app-header");
        setTop(header);

        Tab trainingTab = tab(text.text("tab.training"), "trainingTab", scrollable(training));
        Tab mapsTab = tab(text.text("tab.featureMaps"), "featureMapsTab", live.featureMapsPane());
        Tab filtersTab = tab(text.text("tab.filters"), "filtersTab", live.filtersPane());
        // scrolls when its column goes under the pad (presenting beside the lessons); fills the tab otherwise
        Tab drawTab = tab(text.text("tab.draw"), "drawTab", scrollable(live.draw()));
        Tab learnedTab = tab(text.text("tab.learned"), "learnedTab", null);
        // built when first chosen: once its class lists are filled, a LearnedView keeps its window alive after
        // shutdown (the cause, somewhere in JavaFX's combo boxes, is not found yet), and most windows never
        // open it (ReleasedViewTest)
        learnedTab.selectedProperty().addListener((obs, was, on) -> {
            if (on && learnedTab.getContent() == null) {
                learnedTab.setContent(new LearnedView(workspace, text, live.draw().modelInputProperty()));
            }
        });
        Tab evaluateTab = tab(text.text("tab.evaluate"), "evaluateTab", evaluation);
        Tab dataTab = tab(text.text("tab.data"), "dataTab", browser);
        stepper = new ConvolutionStepperView(text, () -> live.draw().modelInputProperty().get(),
                new WorkspacePatches(workspace, () -> live.sampleProperty().get()));
        LessonViewOptions.install(lessons, stepper, live);
        Tab convolutionTab = tab(text.text("stepper.tab"), "convolutionTab", stepper);
        Tab compareTab = tab(text.text("compare.tab"), "compareTab", compare);
        sideTabs.getTabs().addAll(trainingTab, mapsTab, filtersTab, drawTab, learnedTab, evaluateTab, dataTab,
                convolutionTab, compareTab);
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.getStyleClass().add("side-tabs");
        TabsChosenWithoutFocus.install(sideTabs);
        Runnable watch = () -> {
            Tab now = sideTabs.getSelectionModel().getSelectedItem();
            live.watchedProperty().set(stageButton.isSelected()
                    ? (stageScreen.drawingProperty().get() != null ? LiveViews.Watched.STAGE_DRAWING : LiveViews.Watched.SAMPLE)
                    : now == drawTab ? LiveViews.Watched.DRAWING
                    : now == trainingTab || now == convolutionTab || now == learnedTab ? LiveViews.Watched.NOTHING : LiveViews.Watched.SAMPLE);
        };
        stageButton.selectedProperty().addListener((obs, was, on) -> watch.run());
        live.stageDrawingProperty().bind(stageScreen.drawingProperty());
        stageScreen.drawingProperty().addListener((obs, was, now) -> watch.run());
        live.featureMaps().resultProperty().addListener((obs, was, now) -> stageScreen.showSample(probed(now, true)));
        live.stageDrawingResultProperty().addListener((obs, was, now) -> stageScreen.showDrawing(probed(now, false)));
        sideTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            watch.run();
            // one timeline scrubs both: it sits on whichever of the two tabs is showing
            live.evolutionBarOnFilters(now == filtersTab);
            if (now == evaluateTab) {
                evaluation.refresh();
            }
        });
        // views on hidden tabs keep their newest data and draw it once their tab is chosen; while the stage
        // covers the editor no tab is on screen (its Training charts redrawing 20 times a second behind the stage
        // took CPU from training: see docs/PERFORMANCE.md, "stage showing")
        BooleanBinding editorShown = stageButton.selectedProperty().not();
        training.chartsShownProperty().bind(trainingTab.selectedProperty().and(editorShown));
        live.featureMaps().shownProperty().bind(mapsTab.selectedProperty().and(editorShown));
        live.filters().shownProperty().bind(filtersTab.selectedProperty().and(editorShown));
        live.start();

        SplitPane split = new SplitPane(editor, sideTabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(EDITOR_SHARE);
        SplitPane.setResizableWithParent(sideTabs, false);
        // presenting on a wide screen, the views (bigger drawing pad, charts) get the room the larger type takes
        // from them; at a projector's 1280 px the editor keeps its share, or its layer rows are cut
        // (full screen comes after the toggle: the share follows the width as well)
        presentingWide = presentation.activeProperty().and(widthProperty().greaterThanOrEqualTo(
                WIDE_PRESENTATION));
        presentingWide.addListener((obs, was, wide) -> split.setDividerPositions(
                wide ? PRESENTING_EDITOR_SHARE : EDITOR_SHARE));
        // a resize (a projector, leaving full screen) keeps the shares, not the side tabs' pixel width: kept, the
        // width of a 1280 px window left the side tabs 220 px at 1920 px
        // (after the SplitPane's own layout pass for the new width, which would move it back)
        split.widthProperty().addListener((obs, was, now) -> javafx.application.Platform.runLater(() ->
                split.setDividerPositions(presentingWide.get() ? PRESENTING_EDITOR_SHARE : EDITOR_SHARE)));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F6) {
                stageButton.setSelected(!stageButton.isSelected());
                e.consume();
            }
        });
        StackPane screens = new StackPane(presentation.help());
        ScreenInSight.install(screens, split, stageScreen, stageButton.selectedProperty());
        setCenter(screens);
        setLeft(lessons);

        deviceLabel.setId("deviceLabel");
        datasetLabel.setId("datasetLabel");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        chooser.disableProperty().bind(model.lockedProperty());
        datasetRefused.setId("datasetRefused");
        datasetRefused.getStyleClass().add("dataset-error");
        datasetRefused.visibleProperty().bind(datasetRefused.textProperty().isNotEmpty());
        datasetRefused.managedProperty().bind(datasetRefused.visibleProperty());
        gpuAdvice.setId("gpuAdvice");
        gpuAdvice.getStyleClass().add("gpu-advice");
        gpuAdvice.visibleProperty().bind(gpuAdvice.textProperty().isNotEmpty());
        gpuAdvice.managedProperty().bind(gpuAdvice.visibleProperty());
        gpuAdviceDetail.setWrapText(true);
        gpuAdviceDetail.setMaxWidth(480);
        gpuAdvice.setTooltip(gpuAdviceDetail);
        HBox status = new HBox(chooser, datasetLabel, datasetRefused, spacer, gpuAdvice, deviceLabel);
        status.getStyleClass().add("status-bar");
        setBottom(status);
    }

    /**
     * A probe for the stage, named with the weights it was made with, and with the watched sample's label when
     * it is of the sample; null when there is nothing to show.
     */
    private StageScreen.Probed probed(ProbeResult result, boolean ofSample) {
        if (result == null || live.loadedWeights().isEmpty()) {
            return null;
        }
        WeightsSnapshot weights = live.loadedWeights().get();
        ImageDataset data = workspace.datasetProperty().get();
        int sample = live.sampleProperty().get();
        OptionalInt label = ofSample && data != null && sample >= 0 && sample < data.n()
                && data.numClasses() == weights.classNames().size()
                ? OptionalInt.of(data.label(sample)) : OptionalInt.empty();
        UiText.Phrase whose = live.shownWeights().map(WeightsTag::phrase).orElse(null);
        String named = whose == null ? "" : text.get(whose.key(), whose.args());
        return new StageScreen.Probed(result, weights, named, whose, label);
    }

    /** The whole network on one screen, in the Stage layout. */
    public NetworkStageView stage() {
        return stageScreen.network();
    }

    /** The Stage layout: the network, the charts and a drawing pad; shown while {@link #stageShownProperty()}. */
    public StageScreen stageScreen() {
        return stageScreen;
    }

    /**
     * Whether the Stage layout fills the window rather than the editor and its tabs (the header's toggle, F6).
     * A new view starts in the editor; the app turns the stage on before it shows the window.
     */
    public BooleanProperty stageShownProperty() {
        return stageButton.selectedProperty();
    }

    /** The window's strings in the chosen language; every view of this window takes its labels from it. */
    public UiText text() {
        return text;
    }

    public NetworkEditorModel model() {
        return model;
    }

    public NetworkEditorView editor() {
        return editor;
    }

    /** The editor's Export menu: Keras code, PyTorch code, diagram. */
    public ExportMenu exportMenu() {
        return exportMenu;
    }

    public TrainingPanel training() {
        return training;
    }

    /** The window's state: network, data, settings, run, weights, evaluation. */
    public Workspace workspace() {
        return workspace;
    }

    /** Starts and stops runs, saves and loads models. */
    public RunController runs() {
        return runs;
    }

    public DatasetChooser datasetChooser() {
        return chooser;
    }

    public DatasetBrowser datasetBrowser() {
        return browser;
    }

    public LiveViews live() {
        return live;
    }

    public EvaluationPanel evaluation() {
        return evaluation;
    }

    public LessonPanel lessons() {
        return lessons;
    }

    public CompareView compare() {
        return compare;
    }

    public PresentationMode presentation() {
        return presentation;
    }

    /** Opens the side tab with {@code id} (e.g. {@code trainingTab}); false when there is none. */
    public boolean showTabById(String id) {
        Optional<Tab> found = sideTabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst();
        found.ifPresent(t -> sideTabs.getSelectionModel().select(t));
        return found.isPresent();
    }

    /** The id of the side tab showing. */
    public String selectedTabId() {
        Tab selected = sideTabs.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.getId();
    }

    /** The Convolution tab's step-through. */
    public ConvolutionStepperView stepper() {
        return stepper;
    }

    /**
     * Opens one of the side tabs by its English title (Training, Feature maps, Filters, Draw, Evaluate,
     * Data or Convolution) or its id, whatever language the window speaks.
     */
    public void showTab(String title) {
        String id = tabId(title);
        sideTabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> sideTabs.getSelectionModel().select(t));
    }

    /** The id of the side tab whose English title is {@code title}; an id is returned as it is. */
    public static String tabId(String title) {
        return TAB_IDS.getOrDefault(title, title);
    }

    /**
     * The window is closing: the run and the probe are closed on their own threads, so the FX thread
     * never waits for the engine. Returns the run's closer, if a run was going.
     */
    public Optional<Thread> shutdown() {
        live.shutdown();
        Optional<Thread> comparing = compare.shutdown();
        Optional<Thread> run = runs.shutdown();
        if (comparing.isEmpty()) {
            return run;
        }
        Thread both = new Thread(() -> {
            try {
                comparing.get().join();
                if (run.isPresent()) {
                    run.get().join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown-wait");
        both.start();
        return Optional.of(both);
    }

    /**
     * The training controls and both charts need more height than a small window has once the
     * settings are unfolded: the tab scrolls then instead of cutting the accuracy chart off.
     */
    private static ScrollPane scrollable(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("side-scroll");
        return scroll;
    }

    private static Tab tab(ObservableValue<String> title, String id, Node content) {
        Tab tab = new Tab(null, content);
        tab.textProperty().bind(title);
        tab.setId(id);
        return tab;
    }

    /** Hands the view its dataset; {@code name} is what the status bar calls it. */
    public void setDataset(String name, ImageDataset data) {
        setDataset(LoadedDataset.of(name, DatasetSplits.trainOnly(data)));
    }

    /**
     * Hands the view a dataset: training uses its training split, the Data tab shows it and its notes.
     * While a run trains it is refused, with the reason in the status bar: the run, its charts and the
     * Evaluate tab must keep talking about the same images (the chooser is off meanwhile anyway).
     */
    public void setDataset(LoadedDataset loaded) {
        if (workspace.isTraining()) {
            datasetRefused.setText(text.get("faults.datasetRefused", loaded.name()));
            return;
        }
        datasetRefused.setText("");
        // the test split first: the dataset's listeners (untrained weights, Evaluate) then see both
        workspace.testSetProperty().set(loaded.splits().test().orElse(null));
        workspace.datasetProperty().set(loaded.train());
        browser.datasetProperty().set(loaded);
        datasetLabel.getStyleClass().remove("dataset-error");
        datasetLabel.textProperty().bind(DatasetLocator.describe(text, loaded.name(), loaded.train()));
    }

    /** Says why there is no dataset; the editor still works, training stays disabled. */
    public void showDatasetProblem(String message) {
        workspace.datasetProperty().set(null);
        workspace.testSetProperty().set(null);
        browser.datasetProperty().set(null);
        workspace.datasetProblemProperty().set(message);
        UiText.showVerbatim(datasetLabel.textProperty(), message);
        if (!datasetLabel.getStyleClass().contains("dataset-error")) {
            datasetLabel.getStyleClass().add("dataset-error");
        }
    }

    /** PyTorch could not be loaded: the editor works, training is off, and the reason is shown. */
    public void showTrainingUnavailable(String reason) {
        deviceLabel.textProperty().bind(text.text("status.device", UiText.phrase("status.deviceUnavailable")));
        runs.showUnavailable(reason);
    }

    public void setDeviceDescription(String device) {
        deviceLabel.textProperty().bind(text.text("status.device", device));
    }

    /**
     * The device PyTorch loaded with, and what the status bar should advise about the GPU: with an NVIDIA driver
     * but a CPU-only libtorch, the command that builds the CUDA version.
     */
    public void setDeviceDescription(String device, GpuSupport support) {
        setDeviceDescription(device);
        switch (support) {
            case DRIVER_BUT_CPU_LIBTORCH -> showGpuAdvice("status.gpu.cpuLibtorch", GpuSupport.BUILD_GPU_COMMAND);
            case DRIVER_BUT_NO_GPU_SEEN -> showGpuAdvice("status.gpu.noneSeen");
            case GPU, NO_DRIVER -> {
                UiText.clear(gpuAdvice.textProperty());
                UiText.clear(gpuAdviceDetail.textProperty());
            }
        }
    }

    private void showGpuAdvice(String key, Object... args) {
        gpuAdvice.textProperty().bind(text.text(key, args));
        gpuAdviceDetail.textProperty().bind(text.text(key + ".detail", args));
    }

    /** The status bar's advice about the GPU; empty when there is none. */
    public String gpuAdvice() {
        return gpuAdvice.getText();
    }

    /** The advice at length, in the status bar's tooltip; empty when there is none. */
    public String gpuAdviceDetail() {
        return gpuAdviceDetail.getText();
    }
}
