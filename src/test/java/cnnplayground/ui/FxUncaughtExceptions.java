package cnnplayground.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when an exception nobody caught reached the FX thread while it ran (an event handler, a
 * listener, a {@code runLater}): the app only prints such an exception and goes on, so without this a test
 * clicking through the bug passes. Registered for every test class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}; other threads' exceptions are left to
 * the handler that was there before.
 *
 * <p>JavaFX hands an uncaught exception to the FX thread's handler, which without one of its own is the
 * default handler: this sets the default handler before each test and puts the old one back after it.
 */
public final class FxUncaughtExceptions implements BeforeEachCallback, AfterEachCallback {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @Override
    public void beforeEach(ExtensionContext context) {
        uncaught.clear();
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(this::caught);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context.getDisplayName());
    }

    /** Puts the old default handler back; throws if the FX thread left an exception uncaught meanwhile. */
    void check(String test) {
        Thread.setDefaultUncaughtExceptionHandler(before);
        List<Throwable> seen = List.copyOf(uncaught);
        uncaught.clear();
        if (!seen.isEmpty()) {
            StringWriter first = new StringWriter();
            seen.get(0).printStackTrace(new PrintWriter(first));
            throw new AssertionError(test + " left " + seen.size() + " exception(s) uncaught on the FX thread;"
                    + " the first: " + first);
        }
    }

    private void caught(Thread thread, Throwable e) {
        if (Platform.isFxApplicationThread()) {
            uncaught.add(e);
            e.printStackTrace();
        } else if (before != null) {
            before.uncaughtException(thread, e);
        } else {
            // what the JVM prints without a handler (the thread group would call this handler again)
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
        }
    }
}
