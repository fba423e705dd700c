package cnnplayground.ui.viz;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.ui.RefreshWhenShown;
import cnnplayground.ui.i18n.UiText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What every layer makes of one input: the input first, then conv and pooling outputs as one tile per
 * channel, flat layers as a strip of units, the output as class probabilities. Tiles are
 * {@link WritableImage}s rewritten in place while the layers keep their shapes, so a live update
 * costs pixel writes, not new nodes. Clicking a tile enlarges it beside the rows.
 */
public final class FeatureMapView extends BorderPane {

    /** What the view says before there is anything to show. */
    public static final String EMPTY_TEXT = "Train the network (or load a model) to see inside it";
    /** Tiles shown per layer at most; wider layers say how many are left out. */
    public static final int MAX_TILES = 64;
    static final String INPUT_ROW = "input";
    private static final int TILE_PIXELS = 64;
    private static final int ENLARGED_PIXELS = 224;
    private static final int STRIP_PIXELS = 384;
    private static final int STRIP_COLUMNS = 128;

    /** Whether each tile uses its own value range or all tiles of a layer share the layer's. */
    public enum Scaling { PER_CHANNEL, PER_LAYER }

    private final ObjectProperty<ProbeResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(this, "scaling", Scaling.PER_CHANNEL);
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(this, "classNames", List.of());
    private final Label placeholder = new Label();
    private final UiText text;
    private final VBox rowsBox = new VBox();
    private final ScrollPane scroll = new ScrollPane(rowsBox);
    /** The rows under the "train first" text: hidden, they can be built and styled before a result comes. */
    private final StackPane body = new StackPane(scroll, placeholder);
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final ImageView enlargedView = new ImageView();
    private final Label enlargedTitle = new Label();
    private final Label enlargedRange = new Label();
    private final VBox enlarged;
    private final ReceptiveFieldOverlay receptiveField = new ReceptiveFieldOverlay();
    private int enlargedScale = 1;
    private String signature = "";
    private MapRow selectedRow;
    private int selectedChannel = -1;
    private WritableImage enlargedImage;
    private final RefreshWhenShown redraw = new RefreshWhenShown(this::refresh);
    /** Presenting, the tiles are drawn larger. */
    private final VisualScale visualScale = new VisualScale();

    public FeatureMapView() {
        this(new UiText());
    }

