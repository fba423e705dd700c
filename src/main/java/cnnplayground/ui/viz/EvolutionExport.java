package cnnplayground.ui.viz;

import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Turns the recorded evolution into pictures: each frame's feature maps and filters, side by side
 * under its caption, drawn off-screen at one fixed size, then written as an animated GIF or a PNG
 * sequence with {@link AnimatedGif}.
 *
 * <p>Drawing needs the FX thread, so it takes one frame per pulse (the window stays responsive
 * during a long export); converting and encoding the pictures runs on a thread of its own.
 */
public final class EvolutionExport {

    /** Every exported picture has this size, so the GIF's frames line up. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 640;
    /** The GIF plays at the timeline's speed. */
    public static final java.time.Duration GIF_FRAME_DELAY =
            java.time.Duration.ofMillis((long) EvolutionTimeline.PLAY_FRAME_TIME.toMillis());
    public static final String PNG_PREFIX = "evolution";
    private static final double FEATURE_MAPS_SHARE = 0.6;

    private final List<EvolutionFrame> frames;
    private final UiText text;
    private final FeatureMapView featureMaps;
    private final FilterView filters;
    private final Label caption = new Label();
    private final VBox root;
    private final List<BufferedImage> pictures = new ArrayList<>();

    private EvolutionExport(List<EvolutionFrame> frames, List<String> classNames, List<String> stylesheets,
                            UiLanguage language) {
        text = UiText.in(language);
        featureMaps = new FeatureMapView(text);
        filters = new FilterView(text);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("there is no recorded frame to export yet; train the network first");
        }
        this.frames = List.copyOf(frames);
        featureMaps.classNamesProperty().set(classNames);
        featureMaps.setPrefWidth(WIDTH * FEATURE_MAPS_SHARE);
        filters.setPrefWidth(WIDTH * (1 - FEATURE_MAPS_SHARE));
        HBox.setHgrow(featureMaps, Priority.ALWAYS);
        HBox.setHgrow(filters, Priority.ALWAYS);
        HBox views = new HBox(featureMaps, filters);
        VBox.setVgrow(views, Priority.ALWAYS);
        caption.getStyleClass().add("evolution-export-caption");
        root = new VBox(caption, views);
        root.getStyleClass().addAll("playground", "evolution-export", language.styleClass());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(stylesheets);
    }

    /**
     * Writes {@code frames} to {@code file} as an animated GIF that loops. Call on the FX thread;
     * the future completes with the file, or with the error (which names the file) off the FX thread.
     */
    public static CompletableFuture<Path> gif(List<EvolutionFrame> frames, List<String> classNames,
                                              List<String> stylesheets, Path file) {
        return gif(frames, classNames, stylesheets, file, UiLanguage.ENGLISH);
    }

    /** As {@link #gif(List, List, List, Path)}, the pictures' words in {@code language}. */
    public static CompletableFuture<Path> gif(List<EvolutionFrame> frames, List<String> classNames,
                                              List<String> stylesheets, Path file, UiLanguage language) {
        return new EvolutionExport(frames, classNames, stylesheets, language).render().thenApplyAsync(pictures -> {
            try {
                AnimatedGif.write(pictures, GIF_FRAME_DELAY, true, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }, EvolutionExport::onItsOwnThread);
    }

    /**
     * Writes {@code frames} into {@code directory} as {@code evolution-000.png}, {@code evolution-001.png}, ….
     * Call on the FX thread; the future completes with the directory off the FX thread.
     */
    public static CompletableFuture<Path> pngs(List<EvolutionFrame> frames, List<String> classNames,
                                               List<String> stylesheets, Path directory) {
        return pngs(frames, classNames, stylesheets, directory, UiLanguage.ENGLISH);
    }

    /** As {@link #pngs(List, List, List, Path)}, the pictures' words in {@code language}. */
    public static CompletableFuture<Path> pngs(List<EvolutionFrame> frames, List<String> classNames,
                                               List<String> stylesheets, Path directory, UiLanguage language) {
        return new EvolutionExport(frames, classNames, stylesheets, language).render().thenApplyAsync(pictures -> {
            try {
                AnimatedGif.writePngSequence(pictures, directory, PNG_PREFIX);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return directory;
        }, EvolutionExport::onItsOwnThread);
    }

    /** Draws one frame per pulse; completes on the FX thread with all pictures. */
    private CompletableFuture<List<BufferedImage>> render() {
        CompletableFuture<List<BufferedImage>> done = new CompletableFuture<>();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                try {
                    pictures.add(draw(frames.get(pictures.size())));
                    if (pictures.size() == frames.size()) {
                        stop();
                        done.complete(List.copyOf(pictures));
                    }
                } catch (RuntimeException e) {
                    stop();
                    done.completeExceptionally(e);
                }
            }
        }.start();
        return done;
    }

    private BufferedImage draw(EvolutionFrame frame) {
        UiText.Phrase said = EvolutionTimeline.phraseOf(frame);
        caption.setText(text.get(said.key(), said.args()));
        featureMaps.resultProperty().set(frame.probe());
        filters.resultProperty().set(frame.probe());
        root.resize(WIDTH, HEIGHT);
        root.applyCss();
        root.layout();
        SnapshotParameters area = new SnapshotParameters();
        area.setViewport(new Rectangle2D(0, 0, WIDTH, HEIGHT));
        WritableImage picture = root.snapshot(area, new WritableImage(WIDTH, HEIGHT));
        return SwingFXUtils.fromFXImage(picture, null);
    }

    private static void onItsOwnThread(Runnable work) {
        Thread writer = new Thread(work, "evolution-export");
        writer.setDaemon(true);
        writer.start();
    }
}
