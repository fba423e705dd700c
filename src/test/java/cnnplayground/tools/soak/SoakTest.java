package cnnplayground.tools.soak;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.DjlTrainingLauncher;
import cnnplayground.engine.LiveModel;
import cnnplayground.ui.PlaygroundScene;
import cnnplayground.ui.PlaygroundTestBase;
import cnnplayground.ui.PlaygroundView;
import cnnplayground.ui.TestDatasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** The soak command's run, short: two epochs on a small dataset in the test's window. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SoakTest extends PlaygroundTestBase {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, new PlaygroundView(new DjlTrainingLauncher(), LiveModel.start()));
        view.setDataset("digits", TestDatasets.digits(1500));
    }

    @Override
    protected void stopAfterTest() throws InterruptedException {
        awaitShutdown(view::shutdown);
    }

    @Test
    void should_log_a_csv_row_per_epoch_with_memory_stalls_and_predictions() throws Exception {
        // given: small batches, so each epoch lasts a few seconds and the pad is drawn on meanwhile
        user.setHyperParameter("batchSize", "8");
        Path csv = dir.resolve("soak log 浸泡.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when: the soak runs off the FX thread, as the command does
        int exit = CompletableFuture.supplyAsync(() -> {
            try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
                return SoakCommand.soak(view, new SoakCommand.Options(2, 1500, Optional.of(csv), Duration.ofSeconds(1)),
                        out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(200, TimeUnit.SECONDS);

        // then: a header and two rows of positive numbers, and a verdict
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(SoakRow.CSV_HEADER);
        long predictions = 0;
        for (int i = 1; i <= 2; i++) {
            String[] cells = lines.get(i).split(",");
            assertThat(cells).hasSize(9);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(i);
            for (int c = 1; c <= 4; c++) {
                assertThat(Double.parseDouble(cells[c])).as("column %d of epoch %d", c, i).isPositive();
            }
            assertThat(Double.parseDouble(cells[6])).as("RSS of epoch %d", i).isPositive();
            assertThat(Double.parseDouble(cells[7])).as("FX stall of epoch %d", i).isPositive();
            predictions += Long.parseLong(cells[8]);
        }
        assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isGreaterThan(Double.parseDouble(lines.get(1).split(",")[1]));
        assertThat(predictions).as("the pad predicted while training").isPositive();
        String summary = printed.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("RSS:", "heap after GC:", "strokes answered", "FX thread:");
        assertThat(summary.lines()).contains("PASS");
        assertThat(exit).isZero();
        System.out.println(summary);
    }
}
