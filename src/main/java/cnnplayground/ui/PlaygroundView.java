package cnnplayground.ui;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetSplits;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.LoadedDataset;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.spec.Presets;
import cnnplayground.teach.LessonViews;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.builder.NetworkEditorView;
import cnnplayground.ui.compare.CompareView;
import cnnplayground.ui.eval.EvaluationPanel;
import cnnplayground.ui.data.DatasetBrowser;
import cnnplayground.ui.data.DatasetChooser;
import cnnplayground.ui.train.TrainingPanel;
import cnnplayground.ui.i18n.LanguageChooser;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.teach.LessonPanel;
import cnnplayground.ui.teach.PresentationMode;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The whole window: header, network editor and training panel side by side, status bar with the
 * device and the dataset. Tests build it directly, with a small dataset, instead of the app.
 */
public final class PlaygroundView extends BorderPane {

    private final UiText text = new UiText();
    private final NetworkEditorModel model = new NetworkEditorModel(Presets.lenet5());
    private final NetworkEditorView editor = new NetworkEditorView(model);
    private final TrainingPanel training;
    private final LiveViews live;
    private final EvaluationPanel evaluation;
    private final TabPane sideTabs = new TabPane();
    private final Label deviceLabel = new Label("Device: …");
    private final Label datasetLabel = new Label("Loading the digits…");
    private final DatasetBrowser browser = new DatasetBrowser(model);
    private final DatasetChooser chooser =
            new DatasetChooser(DatasetCatalog.withDigitsAt(DatasetLocator.digitsFolder()), this::setDataset);
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
        getStyleClass().add("playground");
        training = new TrainingPanel(model, launcher);
        live = new LiveViews(probe, training::latestWeights, training::latestSnapshot);
        evaluation = new EvaluationPanel(training);
        compare = new CompareView(text, launcher, model, training);
        lessons = new LessonPanel(text, model, training.hyperParameters(), chooser, this::showTabById);
        lessons.onViewOption(LessonViews.MLP_VS_CNN, compare::showMlpVsCnn);
        lessons.onViewOption(LessonViews.OPTIMIZER_RACE, compare::showRace);
        presentation = new PresentationMode(text, this, training, lessonsButton);
        live.datasetProperty().bind(training.datasetProperty());
        training.runsProperty().addListener((obs, was, now) -> live.runStarted());
        training.loadedModelProperty().addListener((obs, was, now) -> {
            if (now != null) {
                live.show(now.weights());
            }
        });
        live.timeline().selectedFrameProperty().addListener((obs, was, frame) -> training.charts().markStep(
                frame == null ? OptionalLong.empty() : OptionalLong.of(frame.step())));
        training.deviceProperty().addListener((obs, was, now) -> {
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
        lessons.managedProperty().bind(lessons.visibleProperty());
        HBox header = new HBox(14, title, subtitle, headerSpacer, lessonsButton, presentation.button(),
                new LanguageChooser(text));
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("app-header");
        setTop(header);

        Tab trainingTab = tab("Training", "trainingTab", scrollable(training));
        Tab mapsTab = tab("Feature maps", "featureMapsTab", live.featureMapsPane());
        Tab filtersTab = tab("Filters", "filtersTab", live.filtersPane());
        Tab drawTab = tab("Draw", "drawTab", live.draw());
        Tab evaluateTab = tab("Evaluate", "evaluateTab", evaluation);
        Tab dataTab = tab("Data", "dataTab", browser);
        Tab compareTab = tab("Compare", "compareTab", compare);
        compareTab.textProperty().bind(text.text("compare.tab"));
        sideTabs.getTabs().addAll(trainingTab, mapsTab, filtersTab, drawTab, evaluateTab, dataTab, compareTab);
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.getStyleClass().add("side-tabs");
        sideTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            live.watchedProperty().set(now == drawTab ? LiveViews.Watched.DRAWING
                    : now == trainingTab ? LiveViews.Watched.NOTHING : LiveViews.Watched.SAMPLE);
            // one timeline scrubs both: it sits on whichever of the two tabs is showing
            live.evolutionBarOnFilters(now == filtersTab);
            if (now == evaluateTab) {
                evaluation.refresh();
            }
        });
        live.start();

        SplitPane split = new SplitPane(editor, sideTabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(sideTabs, false);
        // presenting, the views (bigger drawing pad, charts) get the room the larger type takes from them
        presentation.activeProperty().addListener((obs, was, on) -> split.setDividerPositions(on ? 0.45 : 0.6));
        setCenter(new StackPane(split, presentation.help()));
        setLeft(lessons);

        deviceLabel.setId("deviceLabel");
        datasetLabel.setId("datasetLabel");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        chooser.disableProperty().bind(model.lockedProperty());
        HBox status = new HBox(chooser, datasetLabel, spacer, deviceLabel);
        status.getStyleClass().add("status-bar");
        setBottom(status);
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

    public TrainingPanel training() {
        return training;
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

    /** Opens one of the side tabs: Training, Feature maps, Filters, Draw, Evaluate or Data. */
    public void showTab(String title) {
        sideTabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> sideTabs.getSelectionModel().select(t));
    }

    /**
     * The window is closing: the run and the probe are closed on their own threads, so the FX thread
     * never waits for the engine. Returns the run's closer, if a run was going.
     */
    public Optional<Thread> shutdown() {
        live.shutdown();
        Optional<Thread> comparing = compare.shutdown();
        Optional<Thread> run = training.shutdown();
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

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    /** Hands the view its dataset; {@code name} is what the status bar calls it. */
    public void setDataset(String name, ImageDataset data) {
        setDataset(LoadedDataset.of(name, DatasetSplits.trainOnly(data)));
    }

    /** Hands the view a dataset: training uses its training split, the Data tab shows it and its notes. */
    public void setDataset(LoadedDataset loaded) {
        training.datasetProperty().set(loaded.train());
        training.testSetProperty().set(loaded.splits().test().orElse(null));
        browser.datasetProperty().set(loaded);
        datasetLabel.getStyleClass().remove("dataset-error");
        datasetLabel.setText(DatasetLocator.describe(loaded.name(), loaded.train()));
    }

    /** Says why there is no dataset; the editor still works, training stays disabled. */
    public void showDatasetProblem(String message) {
        training.datasetProperty().set(null);
        training.testSetProperty().set(null);
        browser.datasetProperty().set(null);
        training.datasetProblemProperty().set(message);
        datasetLabel.setText(message);
        if (!datasetLabel.getStyleClass().contains("dataset-error")) {
            datasetLabel.getStyleClass().add("dataset-error");
        }
    }

    /** PyTorch could not be loaded: the editor works, training is off, and the reason is shown. */
    public void showTrainingUnavailable(String reason) {
        setDeviceDescription("unavailable");
        training.showUnavailable(reason);
    }

    public void setDeviceDescription(String device) {
        deviceLabel.setText("Device: " + device);
    }
}
