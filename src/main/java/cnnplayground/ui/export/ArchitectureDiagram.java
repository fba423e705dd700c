package cnnplayground.ui.export;

import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.ParamCount;
import cnnplayground.spec.Shape;
import cnnplayground.ui.i18n.UiText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * A network drawn as a picture for slides: the input box first, then one box per layer from top to
 * bottom with its type and arguments, output shape and parameters, coloured by kind and as wide as
 * its output is large (on a log scale), then the totals. A residual block's shortcut skips round its
 * box on the right; a frozen layer's box is hatched and tagged. Drawn on a {@link Canvas} on the FX thread.
 */
public final class ArchitectureDiagram {

    public static final int WIDTH = 640;
    static final Color BACKGROUND = Color.WHITE;
    private static final double MARGIN = 28;
    private static final double TITLE_HEIGHT = 44;
    static final double BOX_HEIGHT = 50;
    private static final double ARROW = 18;
    private static final double TOTALS_HEIGHT = 46;
    /** Every box is at least this wide, centred. */
    static final double MIN_BOX_WIDTH = 300;
    private static final double MAX_BOX_WIDTH = WIDTH - 2 * MARGIN;

    private ArchitectureDiagram() {
    }

    /** The diagram as an image; call on the FX thread. */
    public static WritableImage draw(NetworkSpec network, UiText text) {
        NetworkAnalysis analysis = network.analyze();
        int boxes = analysis.layers().size() + 1;
        double height = MARGIN + TITLE_HEIGHT + boxes * BOX_HEIGHT + (boxes - 1) * ARROW + TOTALS_HEIGHT + MARGIN;
        Canvas canvas = new Canvas(WIDTH, Math.ceil(height));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);

        g.setFill(Color.web("#222222"));
        g.setFont(font(FontWeight.BOLD, 20));
        g.fillText(network.name(), WIDTH / 2.0, MARGIN + TITLE_HEIGHT / 2 - 6);

