package cnnplayground.ui.viz;

import cnnplayground.engine.EvolutionRecorder;
import cnnplayground.engine.EvolutionRecorder.EvolutionFrame;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Scrubs and plays through the frames an {@link EvolutionRecorder} kept: a slider over the frames,
 * a Play/Pause toggle and a caption such as "step 1,234 · epoch 3 · loss 0.12". Views showing
 * filters, feature maps or a loss-chart marker bind to {@link #selectedFrameProperty()}.
 *
 * <p>While the slider sits on the newest frame it follows the run live; scrubbed back, it stays on
 * the chosen frame (or the nearest kept step, once thinning drops it) as new frames arrive.
 *
 * <p>The recorder is polled once per pulse by an {@link AnimationTimer} that only does work when
 * {@link EvolutionRecorder#sequence()} changed, so the engine thread never waits for the FX thread.
 */
public final class EvolutionTimeline extends HBox {

    /** Four frames a second: slow enough to see a filter change, fast enough to watch 120 frames in 30 s. */
    public static final Duration PLAY_FRAME_TIME = Duration.millis(250);
    private static final int LOSS_SIGNIFICANT_DIGITS = 2;
    private static final double SPACING = 8;

    private final EvolutionRecorder recorder;
    private final ReadOnlyObjectWrapper<EvolutionFrame> selectedFrame = new ReadOnlyObjectWrapper<>(this, "selectedFrame");
    private final Slider slider = new Slider(0, 0, 0);
    private final ToggleButton play = new ToggleButton();
    private final Label caption = new Label();
    private final UiText text;
    private final Timeline player = new Timeline(new KeyFrame(PLAY_FRAME_TIME, e -> advance()));
    private final AnimationTimer poller = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (recorder.sequence() != seenSequence) {
                refresh();
            }
        }
    };
    private List<EvolutionFrame> frames = List.of();
    private long seenSequence = -1;
    /** Set while this class moves the slider itself, so the move is not taken for the user's. */
    private boolean moving;

    public EvolutionTimeline(EvolutionRecorder recorder) {
        this(recorder, new UiText());
    }

    public EvolutionTimeline(EvolutionRecorder recorder, UiText text) {
        this.recorder = recorder;
        this.text = text;
        play.textProperty().bind(text.text("evolution.play"));
        text.show(caption.textProperty(), phraseOf(null));
        getStyleClass().add("evolution-timeline");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(SPACING);

        play.setId("evolutionPlay");
        play.getStyleClass().add("evolution-play");
        play.selectedProperty().addListener((obs, was, playing) -> playing(playing));

        slider.setId("evolutionSlider");
        slider.getStyleClass().add("evolution-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.valueProperty().addListener((obs, was, value) -> {
            if (!moving) {
                show((int) Math.round(value.doubleValue()));
            }
        });
        // grabbing the slider during playback means the student wants this frame, not the next
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (changing) {
                play.setSelected(false);
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);

        caption.setId("evolutionCaption");
        caption.getStyleClass().add("evolution-caption");
        // on a narrow tab (presenting beside the lessons) a long caption ("step 1,234 · epoch 3 · loss 0.12 ·
        // accuracy 97%") takes two lines and shares the shortfall with the slider, rather than pushing the bar
        // out of the tab; Play keeps its name
        caption.setWrapText(true);
        play.setMinWidth(Region.USE_PREF_SIZE);

        player.setCycleCount(Timeline.INDEFINITE);
        getChildren().addAll(play, slider, caption);
        updateEnabled();
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene == null) {
                poller.stop();
                play.setSelected(false);
            } else {
                poller.start();
            }
        });
    }

    /** The frame the slider is on; null until the recorder has a frame. */
    public ReadOnlyObjectProperty<EvolutionFrame> selectedFrameProperty() {
        return selectedFrame.getReadOnlyProperty();
    }

    public EvolutionFrame getSelectedFrame() {
        return selectedFrame.get();
    }

    /** Moves the slider to the kept frame nearest {@code step}, e.g. where a student clicked the loss chart. */
    public void selectStep(long step) {
        refresh();
        if (!frames.isEmpty()) {
            moveTo(nearestIndex(step));
        }
    }

    /**
     * Takes the recorder's current frames now rather than at the next pulse. Keeps following the
     * newest frame if the slider was on it, else keeps the selected step (or the nearest one kept).
     */
    public void refresh() {
        seenSequence = recorder.sequence();
        List<EvolutionFrame> previous = frames;
        frames = recorder.frames();
        EvolutionFrame selected = selectedFrame.get();
        boolean following = selected == null || previous.isEmpty() || selected == previous.get(previous.size() - 1);
        moving = true;
        slider.setMax(Math.max(0, frames.size() - 1));
        moving = false;
        if (frames.isEmpty()) {
            play.setSelected(false);
            show(-1);
        } else {
            moveTo(following ? frames.size() - 1 : nearestIndex(selected.step()));
        }
        updateEnabled();
    }

    /**
     * Whether the slider is on the newest frame (or there is none), i.e. the views should show the
     * run live rather than a recorded frame.
     */
    public boolean isOnNewestFrame() {
        return frames.isEmpty() || currentIndex() >= frames.size() - 1;
    }

    /** The frames the slider moves over, oldest first, as of the last refresh. */
    public List<EvolutionFrame> frames() {
        return frames;
    }

    /** Moves the slider to frame {@code index} of {@link #frames()}, as dragging it there would. */
    public void selectIndex(int index) {
        if (index < 0 || index >= frames.size()) {
            throw new IllegalArgumentException("frame index " + index + " is outside 0.." + (frames.size() - 1));
        }
        moveTo(index);
    }

    /** "step 1,234 · epoch 3 · loss 0.12 · accuracy 91%", the accuracy only when known. */
    public static String captionOf(EvolutionFrame frame) {
        UiText.Phrase phrase = phraseOf(frame);
        return UiText.in(UiLanguage.ENGLISH).get(phrase.key(), phrase.args());
    }

    /** {@link #captionOf} in whatever language it is shown in. */
    public static UiText.Phrase phraseOf(EvolutionFrame frame) {
        if (frame == null) {
            return UiText.phrase("evolution.noFrames");
        }
        String step = String.format(Locale.ROOT, "%,d", frame.step());
        String epoch = String.valueOf(frame.epoch());
        String loss = Float.isFinite(frame.loss()) ? significant(frame.loss()) : "–";
        if (Float.isFinite(frame.accuracy())) {
            return UiText.phrase("evolution.captionAccuracy", step, epoch, loss,
                    String.format(Locale.ROOT, "%.0f", frame.accuracy() * 100));
        }
        return UiText.phrase("evolution.caption", step, epoch, loss);
    }

    /** Two significant digits: "0.12" early on and "0.0041" late, where fixed decimals would show 0.00. */
    private static String significant(float value) {
        return new BigDecimal(value).round(new MathContext(LOSS_SIGNIFICANT_DIGITS)).stripTrailingZeros().toPlainString();
    }

    private void playing(boolean playing) {
        play.textProperty().bind(text.text(playing ? "evolution.pause" : "evolution.play"));
        if (!playing) {
            player.stop();
            return;
        }
        if (frames.size() < 2) {
            play.setSelected(false);
            return;
        }
        if (currentIndex() == frames.size() - 1) {
            moveTo(0); // play from the end means replay the whole run
        }
        player.playFromStart();
    }

    private void advance() {
        int next = currentIndex() + 1;
        if (next < frames.size()) {
            moveTo(next);
        }
        if (next >= frames.size() - 1) {
            play.setSelected(false); // stopping on the newest frame resumes following the run live
        }
    }

    private int currentIndex() {
        return (int) Math.round(slider.getValue());
    }

    private void moveTo(int index) {
        moving = true;
        slider.setValue(index);
        moving = false;
        show(index);
    }

    private void show(int index) {
        EvolutionFrame frame = index >= 0 && index < frames.size() ? frames.get(index) : null;
        selectedFrame.set(frame);
        text.show(caption.textProperty(), phraseOf(frame));
    }

    private int nearestIndex(long step) {
        int best = 0;
        for (int i = 1; i < frames.size(); i++) {
            if (Math.abs(frames.get(i).step() - step) < Math.abs(frames.get(best).step() - step)) {
                best = i;
            }
        }
        return best;
    }

    private void updateEnabled() {
        boolean scrubbable = frames.size() > 1;
        slider.setDisable(!scrubbable);
        play.setDisable(!scrubbable);
    }
}
