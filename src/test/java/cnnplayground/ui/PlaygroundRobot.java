package cnnplayground.ui;

import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import cnnplayground.spec.LayerSummary;
import cnnplayground.ui.builder.ArgumentForm;
import cnnplayground.ui.eval.EvaluationPanel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The playground as a user sees it: verbs for what a student does, reads of what the screen says. */
public final class PlaygroundRobot {

    private final FxRobot robot;

    public PlaygroundRobot(FxRobot robot) {
        this.robot = robot;
    }

    public FxRobot fx() {
        return robot;
    }

    // ---- editor ----

    public PlaygroundRobot choosePreset(String name) {
        return choose("#presetChooser", name);
    }

    /** Picks the class to explain ("Top class", "Runner-up", or a class name) in the list {@code comboId}. */
    public PlaygroundRobot chooseExplainedClass(String comboId, String name) {
        return choose(comboId, name);
    }

    /** Picks the class fooling should make the network say, by its name, on the What it learned tab. */
    public PlaygroundRobot chooseFoolingTarget(String name) {
        return choose("#foolingTarget", name);
    }

    /** Picks a language in the header's menu by the name it gives itself, e.g. "繁體中文". */
    public PlaygroundRobot chooseLanguage(String ownName) {
        return choose("#languageChoice", ownName);
    }

    /** What the preset box shows on screen: the text drawn in its button (a preset's name, or the prompt). */
    public String presetBoxText() {
        return onFx(() -> {
            ComboBox<?> box = robot.lookup("#presetChooser").queryAs(ComboBox.class);
            Node button = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode();
            return ((javafx.scene.text.Text) button.lookup(".text")).getText();
        });
    }

    public PlaygroundRobot addLayer(String kerasName) {
        return click("#add" + kerasName);
    }

    public PlaygroundRobot selectLayer(int index) {
        return click(row(index).lookup(".layer-type"));
    }

    /** Types into the selected layer's argument field and presses Enter (or picks a combo value, ticks a box). */
    public PlaygroundRobot setArgument(String name, String value) {
        Node editor = robot.lookup("#" + ArgumentForm.fieldId(name)).query();
        if (editor instanceof TextField) {
            TextField field = (TextField) editor;
            robot.doubleClickOn(field);
            robot.interact(field::selectAll);
            robot.write(value).type(KeyCode.ENTER);
        } else if (editor instanceof ComboBox) {
            @SuppressWarnings("unchecked")
            ComboBox<String> box = (ComboBox<String>) editor;
            robot.interact(() -> box.setValue(value));
        } else if (editor instanceof CheckBox) {
            CheckBox box = (CheckBox) editor;
            if (box.isSelected() != Boolean.parseBoolean(value)) {
                robot.clickOn(box);
            }
        }
        waitForFxEvents();
        return this;
    }

    /** Types into an argument field without pressing Enter (the edit is committed when focus leaves). */
    public PlaygroundRobot typeArgument(String name, String value) {
        TextField field = robot.lookup("#" + ArgumentForm.fieldId(name)).queryAs(TextField.class);
        robot.doubleClickOn(field);
        robot.interact(field::selectAll);
        robot.write(value);
        return this;
    }

    /** The message shown under an argument's field, or "" when the value was accepted. */
    public String argumentError(String name) {
        Label error = robot.lookup("#" + ArgumentForm.fieldId(name) + "Error").queryAs(Label.class);
        return error.isVisible() ? error.getText() : "";
    }

    public String argumentText(String name) {
        return robot.lookup("#" + ArgumentForm.fieldId(name)).queryTextInputControl().getText();
    }

    public PlaygroundRobot removeLayer(int index) {
        return click(row(index).lookup(".layer-remove"));
    }

    public PlaygroundRobot moveLayerUp(int index) {
        return click(row(index).lookup(".layer-move-up"));
    }

    public PlaygroundRobot moveLayerDown(int index) {
        return click(row(index).lookup(".layer-move-down"));
    }

