package cnnplayground.ui.teach;

import cnnplayground.data.Augmentation;
import cnnplayground.data.DatasetCatalog.Source;
import cnnplayground.engine.TrainingConfig;
import cnnplayground.engine.TrainingConfig.OptimizerKind;
import cnnplayground.teach.Lesson;
import cnnplayground.teach.LessonCatalog;
import cnnplayground.teach.LessonDataset;
import cnnplayground.teach.LessonTraining;
import cnnplayground.ui.builder.NetworkEditorModel;
import cnnplayground.ui.i18n.UiText;
import cnnplayground.ui.teach.LessonCard.DatasetState;
import cnnplayground.ui.workspace.DatasetSwitch;
import cnnplayground.ui.workspace.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lessons sidebar: the list of lessons and the open lesson's card. One click on a lesson sets
 * the editor's network, switches the dataset in the background, puts the lesson's training settings
 * into the form, opens its tab and applies its view options. Refused, with the reason, while a run
 * trains the network.
 */
public final class LessonPanel extends VBox {

    private final UiText text;
    private final NetworkEditorModel model;
    private final Workspace workspace;
    private final DatasetSwitch chooser;
    private final Predicate<String> showTab;
    private final Map<String, Runnable> viewOptions = new HashMap<>();
    private final ListView<Lesson> list = new ListView<>();
    private final LessonCard card;
    private final Label refused = new Label();
    private final ReadOnlyObjectWrapper<Lesson> open = new ReadOnlyObjectWrapper<>(this, "open");
    private final ReadOnlyObjectWrapper<String> openedTab = new ReadOnlyObjectWrapper<>(this, "openedTab");
    /** Watches the dataset chooser for the load the open lesson asked for; replaced by the next lesson. */
    private ChangeListener<Boolean> datasetWatch;

