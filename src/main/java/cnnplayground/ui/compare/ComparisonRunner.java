package cnnplayground.ui.compare;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingHandle;
import cnnplayground.engine.TrainingHandle.TrainingSnapshot;
import cnnplayground.engine.TrainingLauncher;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.train.SnapshotRedrawer;
import cnnplayground.ui.train.TrainingEventPump;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Trains contenders one after the other on the same data, so each gets the two cores to itself and
 * the curves compare like with like. Snapshots reach the FX thread through a {@link SnapshotRedrawer}
 * (at most once a frame, only when changed), events through a {@link TrainingEventPump} (none lost).
 * FX thread only.
 */
final class ComparisonRunner {

    /** What a comparison tells its view, on the FX thread. */
    interface Listener {
        void started(Contender contender, int index, int count);

        void redraw(Contender contender, TrainingSnapshot snapshot);

        /** The run ended: finished, stopped or failed; {@code weights} are its last ones, if any. */
        void ended(Contender contender, TrainingEvent end, Optional<WeightsSnapshot> weights);

        void allEnded(boolean stopped);
    }

    private final TrainingLauncher launcher;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private List<Contender> queue = List.of();
    private ImageDataset data;
    private Listener listener;
    private int next;
    private boolean stopping;
    private TrainingHandle handle;
    private SnapshotRedrawer redrawer;
    /** Counts runs, so a late event of an ended run changes nothing. */
    private int run;

    ComparisonRunner(TrainingLauncher launcher) {
        this.launcher = launcher;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    boolean isRunning() {
        return running.get();
    }

    /** Starts training {@code contenders} in order on {@code data}; ignored while a comparison runs. */
    void start(List<Contender> contenders, ImageDataset data, Listener listener) {
        if (running.get()) {
            return;
        }
        this.queue = new ArrayList<>(contenders);
        this.data = data;
        this.listener = listener;
        this.next = 0;
        this.stopping = false;
        running.set(true);
        startNext();
    }

    /** Stops the run going after its current batch; the ones after it do not start. */
    void stop() {
        stopping = true;
        if (handle != null) {
            handle.stop();
        }
    }

    /** For the window closing: no more redraws, and the run is closed on its own thread. */
    Optional<Thread> shutdown() {
        stopping = true;
        if (redrawer != null) {
            redrawer.stop();
            redrawer = null;
        }
        TrainingHandle going = handle;
        handle = null;
        running.set(false);
        if (going == null) {
            return Optional.empty();
        }
        Thread closer = new Thread(going::close, "compare-shutdown");
        closer.start();
        return Optional.of(closer);
    }

    private void startNext() {
        if (stopping || next >= queue.size()) {
            running.set(false);
            listener.allEnded(stopping);
            return;
        }
        Contender contender = queue.get(next);
        int index = next++;
        int mine = ++run;
        listener.started(contender, index, queue.size());
        TrainingEventPump pump = new TrainingEventPump(event -> {
            if (mine == run && handle != null) {
                onEvent(contender, event);
            }
        });
        try {
            handle = contender.initial().isPresent()
                    ? launcher.transfer(contender.spec(), data, contender.config(), pump, contender.initial().get())
                    : launcher.start(contender.spec(), data, contender.config(), pump);
        } catch (RuntimeException e) {
            handle = null;
            listener.ended(contender, new TrainingEvent.Failed(e.getMessage()), Optional.empty());
            startNext();
            return;
        }
        TrainingHandle started = handle;
        redrawer = new SnapshotRedrawer(started::latest, snapshot -> listener.redraw(contender, snapshot));
        redrawer.start();
    }

    private void onEvent(Contender contender, TrainingEvent event) {
        boolean end = event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Stopped
                || event instanceof TrainingEvent.Failed;
        if (!end) {
            return;
        }
        if (redrawer != null) {
            redrawer.redrawIfChanged();
            redrawer.stop();
            redrawer = null;
        }
        TrainingHandle ended = handle;
        handle = null;
        Optional<WeightsSnapshot> weights = ended.latestWeights();
        // the engine thread is ending on its own; its native memory is released off the FX thread
        Thread closer = new Thread(ended::close, "compare-close");
        closer.setDaemon(true);
        closer.start();
        listener.ended(contender, event, weights);
        if (event instanceof TrainingEvent.Stopped) {
            stopping = true;
        }
        startNext();
    }
}
