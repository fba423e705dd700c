package cnnplayground.ui.train;

import cnnplayground.engine.TrainingHandle.TrainingPace;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.RunController;
import cnnplayground.ui.workspace.Workspace;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The run's pace, for narrating it: Step · 1/s · 5/s · 20/s · Full speed as a row of toggles following the
 * workspace's pace both ways, and Next batch (F7). Choosable before a run and while one goes; several of
 * these (the Training tab's, the stage header's) show the same pace. The keys themselves are the window's.
 */
public final class PaceControl extends FlowPane {

    /** On Next batch while the run, at Step pace, has done its batch and waits for the next. */
    private static final PseudoClass AWAITING = PseudoClass.getPseudoClass("awaiting");

    private final Button nextBatch = new Button();

    /** @param idPrefix makes the ids unique in the window: "pace" gives #paceStep … #paceFullSpeed, #paceNextBatch */
    public PaceControl(Workspace workspace, RunController runs, UiText text, String idPrefix) {
        super(2, 2);
        getStyleClass().add("pace-control");
        setAlignment(Pos.CENTER_LEFT);
        Label title = text.label("pace.label");
        title.getStyleClass().add("pace-label");
        getChildren().add(title);
        ToggleGroup group = new ToggleGroup();
        for (TrainingPace pace : TrainingPace.values()) {
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(text.text(key(pace)));
            b.setId(idPrefix + idSuffix(pace));
            b.setUserData(pace);
            b.setToggleGroup(group);
            b.setSelected(pace == workspace.paceProperty().get());
            // the keyboard stays with what the teacher was doing; F7 and F8 reach the pace anyway
            b.setFocusTraversable(false);
            getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // clicking the chosen pace again keeps it
            } else {
                workspace.paceProperty().set((TrainingPace) now.getUserData());
            }
        });
        workspace.paceProperty().addListener((obs, was, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));

        nextBatch.textProperty().bind(text.text("pace.nextBatch"));
        nextBatch.setId(idPrefix + "NextBatch");
        nextBatch.getStyleClass().add("pace-next-batch");
        nextBatch.setFocusTraversable(false);
        nextBatch.disableProperty().bind(Bindings.createBooleanBinding(() -> !workspace.isTraining(),
                workspace.stateProperty()));
        // lit while the run waits for it
        runs.awaitingStepProperty().addListener((obs, was, now) -> nextBatch.pseudoClassStateChanged(AWAITING, now));
        getChildren().add(nextBatch);
        // a narrow Training tab (beside the lessons) puts the buttons on a second row, never "S…" or "Full spe…"
        getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));

        Tooltip tip = text.tooltip("pace.tooltip");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(this, tip);
        nextBatch.setOnAction(e -> runs.step());
    }

    /** One row, as the stage's header shows it; a parent that gives less width makes the row wrap. */
    @Override
    protected double computePrefWidth(double height) {
        double width = 0;
        for (Node child : getManagedChildren()) {
            width += snapSizeX(child.prefWidth(-1));
        }
        return snappedLeftInset() + width + snapSpaceX(getHgap()) * Math.max(0, getManagedChildren().size() - 1)
                + snappedRightInset();
    }

    static String key(TrainingPace pace) {
        return switch (pace) {
            case STEP -> "pace.step";
            case SLOW_1 -> "pace.slow1";
            case SLOW_5 -> "pace.slow5";
            case SLOW_20 -> "pace.slow20";
            case FULL_SPEED -> "pace.full";
        };
    }

    private static String idSuffix(TrainingPace pace) {
        return switch (pace) {
            case STEP -> "Step";
            case SLOW_1 -> "Slow1";
            case SLOW_5 -> "Slow5";
            case SLOW_20 -> "Slow20";
            case FULL_SPEED -> "FullSpeed";
        };
    }
}
