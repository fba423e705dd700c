package cnnplayground.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import cnnplayground.engine.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events cross threads in order, none dropped, with at most one drain pending. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TrainingEventPumpTest {

    @Test
    void should_deliver_every_event_in_order_with_one_pending_drain() throws InterruptedException {
        // given: a pump whose "FX thread" is a list of posted drains we run by hand
        List<TrainingEvent> delivered = new ArrayList<>();
        List<Runnable> posted = new ArrayList<>();
        TrainingEventPump pump = new TrainingEventPump(delivered::add) {
            @Override
            void runLater(Runnable drain) {
                synchronized (posted) {
                    posted.add(drain);
                }
            }
        };

        // when: an engine thread sends a burst
        int count = 1000;
        CountDownLatch done = new CountDownLatch(1);
        new Thread(() -> {
            for (int i = 0; i < count; i++) {
                pump.onEvent(new TrainingEvent.Stopped(i));
            }
            done.countDown();
        }).start();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();

        // then: one drain was posted for the whole burst, and it delivers all of it in order
        assertThat(posted).hasSize(1);
        posted.get(0).run();
        assertThat(delivered).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(((TrainingEvent.Stopped) delivered.get(i)).epochsCompleted()).isEqualTo(i);
        }

        // when: another event comes after the drain
        pump.onEvent(new TrainingEvent.Paused());

        // then: a new drain is posted for it
        assertThat(posted).hasSize(2);
    }
}
