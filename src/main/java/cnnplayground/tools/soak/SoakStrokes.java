package cnnplayground.tools.soak;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;

/** Digits as a student draws them on the 280-pixel pad, one stroke each, taken in turn by the soak. */
final class SoakStrokes {

    private static final List<List<Point2D>> DIGITS = List.of(seven(), one(), zero(), four(), two());

    private SoakStrokes() {
    }

    /** The {@code i}-th drawing, cycling through the digits. */
    static List<Point2D> stroke(int i) {
        return DIGITS.get(Math.floorMod(i, DIGITS.size()));
    }

    private static List<Point2D> seven() {
        return points(70, 60, 140, 58, 210, 62, 185, 120, 160, 180, 140, 235);
    }

    private static List<Point2D> one() {
        return points(125, 70, 145, 45, 145, 120, 143, 190, 142, 240);
    }

    private static List<Point2D> four() {
        return points(160, 40, 120, 110, 85, 165, 150, 165, 210, 162, 175, 165, 175, 100, 172, 240);
    }

    private static List<Point2D> two() {
        return points(80, 90, 110, 50, 170, 50, 195, 95, 150, 160, 80, 235, 150, 232, 215, 230);
    }

    private static List<Point2D> zero() {
        List<Point2D> ring = new ArrayList<>();
        for (int k = 0; k <= 24; k++) {
            double a = 2 * Math.PI * k / 24;
            ring.add(new Point2D(140 + 60 * Math.sin(a), 140 - 95 * Math.cos(a)));
        }
        return ring;
    }

    private static List<Point2D> points(double... xy) {
        List<Point2D> points = new ArrayList<>();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            points.add(new Point2D(xy[i], xy[i + 1]));
        }
        return points;
    }
}
