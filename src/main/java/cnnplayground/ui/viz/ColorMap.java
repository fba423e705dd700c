package cnnplayground.ui.viz;

/**
 * Maps a value scaled to 0..1 to a colour, through a 256-entry table. {@link #VIRIDIS} is perceptually
 * ordered (dark = low, bright = high) for activations; {@link #DIVERGING} is blue below the middle,
 * white at it, red above, for weights scaled symmetrically around 0; {@link #GREY} for input images.
 */
public enum ColorMap {
    VIRIDIS(0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725),
    DIVERGING(0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b),
    GREY(0x000000, 0xffffff);

    private static final int ENTRIES = 256;
    private static final int OPAQUE = 0xff000000;

    private final int[] table = new int[ENTRIES];

    ColorMap(int... stops) {
        for (int i = 0; i < ENTRIES; i++) {
            double at = (double) i / (ENTRIES - 1) * (stops.length - 1);
            int lower = Math.min((int) at, stops.length - 2);
            double f = at - lower;
            table[i] = OPAQUE | mix(stops[lower], stops[lower + 1], f);
        }
    }

    /** Opaque ARGB for {@code t} in 0..1 (clamped; NaN counts as 0). */
    public int argb(double t) {
        if (!(t > 0)) {
            return table[0];
        }
        return table[(int) Math.round(Math.min(1, t) * (ENTRIES - 1))];
    }

    private static int mix(int a, int b, double f) {
        int r = channel(a >> 16, b >> 16, f);
        int g = channel(a >> 8, b >> 8, f);
        int bl = channel(a, b, f);
        return r << 16 | g << 8 | bl;
    }

    private static int channel(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}
