package cnnplayground.ui.viz;

import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.spec.LayerKind;
import cnnplayground.ui.RefreshWhenShown;
import cnnplayground.ui.i18n.UiText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The learned weights: the first conv layer's kernels as magnified pictures with their pixel grid
 * (RGB on colour inputs), deeper conv layers as a filters × input-channels grid, and for a network
 * without convolutions each first-Dense unit's weights as a template the size of the image. Weights
 * are drawn blue (negative), white (0), red (positive), symmetric around 0.
 */
public final class FilterView extends BorderPane {

    /** Filters (rows) and input channels (columns) shown for a deeper conv layer at most. */
    public static final int MAX_GRID = 16;
    /** First-Dense units shown as templates at most. */
    public static final int MAX_UNITS = 32;
    private static final int GRID_LINE = 0xffd1d5db;

    private final ObjectProperty<ProbeResult> result = new SimpleObjectProperty<>(this, "result");
    private final Label placeholder = new Label();
    private final UiText text;
    private final VBox sectionsBox = new VBox();
    private final ScrollPane scroll = new ScrollPane(sectionsBox);
    private final Map<String, Map<Long, ImageView>> images = new LinkedHashMap<>();
    private final Map<String, Label> notes = new HashMap<>();
    private String signature = "";
    private final RefreshWhenShown redraw = new RefreshWhenShown(this::refresh);

    public FilterView() {
        this(new UiText());
    }

    public FilterView(UiText text) {
        this.text = text;
        getStyleClass().add("filter-view");
        placeholder.getStyleClass().add("viz-placeholder");
        placeholder.setWrapText(true);
        sectionsBox.getStyleClass().add("filter-sections");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("viz-scroll");
        Label caption = new Label();
        caption.textProperty().bind(text.text("filters.weights"));
        caption.getStyleClass().add("hint");
        HBox toolbar = new HBox(8, caption, FeatureMapView.legend(ColorMap.DIVERGING, text.text("filters.negative"),
                text.text("filters.positive")));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("viz-toolbar");
        setTop(toolbar);
        result.addListener((obs, was, now) -> redraw.request());
        refresh();
    }

    /** Whether the view is on screen: off, new results wait until it is (see {@link RefreshWhenShown}). */
    public BooleanProperty shownProperty() {
        return redraw.shownProperty();
    }

    /** The probe result whose filters are shown; {@code null} shows the "train first" text. */
    public ObjectProperty<ProbeResult> resultProperty() {
        return result;
    }

    /** Names of the layers shown, in order. */
    public List<String> layerNames() {
        return List.copyOf(images.keySet());
    }

    /**
     * One filter's picture: {@code input} is its input channel in a deeper conv layer's grid, and 0
     * where a filter is one picture (first conv layer, Dense templates).
     */
    public Optional<Image> filterImage(String layerName, int output, int input) {
        Map<Long, ImageView> layer = images.get(layerName);
        ImageView view = layer == null ? null : layer.get(key(output, input));
        return view == null ? Optional.empty() : Optional.ofNullable(view.getImage());
    }

    /** Pictures shown for a layer. */
    public int imageCount(String layerName) {
        Map<Long, ImageView> layer = images.get(layerName);
        return layer == null ? 0 : layer.size();
    }

    private void refresh() {
        ProbeResult r = result.get();
        if (r == null || r.filters().isEmpty()) {
            images.clear();
            signature = "";
            placeholder.textProperty().bind(text.text(r == null ? "maps.empty" : "filters.none"));
            setCenter(placeholder);
            return;
        }
        String newSignature = signatureOf(r);
        if (!newSignature.equals(signature)) {
            rebuild(r);
            signature = newSignature;
        }
        boolean first = true;
        for (FilterBank bank : r.filters()) {
            draw(bank, kindOf(r, bank), first);
            first = false;
        }
        if (getCenter() != scroll) {
            setCenter(scroll);
        }
    }

