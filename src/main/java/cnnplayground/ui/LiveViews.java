package cnnplayground.ui;

import cnnplayground.data.FloatGrid;
import cnnplayground.data.ImageDataset;
import cnnplayground.data.ModelInputs;
import cnnplayground.engine.ModelProbe;
import cnnplayground.engine.ProbeResult;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.Shape;
import cnnplayground.ui.draw.DrawView;
import cnnplayground.ui.viz.FeatureMapView;
import cnnplayground.ui.viz.FilterView;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The FX side of looking inside the network. Owns the {@link ModelProbe}: each frame it loads the
 * newest weights when their step changed, and when the watched input or the weights changed it
 * probes, at most {@link #updatesPerSecondProperty()} times a second for a dataset sample and every
 * {@link DrawView#DEBOUNCE_NANOS} for a drawing, with at most one probe in flight. Results come back
 * on the FX thread and go only to the views being looked at; the FX thread never waits for the probe.
 */
public final class LiveViews {

    /** Probes per second of the watched dataset sample, unless changed. */
    public static final int DEFAULT_UPDATES_PER_SECOND = 4;
    public static final int MAX_UPDATES_PER_SECOND = 20;

    /** What the views being looked at need probed. */
    public enum Watched { NOTHING, SAMPLE, DRAWING }

    private final ModelProbe probe;
    private final Supplier<Optional<WeightsSnapshot>> trainingWeights;
    private final ObjectProperty<ImageDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<Watched> watched = new SimpleObjectProperty<>(this, "watched", Watched.NOTHING);
    private final IntegerProperty sample = new SimpleIntegerProperty(this, "sample", 0);
    private final IntegerProperty updatesPerSecond = new SimpleIntegerProperty(this, "updatesPerSecond",
            DEFAULT_UPDATES_PER_SECOND);
    private final FeatureMapView featureMaps = new FeatureMapView();
    private final FilterView filters = new FilterView();
    private final DrawView draw = new DrawView();
    private final VBox featureMapsPane;
    private final Label sampleLabel = new Label();
    private final Label problem = new Label();
    private final AnimationTimer timer;
    private WeightsSnapshot offered;
    private WeightsSnapshot loaded;
    private boolean inFlight;
    private boolean sampleStale;
    private boolean drawingStale;
    private long lastProbe;
    private long probesApplied;

    /** @param trainingWeights the newest weights of the current or last run (empty before any run) */
    public LiveViews(ModelProbe probe, Supplier<Optional<WeightsSnapshot>> trainingWeights) {
        this.probe = probe;
        this.trainingWeights = trainingWeights;
        featureMaps.setId("sampleFeatureMaps");
        filters.setId("filterView");
        featureMapsPane = new VBox(sampleBar(), featureMaps);
        featureMapsPane.getStyleClass().add("live-pane");
        VBox.setVgrow(featureMaps, Priority.ALWAYS);
        problem.setId("probeProblem");
        problem.getStyleClass().add("training-failure");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        featureMapsPane.getChildren().add(1, problem);

        sample.addListener((obs, was, now) -> {
            sampleStale = true;
            describeSample();
        });
        dataset.addListener((obs, was, now) -> {
            sampleStale = true;
            describeSample();
        });
        draw.modelInputProperty().addListener((obs, was, now) -> drawingStale = true);
        watched.addListener((obs, was, now) -> lastProbe = 0);
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

    /** Stops probing and closes the probe on its own thread (closing waits for the probe's thread). */
    public Thread shutdown() {
        timer.stop();
        Thread closer = new Thread(probe::close, "probe-close");
        closer.setDaemon(true);
        closer.start();
        return closer;
    }

    /** A trained model to look into while no run offers weights (e.g. one loaded from a file). */
    public void show(WeightsSnapshot weights) {
        offered = weights;
    }

    public ObjectProperty<ImageDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Watched> watchedProperty() {
        return watched;
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

    public FeatureMapView featureMaps() {
        return featureMaps;
    }

    public FilterView filters() {
        return filters;
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

    private void frame(long now) {
        Watched target = watched.get();
        if (target == Watched.NOTHING) {
            return; // only the charts are on screen: leave the CPU to training
        }
        Optional<WeightsSnapshot> newest = trainingWeights.get().or(() -> Optional.ofNullable(offered));
        if (newest.isPresent() && isNewer(newest.get())) {
            loaded = newest.get();
            probe.load(loaded);
            draw.inputShapeProperty().set(loaded.spec().input());
            sampleStale = true;
            drawingStale = true;
        }
        if (loaded == null || inFlight) {
            return;
        }
        boolean stale = target == Watched.SAMPLE ? sampleStale : drawingStale;
        long gap = target == Watched.SAMPLE ? 1_000_000_000L / Math.max(1, updatesPerSecond.get())
                : DrawView.DEBOUNCE_NANOS;
        if (!stale || now - lastProbe < gap) {
            return;
        }
        Optional<FloatGrid> input = target == Watched.SAMPLE ? sampleInput() : Optional.ofNullable(draw.modelInputProperty().get());
        if (target == Watched.SAMPLE) {
            sampleStale = false;
        } else {
            drawingStale = false;
        }
        if (input.isEmpty()) {
            return;
        }
        inFlight = true;
        lastProbe = now;
        probe.probe(input.get()).whenComplete((result, failure) -> Platform.runLater(() -> applied(target, result, failure)));
    }

    private boolean isNewer(WeightsSnapshot candidate) {
        return loaded == null || candidate.step() != loaded.step() || !candidate.spec().equals(loaded.spec());
    }

    private void applied(Watched target, ProbeResult result, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            problem.setText("Could not look inside the network: " + cause.getMessage());
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        probesApplied++;
        List<String> classNames = loaded == null ? List.of() : loaded.classNames();
        filters.resultProperty().set(result);
        if (target == Watched.SAMPLE) {
            featureMaps.classNamesProperty().set(classNames);
            featureMaps.resultProperty().set(result);
        } else {
            draw.showResult(result, classNames);
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

    private HBox sampleBar() {
        Label caption = new Label("Sample");
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
        Button next = new Button("Next sample");
        next.setId("nextSample");
        next.setOnAction(e -> samples.increment(1));
        sampleLabel.setId("sampleLabel");
        sampleLabel.getStyleClass().add("sample-label");
        Label rateCaption = new Label("Updates per second");
        rateCaption.getStyleClass().add("hint");
        Spinner<Integer> rate = new Spinner<>(1, MAX_UPDATES_PER_SECOND, DEFAULT_UPDATES_PER_SECOND);
        rate.setId("updatesPerSecond");
        rate.setPrefWidth(72);
        rate.valueProperty().addListener((obs, was, now) -> updatesPerSecond.set(now));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, chooser, next, sampleLabel, spacer, rateCaption, rate);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("viz-toolbar");
        return bar;
    }

    private void describeSample() {
        ImageDataset data = dataset.get();
        if (data == null) {
            sampleLabel.setText("");
            return;
        }
        int i = Math.max(0, Math.min(sample.get(), data.n() - 1));
        sampleLabel.setText("labelled " + data.classNames().get(data.label(i)));
    }
}