    /** Presses on one row's type, drags it over another row and releases there. */
    public PlaygroundRobot dragLayer(int from, int to) {
        // both rows on screen before the press: scrolling during the drag would hand the pressed cell
        // another index (ListView reuses cells), and the wrong layer would move
        robot.interact(() -> layerList().scrollTo(Math.min(from, to)));
        waitForFxEvents();
        ListCell<?> source = shownRow(from);
        ListCell<?> target = shownRow(to);
        robot.drag(source.lookup(".layer-type"), MouseButton.PRIMARY);
        robot.moveBy(0, 6);
        robot.moveTo(target.lookup(".layer-shape"));
        robot.drop();
        waitForFxEvents();
        return this;
    }

    public PlaygroundRobot openSummary() {
        return click("Summary");
    }

    // Queries walk the scene graph on the FX thread: a lesson or a run may be rebuilding it meanwhile.

    public int layerCount() {
        return onFx(() -> layerList().getItems().size());
    }

    public String totalParams() {
        return onFx(() -> robot.lookup("#totalParams").queryLabeled().getText());
    }

    public String layerType(int index) {
        return text(index, ".layer-type");
    }

    public String layerShape(int index) {
        return text(index, ".layer-shape");
    }

    public String layerParams(int index) {
        return text(index, ".layer-params");
    }

    public String layerProblem(int index) {
        scrollToRow(index);
        return onFx(() -> {
            Label problem = (Label) shownRow(index).lookup(".layer-problem");
            return problem.isVisible() ? problem.getText() : "";
        });
    }

    public boolean isLayerInvalid(int index) {
        scrollToRow(index);
        return onFx(() -> shownRow(index).getStyleClass().contains("layer-row-invalid"));
    }

    public Set<String> layerRowStyles(int index) {
        scrollToRow(index);
        return onFx(() -> Set.copyOf(shownRow(index).getStyleClass()));
    }

    // ---- training ----

    public PlaygroundRobot clickTrain() {
        return click("#trainButton");
    }

    public PlaygroundRobot clickPause() {
        return click("#pauseButton");
    }

    public PlaygroundRobot clickStop() {
        return click("#stopButton");
    }

    /** Clicks a pace on the Training tab: "Step", "Slow1", "Slow5", "Slow20" or "FullSpeed". */
    public PlaygroundRobot choosePace(String pace) {
        scrollTo("#pace" + pace);
        return click("#pace" + pace);
    }

    /** Presses and releases one key, e.g. F7, wherever the focus is. */
    public PlaygroundRobot pressKey(javafx.scene.input.KeyCode key) {
        robot.press(key);
        robot.release(key);
        waitForFxEvents();
        return this;
    }

    /** Save model… with the file typed into the chooser (the panel's path-taking method). */
    public boolean saveModelTo(java.nio.file.Path file) {
        return onFx(() -> playground().runs().saveModel(file));
    }

    /** Load model… with the file picked in the chooser. */
    public boolean loadModelFrom(java.nio.file.Path file) {
        boolean ok = onFx(() -> playground().runs().loadModel(file));
        waitForFxEvents();
        return ok;
    }

    /** The playground the robot's window shows. */
    private PlaygroundView playground() {
        return robot.lookup(".playground").queryAs(PlaygroundView.class);
    }

    public String modelFileStatus() {
        return robot.lookup("#modelFileStatus").queryLabeled().getText();
    }

    public PlaygroundRobot chooseOptimizer(String name) {
        return choose("#optimizerChooser", name);
    }

    public PlaygroundRobot setHyperParameter(String id, String value) {
        TextField field = robot.lookup("#" + id + "Field").queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
        waitForFxEvents();
        return this;
    }

    public boolean isTrainEnabled() {
        return onFx(() -> !button("#trainButton").isDisabled());
    }

    public boolean isPauseEnabled() {
        return onFx(() -> !button("#pauseButton").isDisabled());
    }

    public boolean isStopEnabled() {
        return onFx(() -> !button("#stopButton").isDisabled());
    }