    public FeatureMapView(UiText text) {
        this.text = text;
        placeholder.textProperty().bind(text.text("maps.empty"));
        getStyleClass().add("feature-map-view");
        placeholder.getStyleClass().add("viz-placeholder");
        placeholder.setWrapText(true);
        rowsBox.getStyleClass().add("feature-rows");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("viz-scroll");

        ToggleGroup group = new ToggleGroup();
        ToggleButton perChannel = new ToggleButton();
        perChannel.textProperty().bind(text.text("maps.perChannel"));
        perChannel.setId("perChannelScale");
        ToggleButton perLayer = new ToggleButton();
        perLayer.textProperty().bind(text.text("maps.perLayer"));
        perLayer.setId("perLayerScale");
        perChannel.setToggleGroup(group);
        perLayer.setToggleGroup(group);
        perChannel.setSelected(true);
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            } else {
                scaling.set(now == perChannel ? Scaling.PER_CHANNEL : Scaling.PER_LAYER);
            }
        });
        scaling.addListener((obs, was, now) -> (now == Scaling.PER_CHANNEL ? perChannel : perLayer).setSelected(true));
        Label scaleCaption = new Label();
        scaleCaption.textProperty().bind(text.text("maps.colourScale"));
        scaleCaption.getStyleClass().add("hint");
        HBox legend = legend(ColorMap.VIRIDIS, text.text("maps.low"), text.text("maps.high"));
        HBox choice = new HBox(8, perChannel, perLayer);
        choice.setAlignment(Pos.CENTER_LEFT);
        // the legend, then the buttons, go under the caption where the tab is narrow (presenting beside the
        // lessons), rather than cutting them to "Per chan…" or making the tab scroll sideways
        FlowPane toolbar = new FlowPane(8, 6, scaleCaption, choice, legend);
        FlowPane.setMargin(legend, new Insets(0, 0, 0, 4));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("viz-toolbar");
        setTop(toolbar);

        enlargedView.setSmooth(false);
        enlargedView.setOnMouseClicked(e -> pickUnit(selectedRow.name, e.getX(), e.getY(), enlargedScale));
        enlargedTitle.getStyleClass().add("enlarged-title");
        enlargedRange.getStyleClass().add("enlarged-range");
        enlargedRange.setId("enlargedRange");
        Button close = new Button();
        close.textProperty().bind(text.text("maps.close"));
        close.getStyleClass().add("icon-button");
        close.setOnAction(e -> select(null, -1));
        enlarged = new VBox(6, new HBox(8, enlargedTitle, close), enlargedView, enlargedRange,
                receptiveField.sidePanel());
        enlarged.setId("enlargedTile");
        enlarged.getStyleClass().add("enlarged-tile");
        enlarged.setVisible(false);
        enlarged.managedProperty().bind(enlarged.visibleProperty());
        setRight(enlarged);

        setCenter(body);
        getChildren().add(visualScale);
        visualScale.onChange(() -> {
            signature = ""; // the rows are built again at the new tile size
            redraw.request();
        });
        result.addListener((obs, was, now) -> redraw.request());
        scaling.addListener((obs, was, now) -> redraw.request());
        classNames.addListener((obs, was, now) -> redraw.request());
        refresh();
    }

    /**
     * Builds the rows for results shaped like {@code outline} while none is shown, so the first real
     * result only fills them in. Building and styling a network's rows the first time held the FX thread
     * for 100–200 ms; done when the network is known, it is off the moment training starts.
     * Does nothing while a result is shown (its class names stay too).
     *
     * @param outputClassNames the names the output row's bars will carry
     */
    public void prepare(ProbeResult outline, List<String> outputClassNames) {
        if (result.get() != null) {
            return;
        }
        classNames.set(outputClassNames);
        ensureRows(outline);
        rows.get(INPUT_ROW).prepare(outline.input(), outline);
        for (LayerActivation a : outline.activations()) {
            rows.get(a.name()).prepare(a.values(), outline);
        }
    }

    /** The probe result shown; {@code null} shows the "train first" text. */
    public ObjectProperty<ProbeResult> resultProperty() {
        return result;
    }

    /** Whether the view is on screen: off, new results wait until it is (see {@link RefreshWhenShown}). */
    public BooleanProperty shownProperty() {
        return redraw.shownProperty();
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    /** Names of the output classes, for the probability bars. */
    public ObjectProperty<List<String>> classNamesProperty() {
        return classNames;
    }

    /** Row names in order: {@code input}, then each layer's Keras name; none while no result is shown. */
    public List<String> rowNames() {
        return result.get() == null ? List.of() : List.copyOf(rows.keySet());
    }

    /** Channel tiles the row shows (0 for strips and the output). */
    public int tileCount(String rowName) {
        Row row = rows.get(rowName);
        return row instanceof MapRow ? ((MapRow) row).pictures.length : 0;
    }

    /** The image of one channel tile. */
    public Optional<Image> tileImage(String rowName, int channel) {
        return mapRow(rowName, channel).map(row -> row.pictures[channel]);
    }

    /** The caption under a channel's tile, as drawn. */
    public Optional<String> tileCaption(String rowName, int channel) {
        return mapRow(rowName, channel).map(row -> row.caption(channel));
    }

    /** Where a channel's picture is on the screen, to click a unit of it (tests and the screenshot tour). */
    public Optional<Bounds> tileOnScreen(String rowName, int channel) {
        return mapRow(rowName, channel).flatMap(row -> row.pictureOnScreen(channel));
    }

    /** The row of feature maps named {@code rowName}, if it has a tile for {@code channel}. */
    private Optional<MapRow> mapRow(String rowName, int channel) {
        Row row = rows.get(rowName);
        return row instanceof MapRow && channel < ((MapRow) row).pictures.length ? Optional.of((MapRow) row)
                : Optional.empty();
    }

    public boolean hasUnitStrip(String rowName) {
        return rows.get(rowName) instanceof StripRow;
    }

    /** The output's bars, empty before a result has an output row. */
    public Optional<ProbabilityBars> outputBars() {
        return rows.values().stream().filter(r -> r instanceof OutputRow).map(r -> ((OutputRow) r).bars).findFirst();
    }

    /** Which input pixels a clicked unit can see, drawn over the input image. */
    public ReceptiveFieldOverlay receptiveField() {
        return receptiveField;
    }

    /**
     * Opens a channel's tile and picks unit ({@code row}, {@code col}) of it, as a click on that pixel
     * does; for lessons and the screenshot tour.
     */
    public void showReceptiveField(String rowName, int channel, int row, int col) {
        Row r = rows.get(rowName);
        if (r instanceof MapRow) {
            select((MapRow) r, channel);
        }
        pickUnit(rowName, col + 0.5, row + 0.5, 1);
    }

    /** The title of the enlarged tile, when one is open. */
    public Optional<String> enlargedTitle() {
        return enlarged.isVisible() ? Optional.of(enlargedTitle.getText()) : Optional.empty();
    }

    private void refresh() {
        ProbeResult r = result.get();
        if (r == null) {
            select(null, -1);
            showRows(false);
            return;
        }
        ensureRows(r);
        rows.get(INPUT_ROW).update(r.input(), r);
        List<LayerActivation> layers = r.activations();
        for (LayerActivation a : layers) {
            rows.get(a.name()).update(a.values(), r);
        }
        if (selectedRow != null) {
            showEnlarged();
        }
        showRows(true);
    }

    private void showRows(boolean shown) {
        scroll.setVisible(shown);
        placeholder.setVisible(!shown);
    }

    private void ensureRows(ProbeResult r) {
        String newSignature = signatureOf(r);
        if (!newSignature.equals(signature)) {
            rebuild(r);
            signature = newSignature;
        }
    }

    private void rebuild(ProbeResult r) {
        rows.clear();
        rowsBox.getChildren().clear();
        select(null, -1);
        receptiveField.forgetImages();
        FloatGrid in = r.input();
        add(new MapRow(INPUT_ROW, text.text("maps.inputRow", shape(in)), in, true));
        List<LayerActivation> layers = r.activations();
        for (int i = 0; i < layers.size(); i++) {
            LayerActivation a = layers.get(i);
            String header = a.name() + " · " + a.kind().kerasName() + " · " + shape(a.values());
            if (i == layers.size() - 1 && !a.isSpatial()) {
                add(new OutputRow(a.name(), text.text("maps.outputRow", header)));
            } else if (a.isSpatial()) {
                add(new MapRow(a.name(), Bindings.concat(header), a.values(), false));
            } else {
                add(new StripRow(a.name(), Bindings.concat(header)));
            }
        }
    }

    private void add(Row row) {
        rows.put(row.name, row);
        rowsBox.getChildren().add(row.box);
    }

    private void select(MapRow row, int channel) {
        selectedRow = row;
        selectedChannel = channel;
        enlarged.setVisible(row != null);
        if (row != null) {
            showEnlarged();
        }
    }

    private void showEnlarged() {
        FloatGrid values = selectedRow.values;
        float[] range = selectedRow.rangeOf(selectedChannel);
        int scale = Math.max(1, ENLARGED_PIXELS / Math.max(values.height(), values.width()));
        enlargedScale = selectedRow.input ? 0 : scale;
        enlargedImage = selectedRow.rgb ? Heatmaps.rgb(enlargedImage, values, scale)
                : Heatmaps.channel(enlargedImage, values, selectedChannel, range[0], range[1], selectedRow.map(), scale);
        enlargedView.setImage(enlargedImage);
        enlargedTitle.textProperty().bind(selectedRow.rgb ? Bindings.concat(selectedRow.name, " · RGB")
                : Bindings.concat(selectedRow.name, " · ", text.text("maps.channel", String.valueOf(selectedChannel))));
        float[] own = selectedRow.rgb ? new float[] {values.min(), values.max()}
                : Heatmaps.channelRange(values, selectedChannel);
        enlargedRange.textProperty().bind(text.text("maps.enlargedRange", number(own[0]), number(own[1]),
                number(range[0]), number(range[1])));
    }

    /** About how many pixels a tile is across: {@value #TILE_PIXELS}, times the {@link VisualScale} presenting. */
    private int tilePixels() {
        return (int) Math.round(TILE_PIXELS * visualScale.factor());
    }

    private static String signatureOf(ProbeResult r) {
        StringBuilder s = new StringBuilder(shape(r.input()));
        for (LayerActivation a : r.activations()) {
            s.append('|').append(a.name()).append(':').append(shape(a.values()));
        }
        return s.toString();
    }

    /** A click at ({@code x}, {@code y}) on a map drawn {@code scale} pixels per unit picks that unit. */
    private void pickUnit(String rowName, double x, double y, int scale) {
        ProbeResult r = result.get();
        if (r == null || scale <= 0) {
            return;
        }
        for (LayerActivation a : r.activations()) {
            if (a.name().equals(rowName)) {
                int row = Math.min(a.values().height() - 1, Math.max(0, (int) (y / scale)));
                int col = Math.min(a.values().width() - 1, Math.max(0, (int) (x / scale)));
                receptiveField.pick(a.layerIndex(), a.kind(), row, col);
            }
        }
    }

    static String shape(FloatGrid g) {
        return g.height() == 1 && g.channels() == 1 ? Integer.toString(g.width())
                : g.height() + "×" + g.width() + "×" + g.channels();
    }

    static String number(float v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A colour bar between two words, as a legend. */
    static HBox legend(ColorMap map, ObservableValue<String> low, ObservableValue<String> high) {
        Label from = new Label();
        from.textProperty().bind(low);
        Label to = new Label();
        to.textProperty().bind(high);
        from.getStyleClass().add("legend-text");
        to.getStyleClass().add("legend-text");
        HBox legend = new HBox(4, from, new ImageView(Heatmaps.legend(map, 96, 10)), to);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("color-legend");
        return legend;
    }

    /** One layer's line: a header and what the layer output. */
    private abstract class Row {
        final String name;
        final VBox box = new VBox(4);
        final Label header = new Label();
        final Label note = new Label();

        Row(String name, ObservableValue<String> headerText) {
            this.name = name;
            header.textProperty().bind(headerText);
            header.getStyleClass().add("feature-row-header");
            note.getStyleClass().add("feature-row-note");
            box.setId("featureRow-" + name);
            box.getStyleClass().add("feature-row");
            box.getChildren().addAll(header, note);
        }

        abstract void update(FloatGrid values, ProbeResult r);

        /** Like {@link #update}, for an outline: lays the row out without showing a prediction. */
        void prepare(FloatGrid values, ProbeResult outline) {
            update(values, outline);
        }
    }

    /**
     * A spatial layer, one picture per channel. The input row is a few nodes so the receptive-field
     * box can lie over its picture; layers are one {@link ChannelTiles} canvas however many channels.
     */
    private final class MapRow extends Row {
        final WritableImage[] pictures;
        final List<ImageView> inputViews = new ArrayList<>();
        final List<Label> inputCaptions = new ArrayList<>();
        final ChannelTiles tiles;
        final boolean input;
        final boolean rgb;
        final int scale;
        final Object limit;
        FloatGrid values;

        MapRow(String name, ObservableValue<String> headerText, FloatGrid first, boolean input) {
            super(name, headerText);
            this.input = input;
            this.rgb = input && first.channels() == 3;
            this.scale = Math.max(1, tilePixels() / Math.max(first.height(), first.width()));
            int count = rgb ? 1 : Math.min(MAX_TILES, first.channels());
            pictures = new WritableImage[count];
            List<ObservableValue<String>> captions = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                captions.add(rgb ? Bindings.concat("RGB") : text.text("maps.channel", String.valueOf(c)));
            }
            if (input) {
                tiles = null;
                box.getChildren().addAll(inputTiles(captions), receptiveField.captionLabel());
            } else {
                tiles = new ChannelTiles(captions, first.width() * scale, first.height() * scale);
                tiles.setOnTileClicked((channel, at) -> {
                    if (at != null) {
                        pickUnit(name, at.getX(), at.getY(), scale);
                    }
                    select(this, channel);
                });
                box.getChildren().add(tiles);
            }
            limit = first.channels() > count && !rgb
                    ? UiText.phrase("maps.firstChannels", String.valueOf(count), String.valueOf(first.channels())) : "";
        }

        private FlowPane inputTiles(List<ObservableValue<String>> captions) {
            FlowPane flow = new FlowPane(6, 6);
            flow.getStyleClass().add("feature-tiles");
            for (int c = 0; c < captions.size(); c++) {
                ImageView view = new ImageView();
                view.setSmooth(false);
                Label label = new Label();
                label.textProperty().bind(captions.get(c));
                label.getStyleClass().add("tile-label");
                VBox tile = new VBox(2, receptiveField.wrap(view, scale), label);
                tile.getStyleClass().add("feature-tile");
                int channel = c;
                tile.setOnMouseClicked(e -> select(this, channel));
                inputViews.add(view);
                inputCaptions.add(label);
                flow.getChildren().add(tile);
            }
            return flow;
        }

        ColorMap map() {
            return input ? ColorMap.GREY : ColorMap.VIRIDIS;
        }

        float[] rangeOf(int channel) {
            if (input) {
                return new float[] {0, 1};
            }
            return scaling.get() == Scaling.PER_LAYER ? new float[] {values.min(), values.max()}
                    : Heatmaps.channelRange(values, channel);
        }

        Optional<Bounds> pictureOnScreen(int channel) {
            if (input) {
                ImageView view = inputViews.get(channel);
                return Optional.ofNullable(view.localToScreen(view.getLayoutBounds()));
            }
            return Optional.ofNullable(tiles.localToScreen(tiles.pictureBounds(channel)));
        }

        String caption(int channel) {
            return input ? inputCaptions.get(channel).getText() : tiles.caption(channel);
        }

        @Override
        void update(FloatGrid newValues, ProbeResult r) {
            values = newValues;
            for (int c = 0; c < pictures.length; c++) {
                float[] range = rangeOf(c);
                pictures[c] = rgb ? Heatmaps.rgb(pictures[c], values, scale)
                        : Heatmaps.channel(pictures[c], values, c, range[0], range[1], map(), scale);
                if (input) {
                    inputViews.get(c).setImage(pictures[c]);
                } else {
                    tiles.setPicture(c, pictures[c]);
                }
            }
            if (tiles != null) {
                tiles.draw();
            }
            String key = input ? "maps.values"
                    : scaling.get() == Scaling.PER_CHANNEL ? "maps.valuesPerChannel" : "maps.valuesPerLayer";
            note.textProperty().bind(text.text(key, limit, number(values.min()), number(values.max())));
        }
    }

    private final class StripRow extends Row {
        final ImageView view = new ImageView();

        StripRow(String name, ObservableValue<String> headerText) {
            super(name, headerText);
            view.setSmooth(false);
            view.getStyleClass().add("unit-strip");
            view.setOnMouseClicked(e -> pickUnit(name, 0, 0, 1));
            box.getChildren().add(view);
        }

        @Override
        void update(FloatGrid values, ProbeResult r) {
            int units = values.size();
            int columns = Math.min(units, STRIP_COLUMNS);
            int lines = (units + columns - 1) / columns;
            int cell = Math.max(3, STRIP_PIXELS / columns);
            int cellHeight = lines == 1 ? 16 : Math.max(4, cell);
            float[] v = values.values();
            float low = values.min();
            float span = values.max() - low;
            int width = columns * cell;
            WritableImage image = (WritableImage) view.getImage();
            if (image == null || image.getWidth() != width || image.getHeight() != lines * cellHeight) {
                image = new WritableImage(width, lines * cellHeight);
            }
            int[] pixels = new int[width * lines * cellHeight];
            Arrays.fill(pixels, 0xffffffff);
            for (int u = 0; u < units; u++) {
                double t = span > 0 ? (v[u] - low) / span : 0;
                Heatmaps.fill(pixels, width, u % columns * cell, u / columns * cellHeight, cell, cellHeight,
                        ColorMap.VIRIDIS.argb(t));
            }
            Heatmaps.write(image, pixels);
            view.setImage(image);
            note.textProperty().bind(text.text("maps.units", String.valueOf(units), number(low), number(values.max())));
        }
    }

    private final class OutputRow extends Row {
        final ProbabilityBars bars = new ProbabilityBars();

        OutputRow(String name, ObservableValue<String> headerText) {
            super(name, headerText);
            box.getChildren().add(bars);
        }

        @Override
        void update(FloatGrid values, ProbeResult r) {
            bars.show(r.prediction(), classNames.get());
            List<String> names = classNames.get();
            int top = r.prediction().topClass();
            note.textProperty().bind(text.text("maps.predicts", top < names.size() ? names.get(top) : Integer.toString(top)));
        }

        @Override
        void prepare(FloatGrid values, ProbeResult outline) {
            // one bar per class: a binary head's one unit is two classes
            bars.prepare(outline.prediction().probabilities().length, classNames.get());
        }
    }
}
