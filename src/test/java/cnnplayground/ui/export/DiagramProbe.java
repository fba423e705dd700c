package cnnplayground.ui.export;

import cnnplayground.spec.LayerKind;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/** Reads a drawn {@link ArchitectureDiagram} back: the colour a layer's box is filled with. */
public final class DiagramProbe {

    /** Inside every box (all are at least {@link ArchitectureDiagram#MIN_BOX_WIDTH} wide, centred), left of any text. */
    private static final double INSET = 4;

    private DiagramProbe() {
    }

    /** The colour the diagram gives boxes of {@code kind}. */
    public static Color colour(LayerKind kind) {
        return ArchitectureDiagram.colour(kind);
    }

    /** The pixel at the left end of layer {@code index}'s box, half way down, past its border. */
    public static Color boxFill(Image diagram, int index) {
        int x = (int) Math.round((ArchitectureDiagram.WIDTH - ArchitectureDiagram.MIN_BOX_WIDTH) / 2 + INSET);
        int y = (int) Math.round(ArchitectureDiagram.boxTop(index) + ArchitectureDiagram.BOX_HEIGHT / 2);
        return diagram.getPixelReader().getColor(x, y);
    }
}
