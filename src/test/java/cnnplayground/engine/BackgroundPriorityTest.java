package cnnplayground.engine;

import cnnplayground.Prerequisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.spec.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Training yields the CPU to the window: its threads run at a lower OS priority, the others do not. */
@Timeout(120)
class BackgroundPriorityTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void lowering_a_thread_leaves_the_others_and_passes_to_threads_it_starts() throws InterruptedException {
        Prerequisites.require(BackgroundPriority.currentNice().isPresent(), "thread priorities are set on Linux only");
        int mine = BackgroundPriority.currentNice().getAsInt();
        AtomicReference<OptionalInt> lowered = new AtomicReference<>();
        AtomicReference<OptionalInt> child = new AtomicReference<>();

        Thread worker = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread(BackgroundPriority.TRAINING_NICE));
            Thread started = new Thread(() -> child.set(BackgroundPriority.currentNice()));
            started.start();
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        worker.join();

        // (a build run under `nice -n 19` stays at 19: lowering never raises a priority)
        int expected = Math.max(mine, BackgroundPriority.TRAINING_NICE);
        assertEquals(OptionalInt.of(expected), lowered.get());
        assertEquals(OptionalInt.of(expected), child.get(), "as PyTorch's workers would");
        assertEquals(OptionalInt.of(mine), BackgroundPriority.currentNice(), "the caller's thread keeps its priority");
    }

    @Test
    void a_training_run_and_the_threads_pytorch_starts_for_it_run_lowered() throws Exception {
        Prerequisites.require(Files.isDirectory(TASKS) && BackgroundPriority.currentNice().isPresent(), "needs Linux and /proc");
        int mine = BackgroundPriority.currentNice().getAsInt();
        TrainingConfig manyEpochs = TrainingConfig.defaults().withBatchSize(16).withEpochs(200);
        Map<String, Integer> training = new HashMap<>();
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), TinyDigits.first(300), manyEpochs,
                e -> { })) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && run.latest().batches().size() < 5) {
                Thread.sleep(50);
            }
            assertFalse(run.latest().batches().isEmpty(), "training took its first steps");
            training.putAll(niceOf("training-"));
        }
        assertFalse(training.isEmpty(), "the run's threads are found by name");
        int expected = Math.max(mine, BackgroundPriority.TRAINING_NICE);
        assertTrue(training.values().stream().allMatch(n -> n == expected), training + ", expected " + expected);
        assertEquals(OptionalInt.of(mine), BackgroundPriority.currentNice(), "the test's own thread keeps its priority");
    }

    /** Nice value of every thread of this JVM whose name starts with {@code prefix}, by thread id. */
    private static Map<String, Integer> niceOf(String prefix) throws IOException {
        Map<String, Integer> found = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    if (comm.startsWith(prefix)) {
                        // fields after the ")" that ends the name start at the state, field 3; nice is field 19
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        found.put(task.getFileName() + " " + comm, Integer.parseInt(fields[19 - 3]));
                    }
                } catch (IOException threadEnded) {
                    // a thread that ended while being read is no longer of interest
                }
            }
        }
        return found;
    }
}