    private void rebuild(ProbeResult r) {
        images.clear();
        notes.clear();
        sectionsBox.getChildren().clear();
        boolean first = true;
        for (FilterBank bank : r.filters()) {
            LayerKind kind = kindOf(r, bank);
            Label header = new Label(bank.name() + " · " + kind.kerasName() + " · " + bank.outputs() + " × "
                    + bank.kernelHeight() + "×" + bank.kernelWidth() + "×" + bank.inputs());
            header.getStyleClass().add("feature-row-header");
            Label note = new Label();
            note.getStyleClass().add("feature-row-note");
            note.setWrapText(true);
            notes.put(bank.name(), note);
            Map<Long, ImageView> views = new LinkedHashMap<>();
            images.put(bank.name(), views);
            VBox section = new VBox(4, header, note);
            section.setId("filterLayer-" + bank.name());
            section.getStyleClass().add("feature-row");
            if (kind == LayerKind.CONV_2D && !first && bank.inputs() > 1) {
                section.getChildren().add(grid(bank, views));
            } else {
                section.getChildren().add(flow(bank, kind, views));
            }
            sectionsBox.getChildren().add(section);
            first = false;
        }
    }

    private FlowPane flow(FilterBank bank, LayerKind kind, Map<Long, ImageView> views) {
        FlowPane tiles = new FlowPane(6, 6);
        tiles.getStyleClass().add("feature-tiles");
        int count = kind == LayerKind.DENSE ? Math.min(MAX_UNITS, bank.outputs()) : bank.outputs();
        for (int o = 0; o < count; o++) {
            ImageView view = view();
            Label label = new Label("f " + o);
            if (kind == LayerKind.DENSE) {
                label.textProperty().bind(text.text("filters.unit", String.valueOf(o)));
            }
            label.getStyleClass().add("tile-label");
            VBox tile = new VBox(2, view, label);
            tile.getStyleClass().add("feature-tile");
            views.put(key(o, 0), view);
            tiles.getChildren().add(tile);
        }
        return tiles;
    }

