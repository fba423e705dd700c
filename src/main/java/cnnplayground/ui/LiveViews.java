package cnnplayground.ui;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.EvolutionRecorder;
import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import cnnplayground.ui.draw.DrawView;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.EvolutionExport;
import cnnplayground.ui.viz.EvolutionTimeline;
import cnnplayground.ui.viz.ExplanationPanel;
import cnnplayground.ui.viz.FeatureMapView;
import cnnplayground.ui.viz.FilterView;
import cnnplayground.ui.workspace.TaggedWeights;
import cnnplayground.ui.workspace.WeightsTag;
import cnnplayground.ui.workspace.Workspace;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The FX side of looking inside the network. Owns the {@link ModelProbe}: each frame it loads the
 * workspace's weights for the editor's network ({@link Workspace#weights()}: a run's newest, a loaded
 * model's, or untrained ones) when they changed, and when the watched input or the weights changed it
 * probes, at most {@link #updatesPerSecondProperty()} times a second for a dataset sample and every
 * {@link DrawView#DEBOUNCE_NANOS} for a drawing, with at most one probe in flight. Results come back
 * on the FX thread and go only to the views being looked at; the FX thread never waits for the probe.
 *
 * <p>It also records the run's evolution: while a run goes, the watched sample is probed every
 * {@link #recordEveryProperty()} batches (and at each epoch end), whatever tab is showing, and the
 * results land in an {@link EvolutionRecorder}. Its {@link EvolutionTimeline} scrubs through them;
 * scrubbed back, the feature maps and filters show the chosen frame instead of the live results.
 *
 * <p>Each view names the weights it shows ("LeNet-5 · run 2 · epoch 7 · newest"). When the editor's network
 * changes, every result of the one before goes at once, recorded frames included; the new network's
 * untrained weights are shown as soon as the workspace has them.
 */
public final class LiveViews {

    /** Probes per second of the watched dataset sample, unless changed. */
    public static final int DEFAULT_UPDATES_PER_SECOND = 4;
    public static final int MAX_UPDATES_PER_SECOND = 20;
    /** Batches between recorded frames at the start of a run, unless changed. */
    public static final int DEFAULT_RECORD_EVERY = 20;
    public static final int MAX_RECORD_EVERY = 10_000;

    /**
     * What the views being looked at need probed: nothing, the dataset sample, the Draw tab's drawing, or the
     * drawing on the stage's own pad ({@link #stageDrawingProperty()}).
     */
    public enum Watched { NOTHING, SAMPLE, DRAWING, STAGE_DRAWING }

    private final ModelProbe probe;
    private final Workspace workspace;
    private final EvolutionRecorder recorder = new EvolutionRecorder(DEFAULT_RECORD_EVERY);
    private final UiText text;
    private final EvolutionTimeline timeline;
    private final IntegerProperty recordEvery = new SimpleIntegerProperty(this, "recordEvery", DEFAULT_RECORD_EVERY);
    private final BooleanProperty exporting = new SimpleBooleanProperty(this, "exporting", false);
    private final Label exportStatus = new Label();
    private final VBox evolutionBar;
    private final VBox filtersPane;
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<Watched> watched = new SimpleObjectProperty<>(this, "watched", Watched.NOTHING);
    private final IntegerProperty sample = new SimpleIntegerProperty(this, "sample", 0);
    private final ObjectProperty<FloatGrid> stageDrawing = new SimpleObjectProperty<>(this, "stageDrawing");
    private final ReadOnlyObjectWrapper<ProbeResult> stageDrawingResult =
            new ReadOnlyObjectWrapper<>(this, "stageDrawingResult");
    private final IntegerProperty updatesPerSecond = new SimpleIntegerProperty(this, "updatesPerSecond",
            DEFAULT_UPDATES_PER_SECOND);
    private final FeatureMapView featureMaps;
    private final FilterView filters;
    private final DrawView draw;
    private final VBox featureMapsPane;
    private final Label sampleLabel = new Label();
    private final Label problem = new Label();
    private final Label featureMapsWeights = weightsLabel("featureMapsWeights");
    private final Label filtersWeights = weightsLabel("filtersWeights");
    private final Label drawWeights = weightsLabel("drawWeights");
    private final AnimationTimer timer;
    private WeightsSnapshot loaded;
    private WeightsTag loadedTag;
    private boolean inFlight;
    private boolean sampleStale;
    private boolean drawingStale;
    private long lastProbe;
    private long probesApplied;
    /** Counts runs, so a probe that was in flight as a run started is not recorded into the new one. */
    private int run;
    private long lastOfferedStep = -1;
    private int recordedEpochs;
    private ProbeResult liveSample;
    private ProbeResult liveFilters;
    private ExplanationPanel sampleExplanation;
    private ExplanationPanel drawExplanation;

    /**
     * @param workspace whose weights, run and network the views show
     */
    public LiveViews(ModelProbe probe, Workspace workspace, UiText text) {
        this.text = text;
        timeline = new EvolutionTimeline(recorder, text);
        featureMaps = new FeatureMapView(text);
        filters = new FilterView(text);
        draw = new DrawView(text);
        this.probe = probe;
        this.workspace = workspace;
        featureMaps.setId("sampleFeatureMaps");
        filters.setId("filterView");
        evolutionBar = evolutionBar();
        featureMapsPane = new VBox(sampleBar(), evolutionBar, featureMaps);
        featureMapsPane.getStyleClass().add("live-pane");
        VBox.setVgrow(featureMaps, Priority.ALWAYS);
        problem.setId("probeProblem");
        problem.getStyleClass().add("training-failure");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        featureMapsPane.getChildren().add(2, problem);
        featureMapsPane.getChildren().add(3, featureMapsWeights);
        filtersPane = new VBox(filtersWeights, filters);
        filtersPane.getStyleClass().add("live-pane");
        VBox.setVgrow(filters, Priority.ALWAYS);
        timeline.selectedFrameProperty().addListener((obs, was, now) -> showSelectedFrame());

        sample.addListener((obs, was, now) -> {
            sampleStale = true;
            describeSample();
        });
        dataset.addListener((obs, was, now) -> {
            sampleStale = true;
            describeSample();
        });
        draw.getChildren().add(0, drawWeights);
        draw.modelInputProperty().addListener((obs, was, now) -> drawingStale = true);
        stageDrawing.addListener((obs, was, now) -> drawingStale = true);
        // another network: what the one before showed goes at once, before its untrained weights are made
        workspace.editor().networkProperty().addListener((obs, was, now) -> {
            if (loaded != null && !Workspace.sameNetwork(loaded.spec(), now)) {
                forgetResults();
            }
        });
        watched.addListener((obs, was, now) -> {
            lastProbe = 0;
            drawingStale = true; // the other pad's drawing may not have been probed with these weights
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
    }

    public void start() {
        timer.start();
    }

    /** Adds "Explain: none / CAM / saliency" over the watched sample and over the drawn digit. */
    public void installExplanations(UiText text) {
        sampleExplanation = new ExplanationPanel(text, probe, "sample");
        featureMapsPane.getChildren().add(featureMapsPane.getChildren().indexOf(featureMaps), sampleExplanation);
        drawExplanation = new ExplanationPanel(text, probe, "");
        draw.getChildren().add(draw.getChildren().indexOf(draw.featureMaps()), drawExplanation);
    }

    /** Stops probing and closes the probe on its own thread (closing waits for the probe's thread). */
    public Thread shutdown() {
        timer.stop();
        Thread closer = new Thread(probe::close, "probe-close");
        closer.setDaemon(true);
        closer.start();
        return closer;
    }

    /**
     * A run is starting: forgets the recorded frames and the last run's weights, and records the new
     * run every {@link #recordEveryProperty()} batches.
     */
    public void runStarted() {
        run++;
        recorder.clear(recordEvery.get());
        lastOfferedStep = -1;
        recordedEpochs = 0;
        loaded = null;
        UiText.clear(exportStatus.textProperty());
        timeline.refresh();
    }

    /**
     * The weights shown are another network's: their results, the recorded frames and the names go, and
     * the views say there is nothing to show until the new network's weights come.
     */
    private void forgetResults() {
        loaded = null;
        loadedTag = null;
        liveSample = null;
        liveFilters = null;
        featureMaps.resultProperty().set(null);
        filters.resultProperty().set(null);
        draw.clearResult();
        stageDrawingResult.set(null);
        for (ExplanationPanel explanation : new ExplanationPanel[] {sampleExplanation, drawExplanation}) {
            if (explanation != null) {
                explanation.clear();
            }
        }
        recorder.clear(recordEvery.get());
        lastOfferedStep = -1;
        recordedEpochs = 0;
        timeline.refresh();
        nameWeights();
    }

    /** "LeNet-5 · run 2 · epoch 7 · newest" over each view, or nothing while no weights are loaded. */
    private void nameWeights() {
        for (Label label : new Label[] {featureMapsWeights, filtersWeights, drawWeights}) {
            if (loadedTag == null) {
                UiText.clear(label.textProperty());
            } else {
                label.textProperty().bind(text.text("weights.caption", loadedTag.phrase()));
            }
        }
    }

    private static Label weightsLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("weights-tag");
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /**
     * The network that will train next, and its classes: the feature maps and the Draw tab build
     * their rows for it now, while no result is shown, instead of when the first one arrives.
     */
    public void prepare(NetworkAnalysis network, List<String> classNames) {
        ProbeResult outline = ProbeResult.outline(network);
        featureMaps.prepare(outline, classNames);
        draw.prepare(outline, classNames);
    }

    public ObjectProperty<ImageDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Watched> watchedProperty() {
        return watched;
    }

    /**
     * The drawing on the stage's pad as the network sees it, null while that pad is blank; probed while
     * {@link Watched#STAGE_DRAWING} is watched, into {@link #stageDrawingResultProperty()}.
     */
    public ObjectProperty<FloatGrid> stageDrawingProperty() {
        return stageDrawing;
    }

    /** The newest probe of {@link #stageDrawingProperty()}; null before one, and when the network changes. */
    public ReadOnlyObjectProperty<ProbeResult> stageDrawingResultProperty() {
        return stageDrawingResult.getReadOnlyProperty();
    }

    /** Index of the dataset image whose feature maps are shown. */
    public IntegerProperty sampleProperty() {
        return sample;
    }

    public IntegerProperty updatesPerSecondProperty() {
        return updatesPerSecond;
    }

    /** The Feature maps tab: sample chooser, update rate, the maps. */
    public VBox featureMapsPane() {
        return featureMapsPane;
    }

    /** The Filters tab: the filters, under the evolution bar while that tab is showing. */
    public VBox filtersPane() {
        return filtersPane;
    }

    /** Puts the evolution bar (timeline, record interval, export) on the Filters tab or back on Feature maps. */
    public void evolutionBarOnFilters(boolean onFilters) {
        VBox target = onFilters ? filtersPane : featureMapsPane;
        if (evolutionBar.getParent() == target) {
            return;
        }
        ((VBox) evolutionBar.getParent()).getChildren().remove(evolutionBar);
        target.getChildren().add(onFilters ? 0 : 1, evolutionBar);
    }

    public EvolutionRecorder recorder() {
        return recorder;
    }

    public EvolutionTimeline timeline() {
        return timeline;
    }

    /** Batches between recorded frames; a change takes effect when the next run starts. */
    public IntegerProperty recordEveryProperty() {
        return recordEvery;
    }

    /**
     * Writes the recorded frames as an animated GIF. Call on the FX thread; the pictures are drawn
     * there a frame per pulse, the file is written on another thread. The outcome, or the problem
     * naming the file, is shown under the timeline.
     */
    public CompletableFuture<Path> exportGif(Path file) {
        return export(file, UiText.phrase("evolution.asGif", file.toString()), () -> EvolutionExport.gif(recorder.frames(),
                featureMaps.classNamesProperty().get(), stylesheets(), file, text.language()));
    }

    /** Writes the recorded frames as numbered PNGs into {@code directory}, like {@link #exportGif}. */
    public CompletableFuture<Path> exportPngs(Path directory) {
        return export(directory, UiText.phrase("evolution.asPngs", directory.toString()), () -> EvolutionExport.pngs(recorder.frames(),
                featureMaps.classNamesProperty().get(), stylesheets(), directory, text.language()));
    }

    /** What the export line under the timeline says now. */
    public String exportStatus() {
        return exportStatus.getText();
    }

    public FeatureMapView featureMaps() {
        return featureMaps;
    }

    public FilterView filters() {
        return filters;
    }

    /** "Explain" over the drawn digit; null until {@link #installExplanations}. */
    public ExplanationPanel drawExplanation() {
        return drawExplanation;
    }

    /** "Explain" over the watched sample; null until {@link #installExplanations}. */
    public ExplanationPanel sampleExplanation() {
        return sampleExplanation;
    }

    public DrawView draw() {
        return draw;
    }

    /** Results shown so far; tests wait on it going up. */
    public long probesApplied() {
        return probesApplied;
    }

    /** The weights currently loaded into the probe, if any. */
    public Optional<WeightsSnapshot> loadedWeights() {
        return Optional.ofNullable(loaded);
    }

    /** Whose weights the views show now ("LeNet-5 · untrained"), if any. */
    public Optional<WeightsTag> shownWeights() {
        return Optional.ofNullable(loadedTag);
    }

    private void frame(long now) {
        Watched target = watched.get();
        Optional<TaggedWeights> newest = workspace.weights();
        Optional<TrainingSnapshot> runNow = workspace.latestSnapshot();
        // only a run's own weights are recorded into its evolution
        boolean recordDue = runNow.isPresent() && newest.isPresent()
                && newest.get().tag().kind() == WeightsTag.Kind.NEWEST
                && recordDue(runNow.get(), newest.get().weights().step());
        if (target == Watched.NOTHING && !recordDue) {
            return; // only the charts are on screen and nothing to record: leave the CPU to training
        }
        if (newest.isPresent() && newest.get().weights() != loaded) {
            if (loaded != null && !Workspace.sameNetwork(loaded.spec(), newest.get().weights().spec())) {
                forgetResults();
            }
            loaded = newest.get().weights();
            if (!newest.get().tag().equals(loadedTag)) {
                loadedTag = newest.get().tag(); // a run's new copies mostly keep their epoch's name
                nameWeights();
            }
            probe.load(loaded);
            featureMaps.receptiveField().networkProperty().set(loaded.spec());
            draw.featureMaps().receptiveField().networkProperty().set(loaded.spec());
            draw.inputShapeProperty().set(loaded.spec().input());
            sampleStale = true;
            drawingStale = true;
        }
        if (loaded == null || inFlight) {
            return;
        }
        // a drawing waiting to be probed goes first; otherwise the sample, when shown or due for recording
        boolean drawing = target == Watched.DRAWING || target == Watched.STAGE_DRAWING;
        Watched probing = drawing && drawingStale ? target : Watched.SAMPLE;
        boolean stale = probing != Watched.SAMPLE ? drawingStale : (target == Watched.SAMPLE && sampleStale) || recordDue;
        // at a narrated pace each batch's weights are probed (at most 20 a second), whatever the update rate
        boolean narrated = workspace.isTraining() && workspace.paceProperty().get().showsEveryBatch();
        long gap = probing != Watched.SAMPLE ? DrawView.DEBOUNCE_NANOS
                : narrated ? 0 : 1_000_000_000L / Math.max(1, updatesPerSecond.get());
        if (!stale || now - lastProbe < gap) {
            return;
        }
        Optional<FloatGrid> input = switch (probing) {
            case SAMPLE -> sampleInput();
            case DRAWING -> Optional.ofNullable(draw.modelInputProperty().get());
            case STAGE_DRAWING -> Optional.ofNullable(stageDrawing.get());
            case NOTHING -> Optional.empty();
        };
        if (probing == Watched.SAMPLE) {
            sampleStale = false;
        } else {
            drawingStale = false;
        }
        if (input.isEmpty()) {
            return;
        }
        inFlight = true;
        lastProbe = now;
        int probedRun = run;
        WeightsSnapshot probedWith = loaded;
        WeightsTag probedTag = loadedTag;
        probe.probe(input.get()).whenComplete((result, failure) -> Platform.runLater(
                () -> applied(probing, probedRun, probedWith, probedTag, result, failure)));
    }

    /**
     * Whether weights at {@code step} should be probed for the recorder: a run is recorded, the
     * step is new and at least the recorder's interval past its last frame, an epoch has ended
     * since the last offer, or the run has ended and its final weights were not offered yet.
     */
    private boolean recordDue(TrainingSnapshot snapshot, long step) {
        boolean epochEnded = snapshot.epochs().size() > recordedEpochs;
        if (step < lastOfferedStep || (step == lastOfferedStep && !epochEnded)) {
            return false;
        }
        List<EvolutionFrame> frames = recorder.frames();
        return frames.isEmpty() || epochEnded || snapshot.state().isFinal()
                || step - frames.get(frames.size() - 1).step() >= recorder.interval();
    }

    /** Offers a sample's probe of the current run to the recorder, labelled with the batch it follows. */
    private void record(ProbeResult result) {
        Optional<TrainingSnapshot> runNow = workspace.latestSnapshot();
        if (runNow.isEmpty() || result.step() < lastOfferedStep) {
            return;
        }
        TrainingSnapshot snapshot = runNow.get();
        boolean epochEnded = snapshot.epochs().size() > recordedEpochs;
        if (result.step() == lastOfferedStep && !epochEnded) {
            return; // the same weights again (the sample changed): one frame per moment of the run
        }
        List<EvolutionFrame> frames = recorder.frames();
        if (!frames.isEmpty() && result.step() < frames.get(frames.size() - 1).step()) {
            return;
        }
        recorder.offer(result, batchBefore(snapshot, result.step()), epochEnded);
        lastOfferedStep = result.step();
        recordedEpochs = snapshot.epochs().size();
    }

    /** The newest batch metrics at or before {@code step}, or empty metrics before the first batch. */
    private static BatchMetrics batchBefore(TrainingSnapshot snapshot, long step) {
        List<BatchMetrics> batches = snapshot.batches();
        for (int i = batches.size() - 1; i >= 0; i--) {
            if (batches.get(i).step() <= step) {
                return batches.get(i);
            }
        }
        return new BatchMetrics(0, 0, 0, Float.NaN, Float.NaN);
    }

    /** The timeline moved: a recorded frame replaces the live results, or live results come back at the end. */
    private void showSelectedFrame() {
        EvolutionFrame frame = timeline.getSelectedFrame();
        if (frame != null && !timeline.isOnNewestFrame()) {
            featureMaps.resultProperty().set(frame.probe());
            filters.resultProperty().set(frame.probe());
            return;
        }
        if (liveSample != null) {
            featureMaps.resultProperty().set(liveSample);
        }
        if (liveFilters != null) {
            filters.resultProperty().set(liveFilters);
        }
    }

    private boolean showingRecordedFrame() {
        return timeline.getSelectedFrame() != null && !timeline.isOnNewestFrame();
    }

    private void applied(Watched target, int probedRun, WeightsSnapshot probedWith, WeightsTag probedTag,
                         ProbeResult result, Throwable failure) {
        inFlight = false;
        if (loaded == null || !Workspace.sameNetwork(probedWith.spec(), loaded.spec())) {
            return; // asked of a network the editor no longer holds
        }
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            problem.textProperty().bind(text.text("maps.probeFailed", cause.getMessage()));
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        probesApplied++;
        List<String> classNames = probedWith.classNames();
        liveFilters = result;
        if (target == Watched.SAMPLE) {
            liveSample = result;
            featureMaps.classNamesProperty().set(classNames);
            if (probedRun == run && probedTag.kind() == WeightsTag.Kind.NEWEST) {
                record(result); // drawings are never recorded: the timeline follows one fixed input
            }
        } else if (target == Watched.DRAWING) {
            draw.showResult(result, classNames);
        } else {
            stageDrawingResult.set(result);
        }
        // recorded samples too: the Feature maps tab then opens on them (one forward and backward pass more
        // per recorded frame while an explanation is chosen there)
        ExplanationPanel explanation = target == Watched.SAMPLE ? sampleExplanation
                : target == Watched.DRAWING ? drawExplanation : null;
        if (explanation != null) {
            explanation.inputProbed(result, probedWith, probedTag.phrase());
        }
        if (!showingRecordedFrame()) {
            filters.resultProperty().set(result);
            if (target == Watched.SAMPLE) {
                featureMaps.resultProperty().set(result);
            }
        }
    }

    private Optional<FloatGrid> sampleInput() {
        ImageDataset data = dataset.get();
        if (data == null || loaded == null) {
            return Optional.empty();
        }
        Shape in = loaded.spec().input();
        int i = Math.max(0, Math.min(sample.get(), data.n() - 1));
        return Optional.of(ModelInputs.fromPicture(data.imageAsGrid(i), in.height(), in.width(), in.channels()));
    }

    /** The timeline, then "Record every N batches" and the export buttons with their outcome. */
    private VBox evolutionBar() {
        timeline.setId("evolutionTimeline");
        Label everyCaption = text.label("evolution.recordEvery");
        everyCaption.getStyleClass().add("hint");
        Spinner<Integer> every = new Spinner<>(1, MAX_RECORD_EVERY, DEFAULT_RECORD_EVERY);
        every.setId("recordEvery");
        every.setEditable(true);
        every.setPrefWidth(88);
        every.setTooltip(text.tooltip("evolution.recordEveryTip"));
        every.valueProperty().addListener((obs, was, now) -> recordEvery.set(now));
        recordEvery.addListener((obs, was, now) -> every.getValueFactory().setValue(now.intValue()));
        Label batches = text.label("evolution.batches");
        batches.getStyleClass().add("hint");
        Button gif = new Button();
        gif.textProperty().bind(text.text("evolution.exportGif"));
        gif.setId("exportGif");
        gif.setOnAction(e -> chooseGif());
        Button pngs = new Button();
        pngs.textProperty().bind(text.text("evolution.exportPngs"));
        pngs.setId("exportPngs");
        pngs.setOnAction(e -> choosePngDirectory());
        gif.disableProperty().bind(timeline.selectedFrameProperty().isNull().or(exporting));
        pngs.disableProperty().bind(gif.disableProperty());
        exportStatus.setId("exportStatus");
        exportStatus.getStyleClass().add("export-status");
        exportStatus.setWrapText(true);
        exportStatus.visibleProperty().bind(exportStatus.textProperty().isNotEmpty());
        exportStatus.managedProperty().bind(exportStatus.visibleProperty());
        HBox record = new HBox(8, everyCaption, every, batches);
        record.setAlignment(Pos.CENTER_LEFT);
        HBox exports = new HBox(8, gif, pngs);
        // the export buttons go under the recording pace where the tab is narrow, never cut to "Export GI…"
        FlowPane controls = new FlowPane(24, 6, record, exports);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, timeline, controls, exportStatus);
        bar.setId("evolutionBar");
        bar.getStyleClass().addAll("viz-toolbar", "evolution-bar");
        return bar;
    }

    private void chooseGif() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("evolution.gifTitle"));
        chooser.setInitialFileName("evolution.gif");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("evolution.gifFilter"), "*.gif"));
        File file = chooser.showSaveDialog(evolutionBar.getScene().getWindow());
        if (file != null) {
            exportGif(file.toPath());
        }
    }

    private void choosePngDirectory() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.get("evolution.pngTitle"));
        File directory = chooser.showDialog(evolutionBar.getScene().getWindow());
        if (directory != null) {
            exportPngs(directory.toPath());
        }
    }

    private CompletableFuture<Path> export(Path target, UiText.Phrase what, Supplier<CompletableFuture<Path>> start) {
        int count = recorder.frames().size();
        exporting.set(true);
        exportStatus.getStyleClass().remove("export-failed");
        exportStatus.textProperty().bind(text.text("evolution.exporting", String.valueOf(count), what));
        CompletableFuture<Path> written;
        try {
            written = start.get();
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((path, failure) -> Platform.runLater(() -> {
            exporting.set(false);
            if (failure == null) {
                exportStatus.textProperty().bind(text.text("evolution.exported", String.valueOf(count), what));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause.getCause() != null && cause instanceof UncheckedIOException) {
                cause = cause.getCause();
            }
            exportStatus.getStyleClass().add("export-failed");
            exportStatus.textProperty().bind(text.text("evolution.exportFailed", target.toString(), cause.getMessage()));
        }));
        return written;
    }

    private List<String> stylesheets() {
        return featureMapsPane.getScene() == null ? List.of() : List.copyOf(featureMapsPane.getScene().getStylesheets());
    }

    private WrappingRow sampleBar() {
        Label caption = text.label("maps.sample");
        caption.getStyleClass().add("hint");
        Spinner<Integer> chooser = new Spinner<>();
        chooser.setId("sampleChooser");
        chooser.setEditable(true);
        chooser.setPrefWidth(96);
        SpinnerValueFactory.IntegerSpinnerValueFactory samples = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0);
        samples.setWrapAround(true);
        chooser.setValueFactory(samples);
        dataset.addListener((obs, was, now) -> samples.setMax(now == null ? 0 : now.n() - 1));
        samples.valueProperty().addListener((obs, was, now) -> sample.set(now == null ? 0 : now));
        sample.addListener((obs, was, now) -> samples.setValue(now.intValue()));
        Button next = new Button();
        next.textProperty().bind(text.text("maps.next"));
        next.setTooltip(text.tooltip("maps.nextTip"));
        next.setId("nextSample");
        next.setOnAction(e -> samples.increment(1));
        sampleLabel.setId("sampleLabel");
        sampleLabel.getStyleClass().add("sample-label");
        Label rateCaption = text.label("maps.updatesPerSecond");
        rateCaption.getStyleClass().add("hint");
        Spinner<Integer> rate = new Spinner<>(1, MAX_UPDATES_PER_SECOND, DEFAULT_UPDATES_PER_SECOND);
        rate.setId("updatesPerSecond");
        rate.setPrefWidth(88); // as Record every's: presenting, 72 px cut its number
        rate.valueProperty().addListener((obs, was, now) -> updatesPerSecond.set(now));
        HBox choice = new HBox(8, caption, chooser, next);
        choice.setAlignment(Pos.CENTER_LEFT);
        HBox rateChoice = new HBox(8, rateCaption, rate);
        rateChoice.setAlignment(Pos.CENTER_LEFT);
        // the update rate at the row's right end; on a narrow tab (presenting beside the lessons) the label and
        // the rate go on a second row, never cut to "Updates…" or out of the tab
        WrappingRow bar = new WrappingRow(8, 6, choice, sampleLabel, rateChoice).lastAtEnd();
        bar.getStyleClass().add("viz-toolbar");
        return bar;
    }

    private void describeSample() {
        ImageDataset data = dataset.get();
        if (data == null) {
            UiText.clear(sampleLabel.textProperty());
            return;
        }
        int i = Math.max(0, Math.min(sample.get(), data.n() - 1));
        sampleLabel.textProperty().bind(text.text("maps.labelled", data.classNames().get(data.label(i))));
    }


}
