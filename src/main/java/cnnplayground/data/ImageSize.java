package cnnplayground.data;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size images from a folder are stretched to, as the user types it: "32×32×3" or "32x32x1".
 *
 * @param height rows, 1..{@value #MAX_SIDE}
 * @param width columns, 1..{@value #MAX_SIDE}
 * @param channels 1 (grey) or 3 (RGB)
 */
public record ImageSize(int height, int width, int channels) {

    /** CIFAR's size, which the CIFAR-style preset takes. */
    public static final ImageSize DEFAULT = new ImageSize(32, 32, 3);
    /** Larger images would make a dataset too big for a classroom machine's memory. */
    public static final int MAX_SIDE = 256;

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,4})\\s*[×xX*]\\s*(\\d{1,4})\\s*[×xX*]\\s*(\\d)\\s*");

    public ImageSize {
        if (height < 1 || height > MAX_SIDE || width < 1 || width > MAX_SIDE || channels != 1 && channels != 3) {
            throw new IllegalArgumentException(problem(height + "×" + width + "×" + channels));
        }
    }

    /** The size in {@code text}, or empty if it is not "H×W×C" with sides 1..256 and 1 or 3 channels. */
    public static Optional<ImageSize> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int height = Integer.parseInt(m.group(1));
        int width = Integer.parseInt(m.group(2));
        int channels = Integer.parseInt(m.group(3));
        if (height < 1 || height > MAX_SIDE || width < 1 || width > MAX_SIDE || channels != 1 && channels != 3) {
            return Optional.empty();
        }
        return Optional.of(new ImageSize(height, width, channels));
    }

    /** What is wrong with {@code text} as a size, for the prompt. */
    public static String problem(String text) {
        return "\"" + text + "\" is not an image size; type height×width×channels with sides 1.." + MAX_SIDE
                + " and 1 (grey) or 3 (RGB) channels, for example 32×32×3";
    }

    @Override
    public String toString() {
        return height + "×" + width + "×" + channels;
    }
}
