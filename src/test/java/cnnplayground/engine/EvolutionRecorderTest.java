package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.FloatGrid;
import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.Prediction;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import cnnplayground.spec.LayerKind;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EvolutionRecorderTest {

    private static final int LONG_RUN_STEPS = 100_000;
    private static final int STEPS_PER_EPOCH = 5_000;

    @Test
    void keeps_the_first_probe_and_then_one_every_n_batches() {
        EvolutionRecorder recorder = new EvolutionRecorder(10);

        for (long step = 1; step <= 100; step++) {
            recorder.offer(probe(step), metrics(step), false);
        }

        assertEquals(List.of(1L, 11L, 21L, 31L, 41L, 51L, 61L, 71L, 81L, 91L), steps(recorder));
    }

    @Test
    void keeps_an_epoch_end_even_inside_the_interval() {
        EvolutionRecorder recorder = new EvolutionRecorder(100);
        recorder.offer(probe(1), metrics(1), false);

        boolean keptPlain = recorder.offer(probe(7), metrics(7), false);
        boolean keptEpochEnd = recorder.offer(probe(8), metrics(8), true);

        assertFalse(keptPlain);
        assertTrue(keptEpochEnd);
        assertEquals(List.of(1L, 8L), steps(recorder));
        assertTrue(recorder.frames().get(1).epochEnd());
    }

    @Test
    void an_epoch_end_at_the_step_of_the_last_frame_marks_it_instead_of_adding_a_copy() {
        EvolutionRecorder recorder = new EvolutionRecorder(1);
        recorder.offer(probe(5), metrics(5), false);

        recorder.offer(probe(5), metrics(5), true);

        assertEquals(List.of(5L), steps(recorder));
        assertTrue(recorder.frames().get(0).epochEnd());
    }

    @Test
    void a_long_run_never_holds_more_than_the_capacity_and_keeps_first_and_latest() {
        EvolutionRecorder recorder = new EvolutionRecorder(1, EvolutionRecorder.DEFAULT_CAPACITY);

        for (long step = 1; step <= LONG_RUN_STEPS; step++) {
            boolean kept = recorder.offer(probe(step), metrics(step), step % STEPS_PER_EPOCH == 0);

            List<EvolutionFrame> frames = recorder.frames();
            assertTrue(frames.size() <= EvolutionRecorder.DEFAULT_CAPACITY, "at step " + step + ": " + frames.size());
            assertEquals(1L, frames.get(0).step(), "the first frame is never thinned away");
            if (kept) {
                assertEquals(step, frames.get(frames.size() - 1).step(), "a kept frame is the latest");
            }
        }
        assertEquals(LONG_RUN_STEPS, last(recorder).step(), "the run ends at an epoch end, which is kept");
    }

    @Test
    void every_epoch_end_survives_thinning_when_epochs_fit_the_capacity() {
        EvolutionRecorder recorder = new EvolutionRecorder(1);

        for (long step = 1; step <= LONG_RUN_STEPS; step++) {
            recorder.offer(probe(step), metrics(step), step % STEPS_PER_EPOCH == 0);
        }

        List<Long> epochEnds = LongStream.rangeClosed(1, LONG_RUN_STEPS / STEPS_PER_EPOCH)
                .map(e -> e * STEPS_PER_EPOCH).boxed().toList();
        List<Long> keptEpochEnds = recorder.frames().stream().filter(EvolutionFrame::epochEnd)
                .map(EvolutionFrame::step).toList();
        assertEquals(epochEnds, keptEpochEnds);
    }

    @Test
    void thinning_keeps_order_and_covers_the_whole_run_evenly() {
        EvolutionRecorder recorder = new EvolutionRecorder(1);

        for (long step = 1; step <= LONG_RUN_STEPS; step++) {
            recorder.offer(probe(step), metrics(step), step % STEPS_PER_EPOCH == 0);
        }

        List<Long> steps = steps(recorder);
        long maxGap = 0;
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1), "steps increase: " + steps);
            maxGap = Math.max(maxGap, steps.get(i) - steps.get(i - 1));
        }
        // thinning only the older half would leave a gap of almost the whole run after frame 1
        long evenBound = 4L * LONG_RUN_STEPS / EvolutionRecorder.DEFAULT_CAPACITY;
        assertTrue(maxGap <= evenBound, "largest gap " + maxGap + " > " + evenBound + " in " + steps);
        assertTrue(steps.size() >= EvolutionRecorder.DEFAULT_CAPACITY / 2, "thinning keeps half: " + steps.size());
    }

    @Test
    void memory_stays_bounded_over_a_long_run() {
        EvolutionRecorder recorder = new EvolutionRecorder(1);
        long frameBytes = EvolutionFrame.of(probe(1), metrics(1), false).approximateBytes();

        for (long step = 1; step <= LONG_RUN_STEPS; step++) {
            recorder.offer(probe(step), metrics(step), false);
        }

        assertEquals(recorder.frames().size() * frameBytes, recorder.approximateBytes());
        assertTrue(recorder.approximateBytes() <= EvolutionRecorder.DEFAULT_CAPACITY * frameBytes);
    }

    @Test
    void a_frame_counts_four_bytes_per_float_of_its_probe() {
        // input 4×4×1 = 16, prediction 10, activation 2×2×3 = 12, filters 2×1×3×3 = 18: 56 floats
        EvolutionFrame frame = EvolutionFrame.of(probe(1), metrics(1), false);

        assertEquals(56 * 4, frame.approximateBytes());
    }

    @Test
    void a_list_already_read_does_not_change_under_its_reader() {
        EvolutionRecorder recorder = new EvolutionRecorder(1, EvolutionRecorder.MIN_CAPACITY);
        recorder.offer(probe(1), metrics(1), false);
        List<EvolutionFrame> read = recorder.frames();
        long sequence = recorder.sequence();

        for (long step = 2; step <= 20; step++) {
            recorder.offer(probe(step), metrics(step), false);
        }

        assertEquals(List.of(1L), read.stream().map(EvolutionFrame::step).toList());
        assertThrows(UnsupportedOperationException.class, () -> read.add(read.get(0)));
        assertTrue(recorder.sequence() > sequence);
    }

    @Test
    void clear_forgets_the_frames_and_the_coarsened_interval() {
        EvolutionRecorder recorder = new EvolutionRecorder(2, EvolutionRecorder.MIN_CAPACITY);
        for (long step = 1; step <= 50; step++) {
            recorder.offer(probe(step), metrics(step), false);
        }
        assertTrue(recorder.interval() > 2, "the interval coarsened: " + recorder.interval());

        recorder.clear();

        assertEquals(List.of(), recorder.frames());
        assertEquals(0, recorder.approximateBytes());
        assertEquals(2, recorder.interval());
        assertTrue(recorder.offer(probe(1), metrics(1), false), "a new run starts from step 1 again");
    }

    @Test
    void clear_with_an_interval_records_the_next_run_at_that_interval() {
        EvolutionRecorder recorder = new EvolutionRecorder(10);
        recorder.offer(probe(1), metrics(1), false);

        recorder.clear(3);
        for (long step = 1; step <= 10; step++) {
            recorder.offer(probe(step), metrics(step), false);
        }

        assertEquals(3, recorder.everyNBatches());
        assertEquals(List.of(1L, 4L, 7L, 10L), steps(recorder));
        assertThrows(IllegalArgumentException.class, () -> recorder.clear(0));
    }

    @Test
    void a_step_before_the_last_frame_is_a_bug_that_names_both_steps() {
        EvolutionRecorder recorder = new EvolutionRecorder(1);
        recorder.offer(probe(10), metrics(10), false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> recorder.offer(probe(3), metrics(3), false));

        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void a_frame_takes_its_labels_from_the_latest_batch() {
        BatchMetrics latest = new BatchMetrics(3, 17, 42, 0.25f, Float.NaN);

        EvolutionFrame frame = EvolutionFrame.of(probe(42), latest, true);

        assertEquals(new EvolutionFrame(42, 3, 17, 0.25f, Float.NaN, true, frame.probe()), frame);
    }

    private static ProbeResult probe(long step) {
        FloatGrid input = FloatGrid.zeros(4, 4, 1);
        float[] probabilities = new float[10];
        probabilities[(int) (step % 10)] = 1f;
        LayerActivation conv = new LayerActivation(0, "conv2d_1", LayerKind.CONV_2D, FloatGrid.zeros(2, 2, 3));
        FilterBank filters = new FilterBank(0, "conv2d_1", 2, 1, 3, 3, new float[18]);
        return new ProbeResult(step, input, Prediction.of(probabilities), List.of(conv), List.of(filters));
    }

    private static BatchMetrics metrics(long step) {
        return new BatchMetrics((int) ((step - 1) / STEPS_PER_EPOCH) + 1, (int) ((step - 1) % STEPS_PER_EPOCH) + 1,
                step, 1f / step, 0.5f);
    }

    private static List<Long> steps(EvolutionRecorder recorder) {
        return recorder.frames().stream().map(EvolutionFrame::step).toList();
    }

    private static EvolutionFrame last(EvolutionRecorder recorder) {
        List<EvolutionFrame> frames = recorder.frames();
        return frames.get(frames.size() - 1);
    }
}