    public String pauseButtonText() {
        return onFx(() -> button("#pauseButton").getText());
    }

    /** Types the network's input shape ("100x100x3") into the editor's field and presses Enter. */
    public PlaygroundRobot setInputShape(String shape) {
        TextField field = robot.lookup("#inputShapeField").queryAs(TextField.class);
        robot.doubleClickOn(field);
        robot.interact(field::selectAll);
        robot.write(shape).type(KeyCode.ENTER);
        waitForFxEvents();
        return this;
    }

    public String inputShapeText() {
        return onFx(() -> robot.lookup("#inputShapeField").queryAs(TextField.class).getText());
    }

    /** What the button under Train's reason offers to change, or "" when it offers nothing. */
    public String adaptToDataOffer() {
        return onFx(() -> {
            Button adapt = robot.lookup("#adaptToDataButton").queryAs(Button.class);
            return adapt.isVisible() ? adapt.getText() : "";
        });
    }

    public PlaygroundRobot clickAdaptToData() {
        Node adapt = robot.lookup("#adaptToDataButton").query();
        scrollIntoView(adapt);
        return click(adapt);
    }

    public String trainBlockedReason() {
        return onFx(() -> {
            Label reason = robot.lookup("#trainBlockedReason").queryAs(Label.class);
            return reason.isVisible() ? reason.getText() : "";
        });
    }

    /** Waits (no sleeping) until a condition on FX state holds, checked on the FX thread. */
    public PlaygroundRobot waitUntil(long seconds, Callable<Boolean> condition) {
        return waitUntil(seconds, condition, () -> "");
    }

