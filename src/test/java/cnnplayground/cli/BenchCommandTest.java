package cnnplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.DatasetLoader;
import cnnplayground.spec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void a_one_epoch_bench_on_tiny_data_reports_speed_latency_and_memory() throws Exception {
        // given: 300 real digits, of which the bench uses 200
        Path data = Files.createDirectories(dir.resolve("digits"));
        CliTest.writeIdx(data, DatasetLoader.loadIdxDirectory(Path.of("datasets/digits")).train()
                .subset(IntStream.range(0, 300).toArray()));

        // when:
        CliTest.Result r = CliTest.cli("bench", "--json", "--epochs", "1", "--pairs", "2", "--data", data.toString(),
                "--limit", "200");

        // then:
        assertEquals(0, r.exit(), r.err());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(r.out());
        Map<?, ?> speed = (Map<?, ?>) doc.get("trainImagesPerSecond");
        double off = number(speed.get("visualisationOff"));
        double on = number(speed.get("visualisationOn"));
        assertTrue(off > 0 && on > 0, r.out());
        // then: two alternating pairs, and the ratio is the median (here the mean) of the pairs' ratios
        List<?> pairs = (List<?>) speed.get("pairs");
        assertEquals(2, pairs.size(), r.out());
        double[] ratios = pairs.stream().mapToDouble(p -> {
            Map<?, ?> pair = (Map<?, ?>) p;
            double pairRatio = number(pair.get("visualisationOn")) / number(pair.get("visualisationOff"));
            assertEquals(pairRatio, number(pair.get("ratio")), 0.001 * pairRatio + 0.001);
            return pairRatio;
        }).toArray();
        assertEquals((ratios[0] + ratios[1]) / 2, number(speed.get("ratio")), 0.002);
        assertEquals(Math.min(ratios[0], ratios[1]), number(speed.get("ratioMin")), 0.002);
        assertEquals(Math.max(ratios[0], ratios[1]), number(speed.get("ratioMax")), 0.002);
        // then: with no window to show (the CLI alone opens none), the stage's run is skipped, saying how to get it
        assertTrue(String.valueOf(speed.get("stageShowing")).startsWith("stage showing: skipped, no display; to "
                + "measure it: xvfb-run -a -s \"-screen 0 1280x720x24\""), r.out());
        assertTrue(r.err().contains("stage showing: skipped"), r.err());
        Map<?, ?> latency = (Map<?, ?>) doc.get("predictionLatencyMs");
        double p50 = number(latency.get("p50"));
        double p99 = number(latency.get("p99"));
        assertTrue(p50 > 0 && p99 >= p50 && p99 < 10_000, r.out());
        Map<?, ?> memory = (Map<?, ?>) doc.get("memory");
        List<?> heap = (List<?>) memory.get("heapMb");
        List<?> rss = (List<?>) memory.get("rssMb");
        assertEquals(2, heap.size(), "at the start and after the one epoch");
        assertEquals(2, rss.size());
        for (Object mb : heap) {
            assertTrue(number(mb) > 0, r.out());
        }
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertTrue(number(rss.get(0)) > 0 && number(rss.get(1)) > 0, r.out());
        }
        assertTrue(((String) doc.get("device")).length() > 0);
    }

    @Test
    void bad_bench_options_are_one_line_errors() {
        CliTest.Result epochs = CliTest.cli("bench", "--epochs", "0");
        CliTest.Result pairs = CliTest.cli("bench", "--pairs", "0");
        CliTest.Result data = CliTest.cli("bench", "--data", dir.resolve("missing").toString());

        assertEquals(2, epochs.exit());
        assertEquals("error: --epochs must be at least 1, got 0\n", epochs.err());
        assertEquals("error: --pairs must be at least 1, got 0\n", pairs.err());
        assertEquals(2, data.exit());
        assertEquals(1, data.err().lines().count(), data.err());
        assertTrue(data.err().contains("missing"), data.err());
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
