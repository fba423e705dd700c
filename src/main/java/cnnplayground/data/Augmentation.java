package cnnplayground.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random changes applied to each training image every time it is used, so the network sees a
 * slightly different picture each epoch (Keras' {@code ImageDataGenerator}): a shift of up to
 * {@code maxShift} pixels, a rotation of up to {@code maxRotationDegrees}, a zoom by up to
 * {@code maxZoom} (0.1 = ±10 %), and a left-right mirror when {@code horizontalFlip} (not for digits,
 * where a mirrored 2 is no 2). Pixels that come from outside the image repeat the nearest edge pixel,
 * as Keras' default {@code fill_mode="nearest"} does.
 */
public record Augmentation(int maxShift, double maxRotationDegrees, double maxZoom, boolean horizontalFlip) {

    public static final Augmentation NONE = new Augmentation(0, 0, 0, false);

    public Augmentation {
        if (maxShift < 0) {
            throw new IllegalArgumentException("shift must be 0 or more pixels, got " + maxShift);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be 0..180 degrees, got " + maxRotationDegrees);
        }
        if (!(maxZoom >= 0 && maxZoom < 1)) {
            throw new IllegalArgumentException("zoom must be in [0, 1), got " + maxZoom);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * Reads {@code shift=2,rotate=10,zoom=0.1,flip} (any subset, any order; {@code none} for none),
     * the form the CLI takes and {@link #toString()} writes.
     *
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static Augmentation parse(String text) {
        int shift = 0;
        double rotate = 0;
        double zoom = 0;
        boolean flip = false;
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return NONE;
        }
        for (String part : t.split("\\s*,\\s*")) {
            String[] kv = part.split("\\s*=\\s*", 2);
            try {
                switch (kv[0]) {
                    case "shift" -> shift = Integer.parseInt(value(kv));
                    case "rotate" -> rotate = Double.parseDouble(value(kv));
                    case "zoom" -> zoom = Double.parseDouble(value(kv));
                    case "flip" -> flip = kv.length == 1 || Boolean.parseBoolean(kv[1]);
                    default -> throw new IllegalArgumentException("unknown augmentation \"" + kv[0]
                            + "\"; use shift=N, rotate=DEGREES, zoom=F, flip");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("augmentation " + kv[0] + " needs a number, got \"" + part + "\"");
            }
        }
        return new Augmentation(shift, rotate, zoom, flip);
    }

    private static String value(String[] kv) {
        if (kv.length < 2) {
            throw new IllegalArgumentException("augmentation " + kv[0] + " needs a value, e.g. " + kv[0] + "=2");
        }
        return kv[1];
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (maxShift > 0) {
            parts.add("shift=" + maxShift);
        }
        if (maxRotationDegrees > 0) {
            parts.add("rotate=" + trim(maxRotationDegrees));
        }
        if (maxZoom > 0) {
            parts.add("zoom=" + trim(maxZoom));
        }
        if (horizontalFlip) {
            parts.add("flip");
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Writes one randomly transformed copy of an HWC byte image into {@code dst} as 0..1 floats, HWC.
     * Bilinear sampling through the inverse of shift ∘ rotation ∘ zoom ∘ flip about the centre.
     */
    public void apply(byte[] src, int srcOffset, int height, int width, int channels, float[] dst, Random random) {
        double angle = Math.toRadians(uniform(random, maxRotationDegrees));
        double scale = 1 + uniform(random, maxZoom);
        double dx = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        double dy = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        boolean flip = horizontalFlip && random.nextBoolean();
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x - cx - dx;
                double v = y - cy - dy;
                double sx = cos * u + sin * v;
                double sy = -sin * u + cos * v;
                sx = (flip ? -sx : sx) + cx;
                sy += cy;
                for (int c = 0; c < channels; c++) {
                    dst[(y * width + x) * channels + c] = sample(src, srcOffset, height, width, channels, sx, sy, c);
                }
            }
        }
    }

    private static double uniform(Random random, double max) {
        return max == 0 ? 0 : (random.nextDouble() * 2 - 1) * max;
    }

    private static float sample(byte[] src, int offset, int height, int width, int channels, double x, double y,
                                int c) {
        double cxl = Math.min(Math.max(x, 0), width - 1);
        double cyl = Math.min(Math.max(y, 0), height - 1);
        int x0 = (int) cxl;
        int y0 = (int) cyl;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cxl - x0;
        double fy = cyl - y0;
        double top = at(src, offset, width, channels, x0, y0, c) * (1 - fx) + at(src, offset, width, channels, x1, y0, c) * fx;
        double bottom = at(src, offset, width, channels, x0, y1, c) * (1 - fx) + at(src, offset, width, channels, x1, y1, c) * fx;
        return (float) ((top * (1 - fy) + bottom * fy) / 255.0);
    }

    private static int at(byte[] src, int offset, int width, int channels, int x, int y, int c) {
        return src[offset + (y * width + x) * channels + c] & 0xFF;
    }
}
