package cnnplayground.ui.teach;

import cnnplayground.engine.TrainingHandle.TrainingState;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.workspace.RunController;
import cnnplayground.ui.workspace.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Presentation mode and the window's keyboard shortcuts. The header's toggle (or F11) puts the window
 * full screen and adds the root style class {@value #STYLE_CLASS}: larger type, high contrast, a
 * bigger drawing pad. The shortcuts work in the whole window, presenting or not: Ctrl+Enter trains,
 * Space pauses and resumes a run, Ctrl+. stops it, F7 trains one batch (Step pace) and F8 goes to the
 * next pace, → or N presses the convolution stepper's Step
 * when it is showing, Ctrl+L opens the lessons, F1 or ? shows them all.
 */
public final class PresentationMode {

    public static final String STYLE_CLASS = "presentation";
    /** The convolution stepper's Step button; absent until that tab exists. */
    public static final String STEP_BUTTON = "#stepButton";

    private final Parent root;
    private final Workspace workspace;
    private final RunController runs;
    private final ToggleButton lessonsButton;
    private final ShortcutHelp help;
    private final ToggleButton button = new ToggleButton();
    private final EventHandler<KeyEvent> keys = this::keyPressed;
    private final EventHandler<KeyEvent> typed = this::keyTyped;
    private Stage watchedStage;
    private boolean fullScreen = true;

    /**
     * @param root          the window's root, which gets the style class
     * @param runs          what Ctrl+Enter, Space and Ctrl+. start, pause and stop
     * @param lessonsButton the header's Lessons toggle, for Ctrl+L
     */
    public PresentationMode(UiText text, Parent root, Workspace workspace, RunController runs,
                            ToggleButton lessonsButton) {
        this.root = root;
        this.workspace = workspace;
        this.runs = runs;
        this.lessonsButton = lessonsButton;
        this.help = new ShortcutHelp(text);
        button.setId("presentationButton");
        button.textProperty().bind(text.text("presentation.button"));
        button.getStyleClass().add("header-toggle");
        button.selectedProperty().addListener((obs, was, on) -> apply(on));
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                was.removeEventFilter(KeyEvent.KEY_TYPED, typed);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                now.addEventFilter(KeyEvent.KEY_TYPED, typed);
            }
        });
    }

    /** The header's toggle. */
    public ToggleButton button() {
        return button;
    }

    /** The shortcut card, for the window to lay over its centre. */
    public ShortcutHelp help() {
        return help;
    }

    public BooleanProperty activeProperty() {
        return button.selectedProperty();
    }

    public boolean isActive() {
        return button.isSelected();
    }

    /**
     * Whether presenting also puts the window full screen, as it does unless told otherwise. Off, presenting
     * changes only the look, in a window of whatever size it has: how the layout test checks presentation
     * mode at a projector's 1280×720 and at 1920×1080 on a headless screen of another size.
     */
    public void setFullScreen(boolean fullScreen) {
        this.fullScreen = fullScreen;
    }

    private void apply(boolean on) {
        if (on && !root.getStyleClass().contains(STYLE_CLASS)) {
            root.getStyleClass().add(STYLE_CLASS);
        } else if (!on) {
            root.getStyleClass().remove(STYLE_CLASS);
        }
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        if (window instanceof Stage && fullScreen) {
            Stage stage = (Stage) window;
            if (stage != watchedStage) {
                watchedStage = stage;
                // Esc leaves full screen; presentation mode goes with it
                stage.fullScreenProperty().addListener((obs, was, full) -> {
                    if (!full && stage == watchedStage) {
                        button.setSelected(false);
                    }
                });
            }
            stage.setFullScreenExitHint("");
            stage.setFullScreen(on);
        }
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean plain = !e.isShortcutDown() && !e.isAltDown();
        boolean typing = typingInto(e);
        if (code == KeyCode.F11) {
            button.setSelected(!button.isSelected());
        } else if (code == KeyCode.F1) {
            help.toggle();
        } else if (code == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
        } else if (e.isShortcutDown() && code == KeyCode.ENTER) {
            runs.train();
        } else if (e.isShortcutDown() && code == KeyCode.PERIOD) {
            runs.stop();
        } else if (code == KeyCode.F7) {
            runs.step();
        } else if (code == KeyCode.F8) {
            runs.cyclePace();
        } else if (e.isShortcutDown() && code == KeyCode.L) {
            lessonsButton.setSelected(!lessonsButton.isSelected());
        } else if (plain && code == KeyCode.SPACE && !typing && runGoing()) {
            runs.togglePause();
        } else if (plain && (code == KeyCode.RIGHT || code == KeyCode.N) && !typing && stepShowing() != null) {
            stepShowing().fire();
        } else {
            return;
        }
        e.consume();
    }

    private void keyTyped(KeyEvent e) {
        if ("?".equals(e.getCharacter()) && !typingInto(e)) {
            help.toggle();
            e.consume();
        }
    }

    private boolean runGoing() {
        TrainingState state = workspace.stateProperty().get();
        return state != null && !state.isFinal();
    }

    /** The stepper's Step button when its tab is the one showing and it can be pressed; else null. */
    private Button stepShowing() {
        Scene scene = root.getScene();
        Node node = scene == null ? null : scene.lookup(STEP_BUTTON);
        if (!(node instanceof Button) || node.isDisabled()) {
            return null;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return null;
            }
        }
        return (Button) node;
    }

    private static boolean typingInto(KeyEvent e) {
        Scene scene = e.getSource() instanceof Scene ? (Scene) e.getSource() : null;
        Node focus = scene == null ? null : scene.getFocusOwner();
        // an editable spinner or combo box keeps the focus itself while its text field takes the keys
        return focus instanceof TextInputControl || (focus instanceof Spinner && ((Spinner<?>) focus).isEditable())
                || (focus instanceof ComboBoxBase && ((ComboBoxBase<?>) focus).isEditable());
    }
}
