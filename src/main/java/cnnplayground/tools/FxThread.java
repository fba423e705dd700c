package cnnplayground.tools;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** For drivers of the real window from another thread (the screenshot tour, the soak): run a step on the FX thread. */
public final class FxThread {

    private FxThread() {
    }

    /** Runs {@code action} on the FX thread and waits up to {@code timeout} for its result; its exception is rethrown. */
    public static <T> T call(Supplier<T> action, Duration timeout) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
