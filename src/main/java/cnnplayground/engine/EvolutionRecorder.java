package cnnplayground.engine;

import cnnplayground.engine.ModelProbe.FilterBank;
import cnnplayground.engine.ModelProbe.LayerActivation;
import cnnplayground.engine.ModelProbe.ProbeResult;
import cnnplayground.engine.TrainingHandle.BatchMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers how the watched input's filters and feature maps evolve during a run, in a fixed number
 * of {@link EvolutionFrame}s, so memory stays bounded however long training runs.
 *
 * <p>A frame is kept when at least {@link #interval()} batches have passed since the last kept one,
 * and always at an epoch end. When the recorder is full, every other frame is dropped (the first and
 * last always stay; of two neighbours an epoch-end frame wins) and the interval doubles, so the
 * frames keep covering the whole run evenly at a coarser grain: the largest gap between kept steps
 * stays within about {@code 4 × steps / capacity}.
 *
 * <p>Why not thin only the older half and keep recent frames fine: the oldest frames are then
 * thinned on every pass while the new ones never are, so after a long run the first frame is
 * followed by a gap of nearly the whole run (simulated: 99.8% of a 100,000-batch run with 120
 * frames), which defeats scrubbing back to "how did it start".
 *
 * <p>Thread-safe: the whole state is one immutable value swapped in an {@link AtomicReference};
 * the engine thread offers, any thread reads {@link #frames()} without locking, and a view can
 * compare {@link #sequence()} to redraw only when something changed.
 */
public final class EvolutionRecorder {

    /** Frames kept by default: at 4 frames a second, half a minute of animation. */
    public static final int DEFAULT_CAPACITY = 120;
    /** Below this thinning could not keep the first and last frames and still make room. */
    public static final int MIN_CAPACITY = 4;

    private final int capacity;
    private final AtomicReference<State> state;

    /** A recorder keeping a frame every {@code everyNBatches} batches, and at each epoch end, up to {@link #DEFAULT_CAPACITY}. */
    public EvolutionRecorder(int everyNBatches) {
        this(everyNBatches, DEFAULT_CAPACITY);
    }

    public EvolutionRecorder(int everyNBatches, int capacity) {
        if (everyNBatches < 1) {
            throw new IllegalArgumentException("frames are kept every N batches with N at least 1, got " + everyNBatches);
        }
        if (capacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("an evolution recorder holds at least " + MIN_CAPACITY
                    + " frames, got a capacity of " + capacity);
        }
        this.capacity = capacity;
        this.state = new AtomicReference<>(State.empty(everyNBatches));
    }

    /**
     * Offers the latest probe; keeps it if the interval has passed or {@code epochEnd} is set.
     * A probe at the same step as the last frame replaces it only to mark it as an epoch end.
     *
     * @param latest the batch trained just before the probe (its epoch, batch, loss and accuracy label the frame)
     * @return whether the probe was kept
     * @throws IllegalArgumentException if the probe's step is before the last frame's (a new run needs {@link #clear()})
     */
    public boolean offer(ProbeResult probe, BatchMetrics latest, boolean epochEnd) {
        EvolutionFrame frame = EvolutionFrame.of(probe, latest, epochEnd);
        long frameBytes = frame.approximateBytes();
        while (true) {
            State current = state.get();
            State next = current.offered(frame, frameBytes, capacity);
            if (next == current) {
                return false;
            }
            if (state.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    /** The kept frames, oldest first; an immutable list that later offers never change. */
    public List<EvolutionFrame> frames() {
        return state.get().frames();
    }

    /** Grows by one whenever the frames change, so a view can skip redrawing when it has not. */
    public long sequence() {
        return state.get().sequence();
    }

    /** Bytes held by the kept frames' float arrays (see {@link EvolutionFrame#approximateBytes()}). */
    public long approximateBytes() {
        return state.get().bytes();
    }

    /** Batches between kept frames now: {@code everyNBatches}, doubled at each thinning. */
    public long interval() {
        return state.get().interval();
    }

    /** Batches between kept frames at the start of a run, before any thinning. */
    public int everyNBatches() {
        return state.get().everyNBatches();
    }

    public int capacity() {
        return capacity;
    }

    /** Forgets every frame and the coarsened interval, ready for a new run. */
    public void clear() {
        state.getAndUpdate(s -> new State(List.of(), s.everyNBatches(), s.everyNBatches(), 0, s.sequence() + 1));
    }

    /** Forgets every frame, like {@link #clear()}, and keeps a frame every {@code everyNBatches} from now on. */
    public void clear(int everyNBatches) {
        if (everyNBatches < 1) {
            throw new IllegalArgumentException("frames are kept every N batches with N at least 1, got " + everyNBatches);
        }
        state.getAndUpdate(s -> new State(List.of(), everyNBatches, everyNBatches, 0, s.sequence() + 1));
    }

    private record State(List<EvolutionFrame> frames, int everyNBatches, long interval, long bytes, long sequence) {

        static State empty(int everyNBatches) {
            return new State(List.of(), everyNBatches, everyNBatches, 0, 0);
        }

        /** This state with {@code frame} kept, or this very state if the frame is not wanted. */
        State offered(EvolutionFrame frame, long frameBytes, int capacity) {
            List<EvolutionFrame> kept = new ArrayList<>(frames);
            long keptInterval = interval;
            if (!frames.isEmpty()) {
                EvolutionFrame last = frames.get(frames.size() - 1);
                if (frame.step() < last.step()) {
                    throw new IllegalArgumentException("probe step " + frame.step() + " is before the last frame's step "
                            + last.step() + "; clear() the recorder before recording a new run");
                }
                if (frame.step() == last.step()) {
                    if (!frame.epochEnd() || last.epochEnd()) {
                        return this;
                    }
                    kept.set(kept.size() - 1, frame);
                    return new State(List.copyOf(kept), everyNBatches, interval, totalBytes(kept), sequence + 1);
                }
                if (!frame.epochEnd() && frame.step() - last.step() < interval) {
                    return this;
                }
            }
            if (kept.size() >= capacity) {
                kept = thinned(kept);
                // new frames arrive at the grain the thinned ones now have, so coverage stays even
                keptInterval = interval > Long.MAX_VALUE / 2 ? interval : interval * 2;
            }
            kept.add(frame);
            long keptBytes = kept.size() == frames.size() + 1 ? bytes + frameBytes : totalBytes(kept);
            return new State(List.copyOf(kept), everyNBatches, keptInterval, keptBytes, sequence + 1);
        }

        /** Every other frame, always the first and last; of two neighbours, an epoch end wins. */
        private static List<EvolutionFrame> thinned(List<EvolutionFrame> frames) {
            int lastIndex = frames.size() - 1;
            List<EvolutionFrame> thinned = new ArrayList<>(frames.size() / 2 + 2);
            thinned.add(frames.get(0));
            for (int i = 1; i < lastIndex; i += 2) {
                EvolutionFrame first = frames.get(i);
                if (i + 1 == lastIndex) {
                    // unpaired next to the last: dropped like any other, or thinning would barely make room
                    if (first.epochEnd()) {
                        thinned.add(first);
                    }
                    break;
                }
                EvolutionFrame second = frames.get(i + 1);
                thinned.add(first.epochEnd() && !second.epochEnd() ? first : second);
            }
            thinned.add(frames.get(lastIndex));
            return thinned;
        }

        private static long totalBytes(List<EvolutionFrame> frames) {
            long total = 0;
            for (EvolutionFrame frame : frames) {
                total += frame.approximateBytes();
            }
            return total;
        }
    }

    @Override
    public String toString() {
        State s = state.get();
        return "EvolutionRecorder[" + s.frames().size() + "/" + capacity + " frames, every " + s.interval()
                + " batches, ~" + s.bytes() + " bytes]";
    }

    /**
     * One remembered moment of a run for the evolution timeline: the watched input's probe (filters and
     * feature maps) together with the loss and accuracy of the batch trained just before it.
     *
     * @param step     batches trained when the probe's weights were copied ({@link ProbeResult#step()})
     * @param epoch    epoch of the latest batch, from 1; 0 for a probe taken before the first batch
     * @param batch    batch within that epoch, from 1; 0 before the first batch
     * @param loss     loss of the latest batch (NaN when none has finished or it was not finite)
     * @param accuracy accuracy of the latest batch (NaN when unknown)
     * @param epochEnd whether this frame was taken as an epoch ended; thinning keeps these preferentially
     */
    public record EvolutionFrame(long step, int epoch, int batch, float loss, float accuracy, boolean epochEnd,
                                 ProbeResult probe) {

        private static final long BYTES_PER_FLOAT = Float.BYTES;

        public EvolutionFrame {
            Objects.requireNonNull(probe, "probe");
            // a frame shows maps and filters; the weights behind the arithmetic would be copied into every frame
            probe = probe.withoutDetails();
            if (step != probe.step()) {
                throw new IllegalArgumentException("frame step " + step + " differs from its probe's step "
                        + probe.step());
            }
            if (epoch < 0 || batch < 0) {
                throw new IllegalArgumentException("epoch and batch count from 1 (0 before training), got epoch "
                        + epoch + ", batch " + batch);
            }
        }

        /** A frame of {@code probe} labelled with the metrics of {@code latest}, the batch trained just before it. */
        public static EvolutionFrame of(ProbeResult probe, BatchMetrics latest, boolean epochEnd) {
            Objects.requireNonNull(latest, "latest batch metrics");
            return new EvolutionFrame(probe.step(), latest.epoch(), latest.batch(), latest.loss(), latest.accuracy(),
                    epochEnd, probe);
        }

        /**
         * Memory held by the probe's float arrays (input, prediction, activations, filters), the part
         * that grows with the network; object headers and the few scalars are left out.
         */
        public long approximateBytes() {
            long floats = probe.input().size() + probe.prediction().probabilities().length;
            for (LayerActivation activation : probe.activations()) {
                floats += activation.values().size();
            }
            for (FilterBank bank : probe.filters()) {
                // from the dimensions: weights() would copy the whole array just to count it
                floats += (long) bank.outputs() * bank.inputs() * bank.kernelHeight() * bank.kernelWidth();
            }
            return floats * BYTES_PER_FLOAT;
        }
    }
}
