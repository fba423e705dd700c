package cnnplayground.teach;

import cnnplayground.spec.Shape;

/**
 * The datasets a lesson can ask for, with the image shape and class count a lesson's network must
 * match. The numbers restate what the data package produces; a test keeps them equal.
 */
public enum LessonDataset {
    /** The bundled 10,000 handwritten digits. */
    DIGITS("digits", Shape.image(28, 28, 1), 10),
    /** Zalando's clothes, from the Debian package {@code dataset-fashion-mnist}. */
    FASHION_MNIST("fashion-mnist", Shape.image(28, 28, 1), 10),
    /** The generated RGB circles, squares, triangles and crosses. */
    SHAPES("shapes", Shape.image(32, 32, 3), 4);

    private final String id;
    private final Shape imageShape;
    private final int classes;

    LessonDataset(String id, Shape imageShape, int classes) {
        this.id = id;
        this.imageShape = imageShape;
        this.classes = classes;
    }

    /** The name lessons and the command line use: {@code digits}, {@code fashion-mnist}, {@code shapes}. */
    public String id() {
        return id;
    }

    /** One image, {@code H×W×C}. */
    public Shape imageShape() {
        return imageShape;
    }

    public int classes() {
        return classes;
    }

    public static LessonDataset fromId(String id) {
        for (LessonDataset d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("dataset must be digits, fashion-mnist or shapes, got \"" + id + "\"");
    }
}