        long largest = analysis.layers().stream().map(LayerSummary::outputShape)
                .filter(java.util.Optional::isPresent).mapToLong(s -> s.get().size()).max().orElse(1);
        largest = Math.max(largest, network.input().size());
        double y = boxTop(-1);
        box(g, y, width(network.input(), largest), Color.web("#e0e0e0"),
                text.get("export.diagram.input"), network.input().toString(), "");
        for (LayerSummary layer : analysis.layers()) {
            arrow(g, y + BOX_HEIGHT);
            y = boxTop(layer.index());
            Shape out = layer.outputShape().orElse(null);
            long params = layer.params().total();
            double width = out == null ? MIN_BOX_WIDTH : width(out, largest);
            boolean frozen = network.isFrozen(layer.index());
            String title = frozen ? layer.spec().label() + "   ·   " + text.get("export.diagram.frozen") : layer.spec().label();
            box(g, y, width, colour(layer.spec().kind()), title, out == null ? "?" : "→ " + out,
                    params > 0 ? text.get("export.diagram.params", ModelSummary.thousands(params)) : "");
            if (frozen) {
                hatch(g, y, width);
            }
            if (layer.spec().kind() == LayerKind.RESIDUAL_BLOCK) {
                shortcut(g, y, width);
            }
        }
        y += BOX_HEIGHT;
        ParamCount total = analysis.totalParams();
        g.setFill(Color.web("#222222"));
        g.setFont(font(FontWeight.BOLD, 14));
        g.fillText(text.get("export.diagram.total", ModelSummary.thousands(total.total()),
                ModelSummary.thousands(total.trainable()), ModelSummary.thousands(total.nonTrainable())),
                WIDTH / 2.0, y + TOTALS_HEIGHT / 2 + 4);
        return canvas.snapshot(null, null);
    }

    /** The top of layer {@code index}'s box; the input's box, above layer 0's, is {@code index -1}. */
    static double boxTop(int index) {
        return MARGIN + TITLE_HEIGHT + (index + 1) * (BOX_HEIGHT + ARROW);
    }

    /** The diagram as PNG bytes; call on the FX thread (encode {@link #draw}'s image elsewhere for big ones). */
    public static byte[] png(NetworkSpec network, UiText text) throws IOException {
        return png(draw(network, text));
    }

    /** {@code image} encoded as PNG; any thread. */
    public static byte[] png(WritableImage image) throws IOException {
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(picture, "png", out)) {
            throw new IOException("no PNG writer is installed");
        }
        return out.toByteArray();
    }

    private static void box(GraphicsContext g, double y, double width, Color fill, String title, String shape,
                            String params) {
        double x = (WIDTH - width) / 2;
        g.setFill(fill);
        g.fillRoundRect(x, y, width, BOX_HEIGHT, 12, 12);
        g.setStroke(fill.darker());
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, width, BOX_HEIGHT, 12, 12);
        g.setFill(Color.web("#1a1a1a"));
        g.setFont(font(FontWeight.BOLD, 14));
        g.fillText(title, WIDTH / 2.0, y + 16, width - 16);
        g.setFont(font(FontWeight.NORMAL, 12));
        g.fillText(params.isEmpty() ? shape : shape + "   ·   " + params, WIDTH / 2.0, y + 35, width - 16);
    }

    /** Grey diagonal lines over a frozen layer's box: its weights stay as they are. */
    private static void hatch(GraphicsContext g, double y, double width) {
        double x = (WIDTH - width) / 2;
        g.save();
        g.beginPath();
        g.rect(x, y, width, BOX_HEIGHT);
        g.clip();
        g.setStroke(Color.web("#000000", 0.18));
        g.setLineWidth(2);
        for (double d = -BOX_HEIGHT; d < width; d += 10) {
            g.strokeLine(x + d, y + BOX_HEIGHT, x + d + BOX_HEIGHT, y);
        }
        g.restore();
    }

    /**
     * A residual block's shortcut: the block's input skips round the box on the right and is added
     * ({@code +}) to the main path's output at its bottom.
     */
    private static void shortcut(GraphicsContext g, double y, double width) {
        double right = (WIDTH + width) / 2;
        double out = right + 14;
        double from = y - ARROW / 2;
        double to = y + BOX_HEIGHT - 10;
        g.setStroke(Color.web("#08519c"));
        g.setLineWidth(2);
        g.strokePolyline(new double[] {WIDTH / 2.0, out, out, right + 2}, new double[] {from, from, to, to}, 4);
        g.setFill(Color.web("#08519c"));
        g.fillPolygon(new double[] {right + 1, right + 8, right + 8}, new double[] {to, to - 4, to + 4}, 3);
        g.setFont(font(FontWeight.BOLD, 14));
        g.fillText("+", right - 8, to);
    }

    private static void arrow(GraphicsContext g, double top) {
        double x = WIDTH / 2.0;
        g.setStroke(Color.web("#666666"));
        g.setLineWidth(2);
        g.strokeLine(x, top + 2, x, top + ARROW - 4);
        g.setFill(Color.web("#666666"));
        g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {top + ARROW - 8, top + ARROW - 8, top + ARROW - 1}, 3);
    }

    /** Wider for larger outputs, on a log scale, so a 28×28×6 map looks bigger than 10 classes. */
    private static double width(Shape shape, long largest) {
        double share = largest <= 1 ? 1 : Math.log(Math.max(1, shape.size())) / Math.log(largest);
        return MIN_BOX_WIDTH + (MAX_BOX_WIDTH - MIN_BOX_WIDTH) * Math.max(0, Math.min(1, share));
    }

    /** One colour per family: convolution, pooling, reshaping, dense, regularisation and activation. */
    static Color colour(LayerKind kind) {
        return switch (kind) {
            case CONV_2D -> Color.web("#9ecae1");
            case RESIDUAL_BLOCK -> Color.web("#6baed6");
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> Color.web("#a1d99b");
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN -> Color.web("#fdd0a2");
            case DENSE -> Color.web("#cbc9e2");
            case DROPOUT, BATCH_NORMALIZATION, ACTIVATION -> Color.web("#f0f0f0");
        };
    }

    private static Font font(FontWeight weight, double size) {
        return Font.font(Font.getDefault().getFamily(), weight, size);
    }
}
