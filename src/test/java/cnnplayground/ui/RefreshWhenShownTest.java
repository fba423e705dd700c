package cnnplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshWhenShownTest {

    private final AtomicInteger redraws = new AtomicInteger();
    private final RefreshWhenShown redraw = new RefreshWhenShown(redraws::incrementAndGet);

    @Test
    void should_redraw_at_once_while_shown() {
        redraw.request();
        redraw.request();

        assertThat(redraws).hasValue(2);
    }

    @Test
    void should_put_off_redraws_while_hidden_and_draw_once_when_shown() {
        // given:
        redraw.shownProperty().set(false);

        // when: three results arrive while hidden
        redraw.request();
        redraw.request();
        redraw.request();

        // then: nothing drawn, and one redraw when shown
        assertThat(redraws).hasValue(0);
        redraw.shownProperty().set(true);
        assertThat(redraws).hasValue(1);
    }

    @Test
    void should_not_redraw_on_showing_when_nothing_came_meanwhile() {
        redraw.shownProperty().set(false);
        redraw.shownProperty().set(true);

        assertThat(redraws).hasValue(0);
    }
}