    private GridPane grid(FilterBank bank, Map<Long, ImageView> views) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("filter-grid");
        int outputs = Math.min(MAX_GRID, bank.outputs());
        int inputs = Math.min(MAX_GRID, bank.inputs());
        for (int i = 0; i < inputs; i++) {
            Label in = new Label("in " + i);
            in.getStyleClass().add("tile-label");
            grid.add(in, i + 1, 0);
        }
        for (int o = 0; o < outputs; o++) {
            Label f = new Label("f " + o);
            f.getStyleClass().add("tile-label");
            grid.add(f, 0, o + 1);
            for (int i = 0; i < inputs; i++) {
                ImageView view = view();
                views.put(key(o, i), view);
                grid.add(view, i + 1, o + 1);
            }
        }
        return grid;
    }

    private void draw(FilterBank bank, LayerKind kind, boolean first) {
        Map<Long, ImageView> views = images.get(bank.name());
        float maxAbs = maxAbs(bank.weights());
        Label note = notes.get(bank.name());
        UiText.Phrase scale = UiText.phrase("filters.scale", FeatureMapView.number(maxAbs));
        if (kind == LayerKind.DENSE) {
            int shown = Math.min(MAX_UNITS, bank.outputs());
            String size = bank.kernelHeight() + "×" + bank.kernelWidth();
            note.textProperty().bind(shown < bank.outputs()
                    ? text.text("filters.templatesCut", size, String.valueOf(shown), String.valueOf(bank.outputs()))
                    : text.text("filters.templates", size));
            int cell = Math.max(1, 84 / Math.max(bank.kernelHeight(), bank.kernelWidth()));
            for (int o = 0; o < shown; o++) {
                float unitMax = maxAbs(bank, o);
                paint(views.get(key(o, 0)), bank, o, -1, unitMax, cell, false);
            }
        } else if (first || bank.inputs() == 1) {
            note.textProperty().bind(text.text(bank.inputs() == 3 ? "filters.firstRgb" : "filters.first",
                    String.valueOf(bank.outputs()), scale));
            int cell = Math.max(4, 48 / Math.max(bank.kernelHeight(), bank.kernelWidth()));
            for (int o = 0; o < bank.outputs(); o++) {
                paint(views.get(key(o, 0)), bank, o, bank.inputs() == 3 ? -1 : 0, maxAbs, cell, true);
            }
        } else {
            int outputs = Math.min(MAX_GRID, bank.outputs());
            int inputs = Math.min(MAX_GRID, bank.inputs());
            boolean cut = outputs < bank.outputs() || inputs < bank.inputs();
            note.textProperty().bind(cut ? text.text("filters.gridCut", scale, outputs + " × " + inputs,
                    bank.outputs() + " × " + bank.inputs()) : text.text("filters.grid", scale));
            int cell = Math.max(3, 24 / Math.max(bank.kernelHeight(), bank.kernelWidth()));
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < inputs; i++) {
                    paint(views.get(key(o, i)), bank, o, i, maxAbs, cell, true);
                }
            }
        }
    }

    /**
     * Paints filter {@code o} reading input {@code in} (-1: all inputs, as RGB when there are three,
     * else the first) with a {@code cell}-pixel square per weight and, with {@code gridLines}, a
     * one-pixel line between weights.
     */
    private static void paint(ImageView view, FilterBank bank, int o, int in, float range, int cell, boolean gridLines) {
        int kh = bank.kernelHeight();
        int kw = bank.kernelWidth();
        int line = gridLines ? 1 : 0;
        int width = kw * (cell + line) + line;
        int height = kh * (cell + line) + line;
        WritableImage image = (WritableImage) view.getImage();
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, GRID_LINE);
        boolean rgb = in < 0 && bank.inputs() == 3;
        int channel = Math.max(0, in);
        for (int row = 0; row < kh; row++) {
            for (int col = 0; col < kw; col++) {
                int argb = rgb ? 0xff000000 | signedByte(bank.get(o, 0, row, col), range) << 16
                        | signedByte(bank.get(o, 1, row, col), range) << 8 | signedByte(bank.get(o, 2, row, col), range)
                        : ColorMap.DIVERGING.argb(range > 0 ? 0.5 + 0.5 * bank.get(o, channel, row, col) / range : 0.5);
                Heatmaps.fill(pixels, width, line + col * (cell + line), line + row * (cell + line), cell, cell, argb);
            }
        }
        Heatmaps.write(image, pixels);
        view.setImage(image);
    }

    private static ImageView view() {
        ImageView view = new ImageView();
        view.setSmooth(false);
        view.getStyleClass().add("filter-image");
        return view;
    }

    private static int signedByte(float w, float range) {
        double t = range > 0 ? 0.5 + 0.5 * w / range : 0.5;
        return (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
    }

    private static float maxAbs(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max;
    }

    private static float maxAbs(FilterBank bank, int output) {
        float max = 0;
        for (int i = 0; i < bank.inputs(); i++) {
            for (int r = 0; r < bank.kernelHeight(); r++) {
                for (int c = 0; c < bank.kernelWidth(); c++) {
                    max = Math.max(max, Math.abs(bank.get(output, i, r, c)));
                }
            }
        }
        return max;
    }

    private static LayerKind kindOf(ProbeResult r, FilterBank bank) {
        for (LayerActivation a : r.activations()) {
            if (a.layerIndex() == bank.layerIndex()) {
                return a.kind();
            }
        }
        return bank.kernelHeight() * bank.kernelWidth() > 49 ? LayerKind.DENSE : LayerKind.CONV_2D;
    }

    private static String signatureOf(ProbeResult r) {
        StringBuilder s = new StringBuilder();
        for (FilterBank b : r.filters()) {
            s.append(b.name()).append(':').append(b.outputs()).append('x').append(b.inputs()).append('x')
                    .append(b.kernelHeight()).append('x').append(b.kernelWidth()).append('|');
        }
        return s.toString();
    }

    private static long key(int output, int input) {
        return (long) output << 32 | input;
    }
}
