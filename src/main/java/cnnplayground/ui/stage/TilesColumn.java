package cnnplayground.ui.stage;

import cnnplayground.data.FloatGrid;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A feature map (or the input) as one tile per channel, stacked top to bottom as large as the height allows;
 * below {@link #MIN_TILE} pixels (both limits times the column's {@link #scale}) the channels that do not fit
 * are summed up as "+26 more", which opens the
 * column into as many side-by-side stacks as all its channels need (and folds it again).
 */
final class TilesColumn extends LayerColumn {

    static final double GAP = 6;
    static final double MIN_TILE = 30;
    static final double MAX_TILE = 84;
    static final double INPUT_MAX_TILE = 128;
    static final double MORE_HEIGHT = 22;

    private final int channels;
    private final int mapHeight;
    private final int mapWidth;
    private double maxTile;
    private final boolean image;
    private final WritableImage[] images;
    private final int[] pixels;
    private Runnable onFoldChanged = () -> { };
    /** Laid over every tile (the input's explanation), or null. */
    private Image heat;
    private boolean expanded;
    private double tile = MIN_TILE;
    private int shown;
    private int perStack = 1;
    private int stacks = 1;
    private boolean folds;
    private double top;
    private double width;
    /** Where the first stack of tiles starts: the stacks are centred when the badge is wider. */
    private double left;

    /**
     * @param image true for the input: grey over 0..1 and bigger tiles; else the layer's own colour scale
     */
    TilesColumn(int layer, int height, int width, int channels, boolean image, String kind, String kindStyle,
                String shape, String params, String caption, StageStyle style) {
        super(layer, kind, kindStyle, shape, params, caption, style);
        this.channels = channels;
        this.mapHeight = height;
        this.mapWidth = width;
        this.image = image;
        this.maxTile = image ? INPUT_MAX_TILE : MAX_TILE;
        this.images = new WritableImage[channels];
        this.pixels = new int[height * width];
        this.shown = channels;
        body.setOnMouseMoved(e -> body.setCursor(moreBounds().contains(e.getX(), e.getY()) ? Cursor.HAND
                : Cursor.DEFAULT));
    }

    @Override
    void setCompact(boolean compact) {
        maxTile = image && !compact ? INPUT_MAX_TILE : MAX_TILE;
    }

    void setOnFoldChanged(Runnable onFoldChanged) {
        this.onFoldChanged = onFoldChanged;
    }

    /** Lays {@code heat} (the map's size) over every tile, or nothing when null. */
    void setHeat(Image heat) {
        this.heat = heat;
        paint();
    }

    Image heat() {
        return heat;
    }

    int channels() {
        return channels;
    }

    /** The side of a tile now, in pixels. */
    double tileSize() {
        return tile;
    }

    /** Channels with a tile now. */
    int shownChannels() {
        return shown;
    }

    /** Whether some channels do not fit and are summed up (folded) or opened (expanded). */
    boolean folds() {
        return folds;
    }

    boolean isExpanded() {
        return expanded;
    }

    void setExpanded(boolean expanded) {
        if (this.expanded != expanded) {
            this.expanded = expanded;
            onFoldChanged.run();
        }
    }

    @Override
    double bodyWidth(double bodyHeight) {
        // presenting, the tiles may grow larger, and fold sooner rather than shrink to a size unreadable far off
        double minTile = Math.floor(MIN_TILE * scale);
        double natural = Math.floor(Math.min(maxTile * scale, (bodyHeight - (channels - 1) * GAP) / channels));
        folds = natural < minTile;
        if (!folds) {
            tile = natural;
            shown = channels;
            perStack = channels;
            stacks = 1;
        } else {
            tile = minTile;
            int fit = (int) Math.max(1, Math.floor((bodyHeight - MORE_HEIGHT) / (tile + GAP)));
            perStack = Math.min(fit, channels);
            stacks = expanded ? (channels + perStack - 1) / perStack : 1;
            shown = expanded ? channels : perStack;
        }
        int rows = Math.min(shown, perStack);
        double used = rows * (tile + GAP) - GAP + (folds ? GAP + MORE_HEIGHT : 0);
        top = Math.max(0, Math.floor((bodyHeight - used) / 2));
        double tiles = stacks * (tile + GAP) - GAP;
        width = folds ? Math.max(tiles, badgeWidth()) : tiles;
        left = Math.floor((width - tiles) / 2);
        return width;
    }

    /** The badge is as wide as its widest text needs, "+26 more" or "show fewer". */
    private double badgeWidth() {
        Text probe = new Text();
        probe.setFont(style.more.getFont());
        double widest = 0;
        for (boolean open : new boolean[] {false, true}) {
            probe.setText(StageText.more(channels, open));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest + 14);
    }

    /** Channel {@code channel}'s tile in body coordinates; empty when folded away. */
    Optional<Rectangle2D> tile(int channel) {
        if (channel < 0 || channel >= shown) {
            return Optional.empty();
        }
        int stack = channel / perStack;
        int row = channel % perStack;
        return Optional.of(new Rectangle2D(left + stack * (tile + GAP), top + row * (tile + GAP), tile, tile));
    }

    /** The "+26 more" badge, or an empty rectangle when every channel has its tile. */
    Rectangle2D moreBounds() {
        if (!folds) {
            return new Rectangle2D(0, 0, 0, 0);
        }
        return new Rectangle2D(0, top + Math.min(shown, perStack) * (tile + GAP), width, MORE_HEIGHT);
    }

    /**
     * Rows {@code top..top+rows-1} and columns {@code left..left+cols-1} of channel {@code channel}'s map,
     * clipped to the map, in body coordinates; empty when the channel is folded away or nothing is left.
     */
    Optional<Rectangle2D> window(int channel, int top, int left, int rows, int cols) {
        int t = Math.max(0, top);
        int l = Math.max(0, left);
        int b = Math.min(mapHeight, top + rows);
        int r = Math.min(mapWidth, left + cols);
        if (t >= b || l >= r) {
            return Optional.empty();
        }
        return tile(channel).map(at -> new Rectangle2D(at.getMinX() + l * at.getWidth() / mapWidth,
                at.getMinY() + t * at.getHeight() / mapHeight, (r - l) * at.getWidth() / mapWidth,
                (b - t) * at.getHeight() / mapHeight));
    }

    @Override
    Optional<Rectangle2D> cellOf(StageUnit unit) {
        return window(unit.channel(), unit.row(), unit.col(), 1, 1);
    }

    @Override
    Optional<StageUnit> unitAt(double x, double y) {
        if (layer < 0) {
            return Optional.empty();
        }
        for (int c = 0; c < shown; c++) {
            Rectangle2D at = tile(c).orElseThrow();
            if (at.contains(x, y)) {
                int col = (int) Math.min(mapWidth - 1, (x - at.getMinX()) / at.getWidth() * mapWidth);
                int row = (int) Math.min(mapHeight - 1, (y - at.getMinY()) / at.getHeight() * mapHeight);
                return Optional.of(StageUnit.spatial(layer, c, row, col));
            }
        }
        return Optional.empty();
    }

    @Override
    boolean clickedAt(double x, double y) {
        if (folds && moreBounds().contains(x, y)) {
            setExpanded(!expanded);
            return true;
        }
        return false;
    }

    @Override
    void show(FloatGrid values) {
        float[] v = values.values();
        ColorScale colours = image ? ColorScale.IMAGE : ColorScale.of(v);
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = colours.argb(v[p * channels + c]);
            }
            if (images[c] == null) {
                images[c] = new WritableImage(mapWidth, mapHeight);
            }
            images[c].getPixelWriter().setPixels(0, 0, mapWidth, mapHeight, PixelFormat.getIntArgbInstance(), pixels, 0,
                    mapWidth);
        }
        setRange(image ? "" : StageText.range(values.min(), values.max()));
        paint();
    }

    @Override
    void paint() {
        GraphicsContext g = clearedBody();
        for (int c = 0; c < shown; c++) {
            Rectangle2D at = tile(c).orElseThrow();
            if (images[c] != null) {
                g.drawImage(images[c], at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight());
            } else {
                g.setFill(style.tileBorder.getFill());
                g.fillRect(at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight());
            }
            if (heat != null) {
                g.drawImage(heat, at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight());
            }
            g.setStroke(style.tileBorder.getStroke());
            g.setLineWidth(style.tileBorder.getStrokeWidth());
            g.strokeRect(at.getMinX() + 0.5, at.getMinY() + 0.5, at.getWidth() - 1, at.getHeight() - 1);
        }
        if (folds) {
            Rectangle2D more = moreBounds();
            g.setFill(StageStyle.fill(style.more));
            g.fillRoundRect(more.getMinX(), more.getMinY(), more.getWidth(), more.getHeight(), 10, 10);
            g.setFill(style.more.getTextFill());
            g.setFont(style.more.getFont());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(StageText.more(channels - perStack, expanded), more.getMinX() + more.getWidth() / 2,
                    more.getMinY() + more.getHeight() / 2);
        }
    }

    /** The badge's text, as drawn. */
    String moreText() {
        return folds ? StageText.more(channels - perStack, expanded) : "";
    }
}
