package cnnplayground.ui.teach;

import cnnplayground.spec.NetworkSpec;
import cnnplayground.teach.Lesson;
import cnnplayground.ui.i18n.UiText;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The open lesson: its title, explanation and knobs to try, the network it set up, and how its
 * dataset is doing. Every line follows the window's language, so switching it relabels the card.
 */
public final class LessonCard extends VBox {

    /** How the lesson's dataset is doing. */
    public enum DatasetState { IN_USE, LOADING, MISSING }

    private final UiText text;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final ObjectProperty<DatasetState> datasetState =
            new SimpleObjectProperty<>(this, "datasetState", DatasetState.IN_USE);
    /** Why the dataset could not be loaded, as the dataset chooser said it. */
    private final ObjectProperty<String> datasetProblem = new SimpleObjectProperty<>(this, "datasetProblem", "");
    private final Label title = new Label();
    private final Label explain = new Label();
    private final Label tryHeading = new Label();
    private final Label tryThis = new Label();
    private final Label network = new Label();
    private final Label dataset = new Label();

    public LessonCard(UiText text) {
        this.text = text;
        setId("lessonCard");
        getStyleClass().add("lesson-card");
        title.setId("lessonCardTitle");
        title.getStyleClass().add("lesson-card-title");
        explain.setId("lessonCardExplain");
        explain.getStyleClass().add("lesson-card-explain");
        tryHeading.getStyleClass().add("lesson-card-heading");
        tryThis.setId("lessonCardTry");
        tryThis.getStyleClass().add("lesson-card-try");
        network.setId("lessonCardNetwork");
        network.getStyleClass().add("lesson-card-network");
        dataset.setId("lessonCardDataset");
        dataset.getStyleClass().add("lesson-card-dataset");
        for (Label label : new Label[] {title, explain, tryThis, network, dataset}) {
            label.setWrapText(true);
            // wrapped labels in a VBox report one line unless told to take their preferred height
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        title.textProperty().bind(lessonText(text, "title"));
        explain.textProperty().bind(lessonText(text, "explain"));
        tryThis.textProperty().bind(lessonText(text, "try"));
        tryHeading.textProperty().bind(text.text("lesson.tryHeading"));
        network.textProperty().bind(Bindings.createStringBinding(() -> {
            Lesson open = lesson.get();
            return open == null ? "" : text.get("lesson.network", networkName(open), params(open.network()));
        }, lesson, text.languageProperty()));
        dataset.textProperty().bind(Bindings.createStringBinding(this::datasetLine, lesson, datasetState,
                datasetProblem, text.languageProperty()));
        datasetState.addListener((obs, was, now) -> {
            dataset.getStyleClass().remove("lesson-dataset-missing");
            if (now == DatasetState.MISSING) {
                dataset.getStyleClass().add("lesson-dataset-missing");
            }
        });
        getChildren().addAll(title, explain, tryHeading, tryThis, network, dataset);
        visibleProperty().bind(lesson.isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** The lesson shown; null hides the card. */
    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public ObjectProperty<DatasetState> datasetStateProperty() {
        return datasetState;
    }

    /** Sets how the dataset is doing; {@code problem} matters only for {@link DatasetState#MISSING}. */
    public void showDataset(DatasetState state, String problem) {
        datasetProblem.set(problem == null ? "" : problem);
        datasetState.set(state);
    }

    public String titleText() {
        return title.getText();
    }

    public String explainText() {
        return explain.getText();
    }

    public String tryText() {
        return tryThis.getText();
    }

    public String networkText() {
        return network.getText();
    }

    public String datasetText() {
        return dataset.getText();
    }

    private String datasetLine() {
        Lesson open = lesson.get();
        if (open == null) {
            return "";
        }
        String name = text.get("data.sourceName." + LessonPanel.sourceOf(open.dataset()).name());
        switch (datasetState.get()) {
            case LOADING:
                return text.get("lesson.datasetLoading", name);
            case MISSING:
                return text.get("lesson.datasetMissing", name, datasetProblem.get());
            default:
                return text.get("lesson.dataset", name);
        }
    }

    private ObservableValue<String> lessonText(UiText uiText, String part) {
        return Bindings.createStringBinding(() -> {
            Lesson open = lesson.get();
            if (open == null) {
                return "";
            }
            String key = "title".equals(part) ? open.titleKey() : "explain".equals(part) ? open.explainKey()
                    : open.tryKey();
            return uiText.get(key);
        }, lesson, uiText.languageProperty());
    }

    /**
     * The network's name in the window's language: a network made for the lesson has one in the
     * bundles; a preset is named as the editor's preset list names it.
     */
    private String networkName(Lesson open) {
        return text.has(open.networkKey()) ? text.get(open.networkKey()) : open.network().name();
    }

    private static String params(NetworkSpec spec) {
        return String.format(Locale.ROOT, "%,d", spec.analyze().totalParams().total());
    }
}
