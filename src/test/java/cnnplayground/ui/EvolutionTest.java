package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.engine.LiveModel;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.viz.EvolutionExport;
import cnnplayground.ui.viz.Heatmaps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/**
 * Real training and the real LiveModel: the run is recorded while the Training tab shows, and the
 * timeline scrubs back through it, moving the loss chart's marker and exporting as a GIF.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EvolutionTest extends PlaygroundTestBase {

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.showLive(stage);
    }

    @Test
    void should_record_a_run_watched_on_the_training_tab_and_scrub_back_through_it(@TempDir Path exports)
            throws Exception {
        // given: LeNet-5 trained for two epochs on 2000 digits, recorded every 10 batches, with only
        // the charts on screen
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(2000)));
        user.setHyperParameter("epochs", "2").setHyperParameter("batchSize", "16");
        user.openTab("Feature maps").setRecordEvery(10).openTab("Training");
        user.clickTrain();
        awaitTrainingState(TrainingState.FINISHED);

        // when: the student opens the feature maps, which follow the newest frame
        user.openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().timeline().frames().size() >= 2
                && view.live().featureMaps().rowNames().size() > 1);
        List<EvolutionFrame> frames = user.onFx(() -> view.live().timeline().frames());
        EvolutionFrame first = frames.get(0);
        EvolutionFrame newest = frames.get(frames.size() - 1);
        user.scrubToNewestFrame();
        int[] newestTile = tilePixels();

        // ... and scrubs back to the first frame
        user.scrubToFirstFrame();

        // then: the maps, the filters and the caption show that older frame, which looked different
        assertThat(first.step()).isLessThan(newest.step());
        assertThat(user.onFx(() -> view.live().featureMaps().resultProperty().get())).isSameAs(first.probe());
        assertThat(user.onFx(() -> view.live().filters().resultProperty().get())).isSameAs(first.probe());
        assertThat(user.evolutionCaption()).startsWith(String.format("step %,d ", first.step()));
        assertThat(tilePixels()).isNotEqualTo(newestTile);

        // and the loss chart marks the first frame's step, left of where it marked the newest
        user.openTab("Training");
        assertThat(user.onFx(() -> view.training().charts().markedStep())).hasValue(first.step());
        double markerX = user.onFx(() -> view.training().charts().lossMarker().getStartX());
        assertThat(markerX).isCloseTo(user.onFx(() -> view.training().charts().lossChartPosition(first.step())),
                within(0.5));
        assertThat(markerX).isLessThan(user.onFx(() -> view.training().charts().lossChartPosition(newest.step())));
        assertThat(user.onFx(() -> view.training().charts().lossMarker().isVisible())).isTrue();

        // when: the evolution is exported as a GIF
        Path gif = exports.resolve("evolution.gif");
        user.onFx(() -> view.live().exportGif(gif)).get(RUN_WAIT_SECONDS, TimeUnit.SECONDS);
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().exportStatus().startsWith("Exported"));

        // then: one picture per recorded frame, all the same size
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(frames.size());
            assertThat(reader.getWidth(0)).isEqualTo(EvolutionExport.WIDTH);
            assertThat(reader.getHeight(frames.size() - 1)).isEqualTo(EvolutionExport.HEIGHT);
            reader.dispose();
        }
    }

    @Test
    void should_say_which_file_could_not_be_exported(@TempDir Path exports) throws Exception {
        // given: a short recorded run
        user.fx().interact(() -> view.setDataset("digits", TestDatasets.digits(320)));
        user.setHyperParameter("epochs", "1").setHyperParameter("batchSize", "16");
        user.clickTrain().openTab("Feature maps");
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.workspace().stateProperty().get() == TrainingState.FINISHED
                && !view.live().timeline().frames().isEmpty());

        // when: the PNGs go to a "folder" that is a file
        Path notAFolder = Files.writeString(exports.resolve("taken"), "a file, not a folder");
        user.fx().interact(() -> view.live().exportPngs(notAFolder));

        // then:
        user.waitUntil(RUN_WAIT_SECONDS, () -> view.live().exportStatus().startsWith("Could not export"));
        assertThat(view.live().exportStatus()).contains(notAFolder.toString());
    }

    private int[] tilePixels() {
        return user.onFx(() -> {
            String firstConv = view.live().featureMaps().rowNames().get(1);
            return Heatmaps.pixels(view.live().featureMaps().tileImage(firstConv, 0).orElseThrow());
        });
    }
}
