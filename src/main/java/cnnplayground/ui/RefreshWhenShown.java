package cnnplayground.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A view's redraw, run at once while the view is on screen and otherwise put off until it is shown again.
 * The playground keeps every tab's views in the scene; a live view on a tab nobody looks at would still
 * rebuild its nodes and repaint for each new result, taking the FX thread from the tab that is showing.
 * Views shown on their own (tests, the screenshot tour) are shown unless told otherwise.
 */
public final class RefreshWhenShown {

    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final Runnable refresh;
    private boolean pending;

    public RefreshWhenShown(Runnable refresh) {
        this.refresh = refresh;
        shown.addListener((obs, was, now) -> {
            if (now && pending) {
                run();
            }
        });
    }

    /** Whether the view is on screen; the playground binds it to its tab being selected. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Something the view shows changed: redraw now, or when shown. */
    public void request() {
        if (shown.get()) {
            run();
        } else {
            pending = true;
        }
    }

    private void run() {
        pending = false;
        refresh.run();
    }
}
