package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.spec.Presets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pace of a real run (LeNet-5 on 600 digits): step by step, slow motion, full speed, switched while it
 * goes. Waits are on events and counts; the only time bound is a lower one, which no load can break.
 */
@Timeout(180)
class TrainingPaceTest {

    private static final long WAIT_SECONDS = 90;
    /** 480 training images in batches of 32: 15 batches. */
    private static final TrainingConfig FIFTEEN_BATCHES = TrainingConfig.defaults().withBatchSize(32).withEpochs(1)
            .withValidationFraction(0.2);

    private static ImageDataset digits;

    @BeforeAll
    static void load() {
        digits = TinyDigits.first(600);
    }

    @Test
    void step_pace_does_one_batch_per_step_and_full_speed_finishes_the_run() throws InterruptedException {
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, FIFTEEN_BATCHES,
                events::add, TrainingPace.STEP)) {
            // then: one batch, then it waits, that batch shown everywhere
            assertEquals(1, awaitStepped(events, 1));
            assertEquals(1, run.latest().progress().stepsDone());
            assertEquals(1, run.latest().batches().size());
            assertEquals(1, run.latestWeights().orElseThrow().step(), "the live views get the batch's weights");

            // when: two steps
            run.step();
            run.step();

            // then: exactly three batches, and it waits again
            assertEquals(3, awaitStepped(events, 3));
            assertEquals(3, run.latest().progress().stepsDone());
            assertEquals(3, run.latestWeights().orElseThrow().step());
            assertEquals(TrainingState.RUNNING, run.latest().state());

            // when:
            run.setPace(TrainingPace.FULL_SPEED);

            // then: the rest of the epoch runs on its own
            assertTrue(run.awaitTermination(Duration.ofSeconds(WAIT_SECONDS)));
            assertEquals(TrainingState.FINISHED, run.latest().state());
            assertEquals(15, run.latest().progress().stepsDone());
        }
        List<TrainingEvent> rest = new ArrayList<>();
        events.drainTo(rest);
        assertInstanceOf(TrainingEvent.Finished.class, rest.get(rest.size() - 1));
        assertTrue(rest.stream().noneMatch(e -> e instanceof TrainingEvent.Stepped), rest.toString());
    }

    @Test
    void stop_ends_a_run_waiting_for_a_step_and_pause_is_told_meanwhile() throws InterruptedException {
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, FIFTEEN_BATCHES,
                events::add, TrainingPace.STEP)) {
            assertEquals(1, awaitStepped(events, 1));

            // when: paused while it waits for a step
            run.pause();

            // then: the pause is told at once, not after the next step
            assertNotNull(awaitEvent(events, TrainingEvent.Paused.class));
            assertEquals(TrainingState.PAUSED, run.latest().state());

            // when:
            run.stop();

            // then: the thread ends without any further batch
            assertTrue(run.awaitTermination(Duration.ofSeconds(WAIT_SECONDS)));
            assertEquals(TrainingState.STOPPED, run.latest().state());
            assertEquals(1, run.latest().progress().stepsDone());
        }
        assertNotNull(awaitEvent(events, TrainingEvent.Stopped.class));
    }

    @Test
    void slow_motion_never_runs_ahead_and_full_speed_takes_over() throws InterruptedException {
        // given: 60 batches of 8, at 20 a second
        AtomicLong startedAt = new AtomicLong();
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        TrainingListener listener = e -> {
            if (e instanceof TrainingEvent.Started) {
                startedAt.set(System.nanoTime()); // on the engine thread, before the first batch starts
            }
            events.add(e);
        };
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits,
                FIFTEEN_BATCHES.withBatchSize(8), listener, TrainingPace.SLOW_20)) {
            awaitEvent(events, TrainingEvent.Started.class);
            long done = awaitSteps(run, 10);
            long seen = System.nanoTime();

            // then: batch n started no sooner than (n - 1) / 20 s after the first
            assertTrue(seen - startedAt.get() >= (done - 1) * TimeUnit.SECONDS.toNanos(1) / 20,
                    done + " batches in " + (seen - startedAt.get()) / 1e6 + " ms");

            // when:
            run.setPace(TrainingPace.FULL_SPEED);

            // then:
            assertTrue(run.awaitTermination(Duration.ofSeconds(WAIT_SECONDS)));
            assertEquals(TrainingState.FINISHED, run.latest().state());
            assertEquals(60, run.latest().progress().stepsDone());
        }
    }

    @Test
    void waiting_for_a_step_is_not_training_time() throws InterruptedException {
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        long before = System.nanoTime();
        try (TrainingHandle run = new DjlTrainingLauncher().start(Presets.lenet5(), digits, FIFTEEN_BATCHES,
                events::add, TrainingPace.STEP)) {
            assertEquals(1, awaitStepped(events, 1));

            // when: the teacher talks for a second before the next step
            Thread.sleep(1_000);
            run.step();
            assertEquals(2, awaitStepped(events, 2));
            long wall = System.nanoTime() - before;

            // then: the elapsed training time leaves that second out
            Duration elapsed = run.latest().progress().elapsed();
            assertTrue(elapsed.toNanos() <= wall - TimeUnit.SECONDS.toNanos(1),
                    "elapsed " + elapsed.toMillis() + " ms of " + wall / 1_000_000 + " ms");
        }
    }

    /** Waits for the next {@link TrainingEvent.Stepped} at or past {@code atLeast} batches; returns its count. */
    private static long awaitStepped(BlockingQueue<TrainingEvent> events, long atLeast) throws InterruptedException {
        while (true) {
            TrainingEvent.Stepped stepped = awaitEvent(events, TrainingEvent.Stepped.class);
            assertNotNull(stepped, "no step awaited within " + WAIT_SECONDS + " s");
            if (stepped.batchesDone() >= atLeast) {
                return stepped.batchesDone();
            }
        }
    }

    /** The next event of {@code type}, skipping others; null when none comes in time. */
    private static <T extends TrainingEvent> T awaitEvent(BlockingQueue<TrainingEvent> events, Class<T> type)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            TrainingEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    /** Waits until the run has done at least {@code n} batches; returns how many it had when seen. */
    private static long awaitSteps(TrainingHandle run, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        long done;
        while ((done = run.latest().progress().stepsDone()) < n) {
            assertTrue(System.nanoTime() < deadline, "only " + done + " batches in " + WAIT_SECONDS + " s");
            Thread.sleep(5);
        }
        return done;
    }
}
