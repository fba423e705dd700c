package cnnplayground.ui.draw;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.Shape;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.viz.ColorMap;
import cnnplayground.ui.viz.FeatureMapView;
import cnnplayground.ui.viz.Heatmaps;
import cnnplayground.ui.viz.ProbabilityBars;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Draw a digit, see what the network sees and what it thinks: the pad, the image fed to the
 * network (centred as MNIST was, at the model's input size), the class probabilities and the drawn
 * digit's feature maps. The model input is recomputed at most every {@link #DEBOUNCE_NANOS} while
 * drawing; whoever probes the network listens to {@link #modelInputProperty()}.
 */
public final class DrawView extends VBox {

    /** While the pen moves, the model input is recomputed at most this often (50 ms). */
    public static final long DEBOUNCE_NANOS = PadInput.DEBOUNCE_NANOS;
    private static final int PREVIEW_PIXELS = 112;

    private final UiText text;
    private final DrawingPad pad;
    private final ObjectProperty<Shape> inputShape = new SimpleObjectProperty<>(this, "inputShape", Shape.image(28, 28, 1));
    private final ImageView preview = new ImageView();
    private final Label previewCaption = new Label();
    private final Label sizeNote = new Label();
    private final Label status = new Label();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final FeatureMapView maps;
    private final PadInput padInput;
    /** Whether the network's answers are shown (there are weights), rather than "train first". */
    private boolean resultsShown;
    private WritableImage previewImage;

    public DrawView() {
        this(new UiText());
    }

    public DrawView(UiText text) {
        this.text = text;
        pad = new DrawingPad(text);
        maps = new FeatureMapView(text);
        status.textProperty().bind(text.text("maps.empty"));
        setId("drawView");
        getStyleClass().add("draw-view");
        preview.setId("drawPreview");
        preview.setSmooth(false);
        preview.getStyleClass().add("draw-preview");
        previewCaption.getStyleClass().add("hint");
        // presenting at 1280 px the caption is wider than the room beside the pad
        previewCaption.setWrapText(true);
        sizeNote.setId("drawSizeNote");
        sizeNote.getStyleClass().add("draw-size-note");
        sizeNote.setWrapText(true);
        sizeNote.managedProperty().bind(sizeNote.visibleProperty());
        status.setId("drawStatus");
        status.getStyleClass().add("viz-placeholder");
        status.setWrapText(true);
        bars.setId("drawProbabilities");
        VBox side = new VBox(6, previewCaption, preview, sizeNote, bars, status);
        side.getStyleClass().add("draw-side");
        PadRow top = new PadRow(pad, side);
        maps.setId("drawFeatureMaps");
        VBox.setVgrow(maps, Priority.ALWAYS);
        getChildren().addAll(top, maps);

        pad.revisionProperty().addListener((obs, was, now) -> {
            if (resultsShown && pad.isEmpty()) {
                showDrawPrompt(); // Clear (or undoing the last stroke) takes the answer away at once
            }
        });
        padInput = new PadInput(pad, inputShape);
        padInput.modelInputProperty().addListener((obs, was, now) -> showPreview(now));
        showPreview(padInput.modelInputProperty().get());
    }

    public DrawingPad pad() {
        return pad;
    }

    public FeatureMapView featureMaps() {
        return maps;
    }

    public ProbabilityBars probabilities() {
        return bars;
    }

    /** The network's input shape; the drawing is fitted to it. */
    public ObjectProperty<Shape> inputShapeProperty() {
        return inputShape;
    }

    /** The drawing as the network sees it: centred, at the input size, 0..1. */
    public ReadOnlyObjectProperty<FloatGrid> modelInputProperty() {
        return padInput.modelInputProperty();
    }

    /**
     * Shows what the network made of the drawing; for a blank input (no ink) there is no prediction to
     * show, only the prompt to draw.
     */
    public void showResult(ProbeResult result, List<String> classNames) {
        resultsShown = true;
        maps.classNamesProperty().set(classNames);
        if (result.input().max() == 0f || pad.isEmpty()) { // a blank pad, or cleared since this was probed
            showDrawPrompt();
            return;
        }
        maps.setVisible(true);
        bars.show(result.prediction(), classNames);
        int top = result.prediction().topClass();
        status.textProperty().bind(text.text("draw.says",
                top < classNames.size() ? classNames.get(top) : Integer.toString(top),
                String.format(Locale.ROOT, "%.0f", 100 * result.prediction().probability(top))));
        maps.classNamesProperty().set(classNames);
        maps.resultProperty().set(result);
    }

    /**
     * Builds the bars and the maps for results shaped like {@code outline} while none is shown (see
     * {@link FeatureMapView#prepare}).
     */
    public void prepare(ProbeResult outline, List<String> classNames) {
        if (maps.resultProperty().get() != null) {
            return;
        }
        bars.prepare(outline.prediction().probabilities().length, classNames);
        maps.prepare(outline, classNames);
    }

    /** Back to "train first": no bars, no maps. */
    public void clearResult() {
        resultsShown = false;
        bars.clear();
        status.textProperty().bind(text.text("maps.empty"));
        maps.setVisible(true);
        maps.resultProperty().set(null);
    }

    /** Nothing drawn: no bars, no maps (they would say what a blank pad "is"), and the prompt to draw. */
    private void showDrawPrompt() {
        bars.clear();
        status.textProperty().bind(text.text("draw.prompt"));
        maps.resultProperty().set(null);
        maps.setVisible(false);
    }

    /** The image fed to the network, enlarged, and what size it is. */
    private void showPreview(FloatGrid input) {
        int h = input.height();
        int w = input.width();
        int c = input.channels();
        int scale = Math.max(1, PREVIEW_PIXELS / Math.max(h, w));
        previewImage = c == 3 ? Heatmaps.rgb(previewImage, input, scale)
                : Heatmaps.channel(previewImage, input, 0, 0, 1, ColorMap.GREY, scale);
        preview.setImage(previewImage);
        String size = h + "×" + w + "×" + c;
        previewCaption.textProperty().bind(text.text("draw.sees", size));
        boolean digitSized = h == 28 && w == 28 && c == 1;
        sizeNote.setVisible(!digitSized);
        if (digitSized) {
            UiText.clear(sizeNote.textProperty());
        } else {
            sizeNote.textProperty().bind(text.text(c == 3 ? "draw.scaledRgb" : "draw.scaled", size));
        }
    }

    /**
     * The pad, and beside it the side column filling the rest of the row. Where the row is narrower than the pad
     * and the column's least width, the pad shrinks, down to {@value #LEAST_PAD_BESIDE} px wide, so the
     * probabilities stay in view beside it (presenting at 1280 px, also beside the lessons, where the tab is about
     * 400 px and the enlarged pad alone 390); narrower still, the column goes under the pad, which shrinks to the
     * row if it is wider.
     */
    private static final class PadRow extends Region {

        private static final double GAP = 12;
        /** The narrowest the pad gets to keep the column beside it: still drawable with a mouse. */
        private static final double LEAST_PAD_BESIDE = 160;
        /** The pad as presentation mode enlarges it; scaled down here where the row is narrower. */
        private final Group pad;
        private final Region side;

        PadRow(Node drawingPad, Region side) {
            // in a Group, so a pad enlarged by presentation mode takes its enlarged room; in another, so the
            // room counts the shrinking too
            this.pad = new Group(drawingPad);
            this.side = side;
            getChildren().addAll(new Group(pad), side);
        }

        private double inner(double width) {
            return width - snappedLeftInset() - snappedRightInset();
        }

        private double padWidth() {
            return pad.getLayoutBounds().getWidth();
        }

        private double padHeight() {
            return pad.getLayoutBounds().getHeight();
        }

        /** The room beside the pad and the gap when the column takes its least width. */
        private double roomForPad(double width) {
            return inner(width) - GAP - side.minWidth(-1);
        }

        private boolean beside(double width) {
            return width < 0 || roomForPad(width) >= Math.min(LEAST_PAD_BESIDE, padWidth());
        }

        /** How much the pad shrinks in a row {@code width} wide: 1 where there is room. */
        private double fit(double width) {
            if (width < 0) {
                return 1;
            }
            return Math.min(1, (beside(width) ? roomForPad(width) : inner(width)) / padWidth());
        }

        private double sideWidth(double width) {
            return Math.max(side.minWidth(-1),
                    beside(width) ? inner(width) - padWidth() * fit(width) - GAP : inner(width));
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + side.minWidth(-1) + snappedRightInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + padWidth() + GAP + side.prefWidth(-1) + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            double sideHeight = side.prefHeight(width < 0 ? -1 : sideWidth(width));
            double padHeight = padHeight() * fit(width);
            return snappedTopInset() + (beside(width) ? Math.max(padHeight, sideHeight) : padHeight + GAP + sideHeight)
                    + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double fit = fit(width);
            pad.setScaleX(fit);
            pad.setScaleY(fit);
            Node scaledPad = getChildren().get(0);
            double x = snappedLeftInset();
            double y = snappedTopInset();
            scaledPad.relocate(x, y);
            double sideWidth = sideWidth(width);
            double sideHeight = side.prefHeight(sideWidth);
            if (beside(width)) {
                side.resizeRelocate(snapPositionX(x + padWidth() * fit + GAP), y, sideWidth, sideHeight);
            } else {
                side.resizeRelocate(x, snapPositionY(y + padHeight() * fit + GAP), sideWidth, sideHeight);
            }
        }
    }
}
