package cnnplayground.ui.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the evolution of a run as an animated GIF89a or as numbered PNGs, from plain
 * {@link BufferedImage}s so it works (and is tested) without the JavaFX toolkit.
 *
 * <p>Files appear whole or not at all: each is written to a temporary file in the same directory
 * and then moved over the target, so a failed export never leaves a truncated GIF that a student
 * might share.
 */
public final class AnimatedGif {

    /** GIF delays count hundredths of a second in an unsigned 16-bit field. */
    private static final long MILLIS_PER_GIF_TICK = 10;
    private static final long MAX_GIF_TICKS = 0xFFFF;
    private static final String GIF_IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    /** The NETSCAPE2.0 block: sub-block id 1, then the loop count as little-endian 16 bits, 0 = forever. */
    private static final byte[] LOOP_FOREVER = {1, 0, 0};
    private static final int MIN_INDEX_DIGITS = 3;

    private AnimatedGif() {
    }

    /**
     * Writes {@code frames} as one animated GIF, each shown for {@code frameDelay} (rounded to
     * hundredths of a second), repeating forever when {@code loop} is set, else played once.
     * All frames must have the first frame's size; colours beyond 256 per frame are quantized.
     *
     * @throws IllegalArgumentException if there are no frames, sizes differ, or the delay is outside 10 ms..655 s
     * @throws IOException naming {@code file} if it cannot be written
     */
    public static void write(List<BufferedImage> frames, Duration frameDelay, boolean loop, Path file)
            throws IOException {
        checkFrames(frames);
        long ticks = Math.round(frameDelay.toMillis() / (double) MILLIS_PER_GIF_TICK);
        if (ticks < 1 || ticks > MAX_GIF_TICKS) {
            throw new IllegalArgumentException("a GIF frame delay must be between " + MILLIS_PER_GIF_TICK + " ms and "
                    + MAX_GIF_TICKS * MILLIS_PER_GIF_TICK + " ms, got " + frameDelay.toMillis() + " ms");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("cannot write animated GIF " + file + ": this Java runtime has no GIF writer");
        }
        ImageWriter writer = writers.next();
        try {
            writeAtomically(file, "animated GIF", temp -> {
                try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
                    writer.setOutput(out);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    writer.prepareWriteSequence(null);
                    for (int i = 0; i < frames.size(); i++) {
                        BufferedImage frame = frames.get(i);
                        IIOMetadata metadata = frameMetadata(writer, param, frame, (int) ticks, loop && i == 0);
                        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /**
     * Writes {@code frames} as {@code prefix-000.png}, {@code prefix-001.png}, … into
     * {@code directory} (created if missing); more digits when there are over a thousand frames,
     * so the names still sort in frame order.
     *
     * @throws IllegalArgumentException if there are no frames or the prefix is blank or holds a path separator
     * @throws IOException naming the file that could not be written
     */
    public static void writePngSequence(List<BufferedImage> frames, Path directory, String prefix)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a PNG sequence needs at least one frame");
        }
        if (prefix.isBlank() || prefix.contains("/") || prefix.contains("\\")) {
            throw new IllegalArgumentException("a PNG file prefix must be a plain non-blank name, got \"" + prefix + "\"");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("cannot create PNG sequence directory " + directory + ": " + e.getMessage(), e);
        }
        int digits = Math.max(MIN_INDEX_DIGITS, String.valueOf(frames.size() - 1).length());
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage frame = frames.get(i);
            Path file = directory.resolve(pngName(prefix, i, digits));
            writeAtomically(file, "PNG", temp -> {
                if (!ImageIO.write(frame, "png", temp.toFile())) {
                    throw new IOException("this Java runtime has no PNG writer for image type " + frame.getType());
                }
            });
        }
    }

    /** The name of frame {@code index}: {@code prefix-007.png} with at least {@code digits} digits. */
    static String pngName(String prefix, int index, int digits) {
        return prefix + "-" + String.format("%0" + digits + "d", index) + ".png";
    }

    private static void checkFrames(List<BufferedImage> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        BufferedImage first = frames.get(0);
        for (int i = 1; i < frames.size(); i++) {
            BufferedImage frame = frames.get(i);
            if (frame.getWidth() != first.getWidth() || frame.getHeight() != first.getHeight()) {
                throw new IllegalArgumentException("GIF frame " + i + " is " + frame.getWidth() + "×" + frame.getHeight()
                        + " but frame 0 is " + first.getWidth() + "×" + first.getHeight() + "; render all frames at one size");
            }
        }
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, ImageWriteParam param, BufferedImage frame,
                                             int ticks, boolean withLoop) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_IMAGE_FORMAT);

        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(ticks));
        control.setAttribute("transparentColorIndex", "0");

        if (withLoop) {
            // browsers and viewers loop only when the first frame carries this extension
            IIOMetadataNode loopBlock = new IIOMetadataNode("ApplicationExtension");
            loopBlock.setAttribute("applicationID", "NETSCAPE");
            loopBlock.setAttribute("authenticationCode", "2.0");
            loopBlock.setUserObject(LOOP_FOREVER.clone());
            child(root, "ApplicationExtensions").appendChild(loopBlock);
        }
        metadata.setFromTree(GIF_IMAGE_FORMAT, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i) instanceof IIOMetadataNode node && node.getNodeName().equals(name)) {
                return node;
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    @FunctionalInterface
    private interface FileWrite {
        void to(Path temp) throws IOException;
    }

    private static void writeAtomically(Path file, String what, FileWrite write) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            write.to(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + what + " " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
