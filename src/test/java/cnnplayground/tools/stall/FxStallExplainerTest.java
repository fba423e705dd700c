package cnnplayground.tools.stall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FxStallExplainerTest {

    @Test
    void should_name_what_kept_the_fx_thread_busy_during_a_long_wait() throws Exception {
        // given:
        List<String> reports = new CopyOnWriteArrayList<>();
        try (FxStallExplainer explainer = FxStallExplainer.start(80, reports::add)) {
            Thread.sleep(200); // it has found the FX thread and taken samples

            // when: the FX thread is kept busy for 300 ms, then left alone
            Platform.runLater(FxStallExplainerTest::computeTheSlowThing);
            WaitForAsyncUtils.waitForFxEvents();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reports.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
        }

        // then: one report for that wait, long enough, naming the method on the FX thread
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).startsWith("FX thread waited ");
        int waited = Integer.parseInt(reports.get(0).replaceAll("(?s)FX thread waited (\\d+) ms.*", "$1"));
        assertThat(waited).isBetween(250, 2000);
        assertThat(reports.get(0)).contains("fx").contains("FxStallExplainerTest.computeTheSlowThing");
    }

    @Test
    void should_show_the_innermost_frames_outside_the_jdk() {
        StackTraceElement[] stack = {
            new StackTraceElement("java.lang.Thread", "sleep", null, 1),
            new StackTraceElement("a.b.Painter", "paint", null, 2),
            new StackTraceElement("a.b.Painter", "paint", null, 3),
            new StackTraceElement("a.b.View", "redraw", null, 4),
            new StackTraceElement("jdk.internal.Foo", "bar", null, 5),
            new StackTraceElement("a.b.Loop", "run", null, 6)};

        assertThat(FxStallExplainer.frames(stack)).isEqualTo("Painter.paint < View.redraw < Loop.run");
        assertThat(FxStallExplainer.frames(new StackTraceElement[0])).isEqualTo("(idle)");
    }

    /** Busy on the FX thread for 300 ms, as a costly layout or paint would be. */
    private static void computeTheSlowThing() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }
}