    /** As {@link #waitUntil(long, Callable)}; on timeout the message adds {@code seen}, read on the FX thread. */
    public PlaygroundRobot waitUntil(long seconds, Callable<Boolean> condition, Callable<String> seen) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            String state = onFx(seen);
            throw new AssertionError("still not true after " + seconds + " s" + (state.isEmpty() ? "" : "; " + state), e);
        }
        waitForFxEvents();
        return this;
    }

    /** Reads FX state on the FX thread. */
    public <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    // ---- looking inside ----

    /**
     * Clicks one of the side tabs by its English title (Training, Feature maps, Filters, Draw, Evaluate,
     * Data): the tab's header is found by the tab's id, so it works whatever language the window speaks.
     */
    public PlaygroundRobot openTab(String title) {
        Node header = robot.lookup(".side-tabs .tab-header-area #" + PlaygroundView.tabId(title)).queryAs(Node.class);
        if (onFx(() -> isOnScreen(header))) {
            robot.clickOn(header);
        } else {
            // scrolled out of the header strip in a narrow window: a user picks it from the overflow menu
            robot.interact(() -> ((PlaygroundView) header.getScene().getRoot().lookup(".playground")).showTab(title));
        }
        waitForFxEvents();
        return this;
    }

    private static boolean isOnScreen(Node node) {
        javafx.geometry.Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinX() >= 0 && bounds.getMaxX() <= node.getScene().getWidth();
    }

    /**
     * Presses on the drawing pad on screen (the Draw tab's, or the stage's) at the first point, drags through the
     * others, releases at the last; points are in the pad's own coordinates, 0..{@code DrawingPad.SIZE}.
     */
    public PlaygroundRobot drawOnPad(Point2D... points) {
        Node canvas = shown("#drawingCanvas");
        robot.moveTo(onPad(canvas, points[0]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < points.length; i++) {
            robot.moveTo(onPad(canvas, points[i]));
        }
        robot.release(MouseButton.PRIMARY);
        waitForFxEvents();
        return this;
    }

    public PlaygroundRobot undoStroke() {
        robot.clickOn(shown("#undoStroke"));
        waitForFxEvents();
        return this;
    }

    public PlaygroundRobot clearPad() {
        robot.clickOn(shown("#clearPad"));
        waitForFxEvents();
        return this;
    }

    public PlaygroundRobot nextSample() {
        robot.clickOn("#nextSample");
        waitForFxEvents();
        return this;
    }

    // ---- evaluation ----

    public PlaygroundRobot clickEvaluate() {
        return click("#evaluateButton");
    }

    public boolean isEvaluateEnabled() {
        return !button("#evaluateButton").isDisabled();
    }

    /** The number in the confusion matrix's cell of true class {@code actual} predicted as {@code predicted}. */
    public int matrixCount(int actual, int predicted) {
        return Integer.parseInt(matrixCell(actual, predicted).getText());
    }

    /** Scrolls the cell into view and clicks it. */
    public PlaygroundRobot clickMatrixCell(int actual, int predicted) {
        Label cell = matrixCell(actual, predicted);
        scrollIntoView(cell);
        return click(cell);
    }

    /** The captions under the gallery's pictures, in order. */
    public List<String> galleryCaptions() {
        return robot.lookup("#misclassifiedGallery .gallery-caption").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    public String galleryTitle() {
        return robot.lookup("#galleryTitle").queryLabeled().getText();
    }

    /** Scrolls until the node a query finds shows, as a user scrolls down to it. */
    public PlaygroundRobot scrollTo(String query) {
        return scrollTo(robot.lookup(query).<Node>query());
    }

    /** Scrolls {@code node} into view, for a node found in one view where several views hold alike ids. */
    public PlaygroundRobot scrollTo(Node node) {
        scrollIntoView(node);
        return this;
    }

    private Label matrixCell(int actual, int predicted) {
        return robot.lookup("#" + EvaluationPanel.cellId(actual, predicted)).queryAs(Label.class);
    }

    /** Scrolls every scroll pane around {@code node} so that it shows. */
    private void scrollIntoView(Node node) {
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane pane && pane.getContent() != null) {
                    Bounds inContent = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double spare = pane.getContent().getBoundsInLocal().getHeight()
                            - pane.getViewportBounds().getHeight();
                    if (spare > 0) {
                        pane.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 20) / spare)));
                    }
                }
            }
        });
        waitForFxEvents();
    }

    // ---- evolution ----

    /** Types a number into "Record every … batches" and presses Enter. */
    public PlaygroundRobot setRecordEvery(int batches) {
        Spinner<?> spinner = robot.lookup("#recordEvery").queryAs(Spinner.class);
        robot.doubleClickOn(spinner.getEditor());
        robot.interact(spinner.getEditor()::selectAll);
        robot.write(Integer.toString(batches)).type(KeyCode.ENTER);
        waitForFxEvents();
        return this;
    }

    /** Takes hold of the timeline's slider and presses Home: back to the first recorded frame. */
    public PlaygroundRobot scrubToFirstFrame() {
        return scrub(KeyCode.HOME);
    }

    /** Takes hold of the timeline's slider and presses End: the newest frame, following the run live. */
    public PlaygroundRobot scrubToNewestFrame() {
        return scrub(KeyCode.END);
    }

    public String evolutionCaption() {
        return robot.lookup("#evolutionCaption").queryLabeled().getText();
    }

    private PlaygroundRobot scrub(KeyCode key) {
        robot.clickOn("#evolutionSlider .thumb");
        robot.type(key);
        waitForFxEvents();
        return this;
    }

    /**
     * The node matching {@code query} that is on screen: the window holds two drawing pads (the Draw tab's and
     * the stage's), one of them hidden.
     */
    private Node shown(String query) {
        return robot.lookup(query).match(PlaygroundRobot::isShown).query();
    }

    /** Whether {@code node} and every node around it are visible. */
    /**
     * Whether a node matching {@code query} is in the window and shown; false when none is (the screen not in
     * sight, the editor or the stage, is out of the scene).
     */
    public boolean isShown(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(PlaygroundRobot::isShown).orElse(false));
    }

    public static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Where the pad's point {@code p} is on screen, however the pad is scaled. */
    private Point2D onPad(Node canvas, Point2D p) {
        return canvas.localToScreen(p);
    }

    // ---- data ----

    /** Picks a dataset in the status bar's chooser: Digits, Fashion-MNIST, Shapes, IDX folder…, Image folder…. */
    public PlaygroundRobot chooseDataset(String name) {
        return choose("#datasetChooser", name);
    }

    /** Waits until the status bar names {@code name} as the dataset in use. */
    public PlaygroundRobot waitForDataset(String name) {
        return waitUntil(30, () -> robot.lookup("#datasetLabel").queryLabeled().getText().startsWith(name + " — "));
    }

    /** The chooser's line beside the box: "Loading …", a failure, or "". */
    public String datasetStatus() {
        return robot.lookup("#datasetStatus").queryLabeled().getText();
    }

    /** The Data tab's headline: name, count, size and channels, classes. */
    public String dataSummary() {
        return robot.lookup("#datasetSummary").queryLabeled().getText();
    }

    public List<String> dataClassNames() {
        return labels(".class-row .class-name");
    }

    public List<String> dataClassCounts() {
        return labels(".class-row .class-count");
    }

    /** How many sample pictures each class row of the Data tab shows. */
    public List<Integer> dataThumbnailsPerClass() {
        return onFx(() -> robot.lookup(".class-row .class-samples").queryAll().stream()
                .map(n -> ((Parent) n).getChildrenUnmodifiable().size()).toList());
    }

    public List<String> dataNotes() {
        return labels("#datasetNotes .dataset-note");
    }

    /** The Data tab's banner when the network does not fit the images, or "" when it is hidden. */
    public String fitBanner() {
        Label message = robot.lookup("#fitMessage").queryAs(Label.class);
        return onFx(() -> message.isVisible() && message.getParent().isVisible() ? message.getText() : "");
    }

    public String adaptButtonText() {
        return button("#adaptNetworkButton").getText();
    }

    public PlaygroundRobot clickAdaptNetwork() {
        return click("#adaptNetworkButton");
    }

    private List<String> labels(String query) {
        return onFx(() -> robot.lookup(query).queryAll().stream().map(n -> ((Label) n).getText()).toList());
    }

    // ---- helpers ----

    /** Clicks the node a query finds, then lets the FX thread catch up. */
    private PlaygroundRobot click(String query) {
        robot.clickOn(query);
        waitForFxEvents();
        return this;
    }

    private PlaygroundRobot click(Node node) {
        robot.clickOn(node);
        waitForFxEvents();
        return this;
    }

    /** Opens a combo box's list and clicks the entry showing {@code name}. */
    private PlaygroundRobot choose(String comboId, String name) {
        Node combo = robot.lookup(comboId).query();
        robot.clickOn(combo);
        // a cell of the open list, in the popup's own scene: another combo box (on another tab) may show the
        // same name in its button, which is a ListCell too
        return click(robot.lookup(".list-cell").match(n -> n instanceof ListCell && n.getScene() != combo.getScene()
                && n.isVisible() && name.equals(((ListCell<?>) n).getText())).queryAs(Node.class));
    }

    @SuppressWarnings("unchecked")
    public ListView<LayerSummary> layerList() {
        return robot.lookup("#layerList").queryAs(ListView.class);
    }

    private ListCell<?> row(int index) {
        scrollToRow(index);
        return shownRow(index);
    }

    private void scrollToRow(int index) {
        robot.interact(() -> layerList().scrollTo(index));
        waitForFxEvents();
    }

    /** The row's cell as the list shows it now, without scrolling. */
    private ListCell<?> shownRow(int index) {
        // ListView keeps spare cells around, invisible, with stale indices: only visible ones count.
        return robot.lookup("#layerList .layer-row").match(n -> n instanceof ListCell && n.isVisible()
                && ((ListCell<?>) n).getIndex() == index && !((ListCell<?>) n).isEmpty())
                .queryAs(ListCell.class);
    }

    private String text(int index, String selector) {
        scrollToRow(index);
        return onFx(() -> ((Label) shownRow(index).lookup(selector)).getText());
    }

    private Button button(String id) {
        return robot.lookup(id).queryButton();
    }
}
