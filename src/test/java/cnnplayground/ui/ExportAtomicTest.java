package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.data.UnicodePathsTest;
import cnnplayground.engine.HistoryExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** The Evaluate tab's history CSV and charts PNG: written whole into Chinese folders, or not at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExportAtomicTest extends PlaygroundTestBase {

    private static final byte[] OLDER = "an older export".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = PlaygroundScene.show(stage, TestDatasets.digits(32));
    }

    @Test
    void should_export_into_a_chinese_folder_with_spaces_leaving_no_temporary_file() throws Exception {
        // given:
        Path folder = Files.createDirectories(dir.resolve("訓練 記錄"));
        Path csv = folder.resolve("歷史 一.csv");
        Path png = folder.resolve("圖表 一.png");
        Files.write(csv, OLDER);

        // when:
        user.openTab("Evaluate");
        boolean wroteCsv = user.onFx(() -> view.evaluation().exportHistoryCsv(csv));
        boolean wrotePng = user.onFx(() -> view.evaluation().exportChartsPng(png));

        // then:
        assertThat(wroteCsv).isTrue();
        assertThat(wrotePng).isTrue();
        assertThat(Files.readAllLines(csv)).containsExactly(HistoryExport.CSV_HEADER);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.sorted().toList()).containsExactly(png, csv);
        }
    }

    @Test
    void should_keep_the_older_files_when_an_export_fails() throws Exception {
        // given: files that cannot be replaced atomically (no temporary file can be named beside them)
        Path csv = UnicodePathsTest.unwritable(dir, ".csv");
        Path png = UnicodePathsTest.unwritable(dir, ".png");
        Files.write(csv, OLDER);
        Files.write(png, OLDER);

        // when:
        user.openTab("Evaluate");
        boolean wroteCsv = user.onFx(() -> view.evaluation().exportHistoryCsv(csv));
        String csvStatus = user.fx().lookup("#evaluationExportStatus").queryLabeled().getText();
        boolean wrotePng = user.onFx(() -> view.evaluation().exportChartsPng(png));

        // then: both refused with the file named, both older files whole, nothing left behind
        assertThat(wroteCsv).isFalse();
        assertThat(wrotePng).isFalse();
        assertThat(csvStatus).startsWith("Could not write " + csv);
        assertThat(Files.readAllBytes(csv)).isEqualTo(OLDER);
        assertThat(Files.readAllBytes(png)).isEqualTo(OLDER);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }
}