    /**
     * @param workspace whose network and training settings a lesson sets
     * @param chooser   switches the dataset to the lesson's
     * @param showTab   opens the side tab with the given id; false when the window has no such tab
     */
    public LessonPanel(UiText text, Workspace workspace, DatasetSwitch chooser, Predicate<String> showTab) {
        this.text = text;
        this.model = workspace.editor();
        this.workspace = workspace;
        this.chooser = chooser;
        this.showTab = showTab;
        this.card = new LessonCard(text);
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        Label title = new Label();
        title.textProperty().bind(text.text("lesson.listTitle"));
        title.getStyleClass().add("section-title");
        Label hint = new Label();
        hint.textProperty().bind(text.text("lesson.listHint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        list.setId("lessonList");
        list.getStyleClass().add("lesson-list");
        list.getItems().setAll(LessonCatalog.all());
        list.setCellFactory(view -> new LessonCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setPrefHeight(260);
        text.languageProperty().addListener((obs, was, now) -> list.refresh());

        refused.setId("lessonRefused");
        refused.getStyleClass().add("lesson-refused");
        refused.setWrapText(true);
        refused.setMinHeight(Region.USE_PREF_SIZE);
        refused.visibleProperty().bind(refused.textProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        model.lockedProperty().addListener((obs, was, locked) -> {
            if (!locked) {
                refused.textProperty().unbind();
                refused.setText("");
            }
        });

        ScrollPane cardScroll = new ScrollPane(card);
        cardScroll.setFitToWidth(true);
        cardScroll.getStyleClass().add("lesson-card-scroll");
        VBox.setVgrow(cardScroll, Priority.ALWAYS);
        getChildren().addAll(title, hint, list, refused, cardScroll);
        setPrefWidth(320);
        setMinWidth(240);
    }

    /**
     * What {@code option} does when a lesson names it, e.g. {@code onViewOption(LessonViews.CAM_OVERLAY,
     * cam::show)}. Options nobody registered are skipped.
     */
    public void onViewOption(String option, Runnable apply) {
        viewOptions.put(option, apply);
    }

    /** The lesson opened last; null before any. */
    public ReadOnlyObjectProperty<Lesson> openLessonProperty() {
        return open.getReadOnlyProperty();
    }

    /** The tab the open lesson opened, or null when the window had none of its tabs. */
    public ReadOnlyObjectProperty<String> openedTabProperty() {
        return openedTab.getReadOnlyProperty();
    }

    public LessonCard card() {
        return card;
    }

    public ListView<Lesson> list() {
        return list;
    }

    /** Why the last lesson was not opened, or "" when it was. */
    public String refusal() {
        return refused.getText();
    }

    /**
     * Sets up {@code lesson}: network, settings, dataset (loaded in the background), tab, view options.
     * Returns false, saying why, while a run trains the network.
     */
    public boolean open(Lesson lesson) {
        if (model.isLocked()) {
            refused.textProperty().bind(text.text("lesson.refusedWhileTraining"));
            // the click that asked already moved the selection: back to the lesson the card shows
            if (open.get() == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(open.get());
            }
            return false;
        }
        refused.textProperty().unbind();
        refused.setText("");
        model.loadPreset(lesson.network());
        workspace.settingsProperty().set(Optional.of(config(lesson.training())));
        open.set(lesson);
        card.lessonProperty().set(lesson);
        switchDataset(sourceOf(lesson.dataset()));
        openedTab.set(lesson.tabs().stream().filter(showTab).findFirst().orElse(null));
        for (String option : lesson.viewOptions()) {
            Optional.ofNullable(viewOptions.get(option)).ifPresent(Runnable::run);
        }
        list.getSelectionModel().select(lesson);
        return true;
    }

    /** The chooser's source for a lesson's dataset. */
    public static Source sourceOf(LessonDataset dataset) {
        switch (dataset) {
            case DIGITS:
                return Source.DIGITS;
            case FASHION_MNIST:
                return Source.FASHION_MNIST;
            case SHAPES:
                return Source.SHAPES;
            default:
                throw new IllegalArgumentException("no dataset source for " + dataset);
        }
    }

    /**
     * The defaults with the lesson's settings on top, so a lesson starts the same way every time: what one
     * click puts into the Training tab's form (the {@code lesson-runs} tool trains with it too).
     */
    public static TrainingConfig config(LessonTraining training) {
        TrainingConfig config = TrainingConfig.defaults();
        if (training.optimizer().isPresent()) {
            config = config.withOptimizer(OptimizerKind.fromCli(training.optimizer().get().cliName()));
        }
        if (training.learningRate().isPresent()) {
            config = config.withLearningRate(training.learningRate().getAsDouble());
        }
        if (training.epochs().isPresent()) {
            config = config.withEpochs(training.epochs().getAsInt());
        }
        if (training.augmentation().isPresent()) {
            LessonTraining.Augment a = training.augmentation().get();
            config = config.withAugmentation(new Augmentation(a.shiftPixels(), a.rotationDegrees(), 0, false));
        }
        if (training.validationFraction().isPresent()) {
            config = config.withValidationFraction(training.validationFraction().getAsDouble());
        }
        return config;
    }

    /**
     * Loads the lesson's dataset unless it is in use. The chooser reads it on its own thread; the card
     * says "Loading…" until it is there, or why it is not, while the network stays set up.
     */
    private void switchDataset(Source source) {
        if (datasetWatch != null) {
            chooser.loadingProperty().removeListener(datasetWatch);
            datasetWatch = null;
        }
        if (chooser.current() == source && !chooser.loadingProperty().get()) {
            card.showDataset(DatasetState.IN_USE, "");
            return;
        }
        chooser.choose(source);
        if (!chooser.loadingProperty().get()) {
            // refused at once: not installed, or no folder
            settle(source);
            return;
        }
        card.showDataset(DatasetState.LOADING, "");
        datasetWatch = (obs, was, loading) -> {
            if (!loading) {
                chooser.loadingProperty().removeListener(datasetWatch);
                datasetWatch = null;
                settle(source);
            }
        };
        chooser.loadingProperty().addListener(datasetWatch);
    }

    private void settle(Source source) {
        if (chooser.current() == source) {
            card.showDataset(DatasetState.IN_USE, "");
        } else {
            card.showDataset(DatasetState.MISSING, chooser.getStatus());
        }
    }

    /** A lesson's title in the window's language; a click opens it. */
    private final class LessonCell extends ListCell<Lesson> {
        private final Tooltip fullTitle = new Tooltip();

        LessonCell() {
            getStyleClass().add("lesson-cell");
            // as wide as the list, not as the longest title: long titles wrap instead of a scroll bar
            setPrefWidth(0);
            setWrapText(true);
            setOnMouseClicked(e -> {
                if (getItem() != null && !isEmpty()) {
                    open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Lesson lesson, boolean empty) {
            super.updateItem(lesson, empty);
            setText(empty || lesson == null ? null : text.get(lesson.titleKey()));
            fullTitle.setText(getText());
            setTooltip(empty || lesson == null ? null : fullTitle);
            setId(empty || lesson == null ? null : "lesson-" + lesson.id());
        }
    }

    /** Every lesson, in list order. */
    public List<Lesson> lessons() {
        return List.copyOf(list.getItems());
    }
}
