package cnnplayground.ui.train;

import cnnplayground.engine.TrainingEvent;
import cnnplayground.engine.TrainingListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries a run's events from the engine thread to the FX thread without dropping any: the engine
 * queues each event and returns at once; the FX thread drains the whole queue in one go, with at
 * most one {@code runLater} pending however fast events arrive. Not final only so that a test can
 * override the {@link #runLater} hook, as {@code javafx.concurrent.Task} does.
 */
public class TrainingEventPump implements TrainingListener {

    private final Queue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Consumer<TrainingEvent> onFxThread;

    /** @param onFxThread receives every event, in order, on the FX thread */
    public TrainingEventPump(Consumer<TrainingEvent> onFxThread) {
        this.onFxThread = onFxThread;
    }

    /** Called by the engine on its thread; never blocks. */
    @Override
    public void onEvent(TrainingEvent event) {
        queue.add(event);
        if (drainPending.compareAndSet(false, true)) {
            runLater(this::drain);
        }
    }

    /** The hook to the FX thread; package-private so a test can run drains synchronously. */
    void runLater(Runnable drain) {
        Platform.runLater(drain);
    }

    private void drain() {
        // Clear the flag first: an event queued while draining posts a new drain rather than waiting.
        drainPending.set(false);
        TrainingEvent event;
        while ((event = queue.poll()) != null) {
            onFxThread.accept(event);
        }
    }
}
