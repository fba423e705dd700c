package cnnplayground.ui.stage;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import cnnplayground.ui.RefreshWhenShown;
import cnnplayground.ui.draw.DrawingPad;
import cnnplayground.ui.draw.PadInput;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.train.TrainingCharts;
import cnnplayground.ui.workspace.RunSetup;
import cnnplayground.ui.workspace.Workspace;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Stage layout, the app's first screen: the whole network ({@link NetworkStageView}) with most of the
 * window, and beside it a drawing pad and the loss and accuracy charts; the editor and the settings are folded
 * away. The charts are a second {@link TrainingCharts} following the workspace's run, so the Training tab keeps
 * its own. Whoever probes the network hands this screen each probe of the dataset sample ({@link #showSample})
 * and of the pad's drawing ({@link #showDrawing}, asked for through {@link #drawingProperty()}); while the pad
 * holds a drawing the network shows it, and a blank pad shows the sample again.
 *
 * <p>While a unit's arithmetic is open the pad and the charts fold away, so its numbers get the whole width.
 *
 * <p>Redraws wait while the screen is hidden ({@link #visibleProperty()}) and catch up when it shows.
 */
public final class StageScreen extends BorderPane {

    /**
     * The side column's share of the width, within {@link #SIDE_MIN}..{@link #SIDE_MAX} pixels: at 1280 px
     * LeNet-5's columns need about 980 px, the rest is the column's.
     */
    private static final double SIDE_SHARE = 0.22;
    private static final double SIDE_MIN = 240;
    private static final double SIDE_MAX = 460;
    /** Larger than this the pad would only take the charts' room, even on a 4K projector. */
    private static final double PAD_MAX_SCALE = 1.3;
    /** The pad's two-line caption and its Undo and Clear row, with the spacing, in pixels, besides the canvas. */
    private static final double PAD_CHROME = 90;
    /** The charts' least time between two redraws at full speed: the live views' 4 a second. */
    static final Duration CHART_INTERVAL = Duration.ofMillis(250);

    /**
     * A probe to show and what to say with it: whose weights made it (as shown, and as the phrase the stage's
     * explanation caption takes; null when unnamed) and, for a dataset image, its label.
     */
    public record Probed(ProbeResult result, WeightsSnapshot weights, String weightsLabel, UiText.Phrase whose,
                         OptionalInt trueClass) {
    }

    private final UiText text;
    private final Workspace workspace;
    private final NetworkStageView network = new NetworkStageView();
    private final TrainingCharts charts;
    private final DrawingPad pad;
    private final PadInput padInput;
    private final ObjectProperty<Shape> inputShape = new SimpleObjectProperty<>(this, "inputShape");
    private final ReadOnlyObjectWrapper<FloatGrid> drawing = new ReadOnlyObjectWrapper<>(this, "drawing");
    private final RefreshWhenShown chartRedraw = new RefreshWhenShown(this::drawCharts);
    private final VBox side;
    /** The newest snapshot drawn a little later, when it came too soon after the last drawn. */
    private final PauseTransition chartDelay = new PauseTransition();
    private long lastChartDraw;
    private Probed sample;
    private Probed drawn;
    private Probed shown;
    private NetworkSpec shownNetwork;
    private NetworkAnalysis shownAnalysis;
    private TrainingSnapshot chartSnapshot;

    public StageScreen(Workspace workspace, UiText text) {
        this.workspace = workspace;
        this.text = text;
        setId("stageScreen");
        getStyleClass().add("stage-screen");
        network.setId("networkStage");
        charts = new TrainingCharts(text);
        charts.setId("stageCharts");
        pad = new DrawingPad(text);
        pad.setId("stagePad");
        inputShape.bind(Bindings.createObjectBinding(() -> workspace.editor().getNetwork().input(),
                workspace.editor().networkProperty()));
        padInput = new PadInput(pad, inputShape);
        followDrawing();
        followRun();

        Label padTitle = new Label();
        padTitle.setId("stagePadTitle");
        padTitle.getStyleClass().add("stage-side-title");
        padTitle.setWrapText(true);
        padTitle.textProperty().bind(Bindings.when(drawing.isNull()).then(text.text("stage.padHint"))
                .otherwise(text.text("stage.padShowing")));
        padTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(charts, Priority.ALWAYS);
        side = new VBox(6, padTitle, pad, charts);
        side.getStyleClass().add("stage-side");
        // the pad is fitted to the height the window gives (fitSide), so its size must not ask for more
        side.setMinHeight(0);
        // a unit's arithmetic needs the whole width: at 1280 px its sums were cut off beside the column
        side.visibleProperty().bind(network.selectedUnitProperty().isNull());
        side.managedProperty().bind(side.visibleProperty());
        setCenter(network);
        setRight(side);
        visibleProperty().addListener((obs, was, on) -> refresh());
        chartRedraw.shownProperty().bind(visibleProperty());
    }

    /** The whole network, left to right. */
    public NetworkStageView network() {
        return network;
    }

    /** The loss and accuracy of the workspace's run. */
    public TrainingCharts charts() {
        return charts;
    }

    /** The stage's own drawing pad. */
    public DrawingPad pad() {
        return pad;
    }

    /** The pad's drawing as the network sees it; null while the pad is blank. */
    public ReadOnlyObjectProperty<FloatGrid> drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    /** The probe the network shows now; empty before the first one. */
    public Optional<Probed> shown() {
        return Optional.ofNullable(shown);
    }

    /** A probe of the watched dataset sample: shown unless the pad holds a drawing. */
    public void showSample(Probed probed) {
        sample = probed;
        refresh();
    }

    /** A probe of the pad's drawing; one that comes back after the pad was cleared is dropped. */
    public void showDrawing(Probed probed) {
        if (drawing.get() == null) {
            return;
        }
        drawn = probed;
        refresh();
    }

    /** The drawing goes as soon as the pad is blank, not a debounce later: Clear shows the sample at once. */
    private void followDrawing() {
        padInput.modelInputProperty().addListener((obs, was, now) -> drawing.set(pad.isEmpty() ? null : now));
        pad.revisionProperty().addListener((obs, was, now) -> {
            if (pad.isEmpty()) {
                drawing.set(null);
            }
        });
        drawing.addListener((obs, was, now) -> {
            if (now == null) {
                drawn = null;
                refresh();
            }
        });
    }

    /** The charts start afresh with each run and follow its snapshots, as the Training tab's do. */
    private void followRun() {
        workspace.runsProperty().addListener((obs, was, now) -> {
            chartSnapshot = null;
            charts.clear();
        });
        workspace.snapshotProperty().addListener((obs, was, now) -> {
            if (now != null) {
                chartSnapshot = now;
                requestCharts();
            }
        });
        chartDelay.setOnFinished(e -> {
            lastChartDraw = System.nanoTime();
            chartRedraw.request();
        });
    }

    /**
     * At full speed the charts redraw at most every {@link #CHART_INTERVAL} (the newest snapshot, a little
     * later): at every snapshot, 20 a second, their CSS and layout took the FX thread and with it training's
     * CPU. At a narrated pace they show every step.
     */
    private void requestCharts() {
        long now = System.nanoTime();
        long since = now - lastChartDraw;
        if (workspace.paceProperty().get().showsEveryBatch() || since >= CHART_INTERVAL.toNanos()) {
            chartDelay.stop();
            lastChartDraw = now;
            chartRedraw.request();
        } else if (chartDelay.getStatus() != Animation.Status.RUNNING) {
            chartDelay.setDuration(javafx.util.Duration.millis((CHART_INTERVAL.toNanos() - since) / 1e6));
            chartDelay.playFromStart();
        }
    }

    private void drawCharts() {
        if (chartSnapshot == null) {
            return;
        }
        int epochs = workspace.lastRun().map(RunSetup::config).map(TrainingConfig::epochs).orElse(0);
        long total = chartSnapshot.progress().totalSteps();
        charts.show(chartSnapshot, epochs > 0 && total > 0 ? Math.max(1, total / epochs) : 1);
    }

    /**
     * Shows the drawing's probe while the pad holds a drawing and one came back, else the sample's; a probe of
     * a network the stage is not showing first lays the stage out for that network.
     */
    private void refresh() {
        boolean ofDrawing = drawing.get() != null && drawn != null;
        Probed probed = ofDrawing ? drawn : sample;
        if (!isVisible() || probed == null) {
            return;
        }
        NetworkSpec spec = probed.weights().spec();
        if (!spec.equals(shownNetwork)) {
            // analysed once per network, not at every probe
            NetworkAnalysis analysis = spec.analyze();
            if (!analysis.isValid()) {
                return;
            }
            network.setNetwork(analysis, probed.weights().classNames());
            shownNetwork = spec;
            shownAnalysis = analysis;
        }
        if (shownAnalysis.layers().size() != probed.result().activations().size()) {
            return; // a probe of the network before the one now loaded: the next probe follows
        }
        shown = probed;
        network.update(probed.result());
        network.setTrueClass(probed.trueClass());
        network.setWeightsLabel(ofDrawing ? text.get("stage.ofDrawing", probed.weightsLabel()) : probed.weightsLabel());
        if (probed.whose() != null) {
            network.explanation().ifPresent(explanation -> explanation.inputProbed(probed.result(), probed.weights(),
                    probed.whose()));
        }
    }

    @Override
    protected void layoutChildren() {
        fitSide();
        super.layoutChildren();
    }

    /**
     * The side column takes its share of the width; the pad is as large as the column's width allows and the
     * charts' least height leaves (the same values again change nothing, so this settles in one pass).
     */
    private void fitSide() {
        double width = Math.max(SIDE_MIN, Math.min(SIDE_MAX, getWidth() * SIDE_SHARE));
        side.setPrefWidth(width);
        side.setMinWidth(width);
        side.setMaxWidth(width);
        double inner = width - side.getInsets().getLeft() - side.getInsets().getRight();
        double room = Math.min(inner, getHeight() - side.getInsets().getTop() - side.getInsets().getBottom()
                - charts.minHeight(inner) - PAD_CHROME);
        pad.setCanvasScale(Math.max(0.4, Math.min(PAD_MAX_SCALE, room / DrawingPad.SIZE)));
    }
}
