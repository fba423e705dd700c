package cnnplayground.ui.viz;

import cnnplayground.engine.ClassActivationMaps;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.ui.i18n.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * "Explain: none / CAM / saliency · Class: top class ▾": what to lay over an input and of which class (the
 * top class, the runner-up, or any of the network's classes). CAM is offered only for networks ending
 * GlobalAveragePooling2D → Dense; otherwise its toggle is disabled and says why.
 */
public final class ExplanationBar extends HBox {

    private final UiText text;
    private final ObjectProperty<ExplanationMode> mode = new SimpleObjectProperty<>(this, "mode", ExplanationMode.NONE);
    private final ObjectProperty<ClassChoice> classChoice = new SimpleObjectProperty<>(this, "classChoice",
            ClassChoice.TOP);
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton none = new ToggleButton();
    private final ToggleButton cam = new ToggleButton();
    private final ToggleButton saliency = new ToggleButton();
    private final StackPane camHolder = new StackPane(cam);
    private final Tooltip camUnavailable = new Tooltip();
    private final ComboBox<ClassChoice> classes = new ComboBox<>();
    private List<String> classNames = List.of();

    /**
     * @param idPrefix {@code ""} for {@code #explainCam}, {@code #explainClass}, …; e.g. {@code "sample"} for
     *                 {@code #sampleExplainCam}, …
     */
    public ExplanationBar(UiText text, String idPrefix) {
        super(6);
        this.text = text;
        getStyleClass().add("explanation-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label title = text.label("explain.caption");
        title.getStyleClass().add("hint");
        toggle(none, id(idPrefix, "ExplainNone"), "explain.none", ExplanationMode.NONE);
        toggle(cam, id(idPrefix, "ExplainCam"), "explain.cam", ExplanationMode.CAM);
        toggle(saliency, id(idPrefix, "ExplainSaliency"), "explain.saliency", ExplanationMode.SALIENCY);
        none.setSelected(true);
        camUnavailable.textProperty().bind(text.text("explain.cam.unavailable"));
        camUnavailable.setWrapText(true);
        camUnavailable.setMaxWidth(360);
        saliency.setTooltip(text.tooltip("explain.saliency.tooltip"));
        cam.setTooltip(text.tooltip("explain.cam.tooltip"));
        // a disabled control shows no tooltip: the reason hangs on its holder
        camHolder.setId(id(idPrefix, "ExplainCamHolder"));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the three is always chosen
                return;
            }
            mode.set((ExplanationMode) now.getUserData());
        });
        mode.addListener((obs, was, now) -> {
            if (now == ExplanationMode.CAM && cam.isDisabled()) {
                mode.set(was); // this network has no class activation map; the toggle says why
                return;
            }
            selectToggleOf(now);
        });
        Label classTitle = text.label("explain.class");
        classTitle.getStyleClass().add("hint");
        classes.setId(id(idPrefix, "ExplainClass"));
        classes.setTooltip(text.tooltip("explain.class.tooltip"));
        classes.setConverter(converter());
        classes.setVisibleRowCount(12);
        // the converter names top and runner-up in the window's language: list and box relabel with a new one
        text.languageProperty().addListener((obs, was, now) -> {
            classes.setConverter(converter());
            fillClasses();
        });
        classes.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                classChoice.set(now);
            }
        });
        classChoice.addListener((obs, was, now) -> classes.setValue(now));
        fillClasses();
        for (javafx.scene.Node shown : new javafx.scene.Node[] {classTitle, classes}) {
            shown.visibleProperty().bind(mode.isNotEqualTo(ExplanationMode.NONE));
            shown.managedProperty().bind(shown.visibleProperty());
        }
        getChildren().addAll(title, none, camHolder, saliency, classTitle, classes);
    }

    public ObjectProperty<ExplanationMode> modeProperty() {
        return mode;
    }

    /** The class explained: top (the default), runner-up, or one of {@link #classNames()}. */
    public ObjectProperty<ClassChoice> classChoiceProperty() {
        return classChoice;
    }

    /** The classes the list offers: the network's last probed. */
    public List<String> classNames() {
        return classNames;
    }

    /** Why CAM cannot be chosen for the network probed last (its toggle's tooltip), if it cannot. */
    public Optional<String> camUnavailableReason() {
        return cam.isDisabled() ? Optional.of(camUnavailable.getText()) : Optional.empty();
    }

    /**
     * The network probed is now {@code loaded}'s (null: none yet, when CAM may still be chosen): a network
     * without a GAP → Dense ending turns CAM off; the list offers its classes, and a chosen class it does not
     * have goes back to the top class.
     */
    public void networkChanged(WeightsSnapshot loaded) {
        boolean camPossible = loaded == null || ClassActivationMaps.supports(loaded.spec());
        cam.setDisable(!camPossible);
        if (camPossible) {
            Tooltip.uninstall(camHolder, camUnavailable);
        } else {
            Tooltip.install(camHolder, camUnavailable);
            if (mode.get() == ExplanationMode.CAM) {
                mode.set(ExplanationMode.NONE);
            }
        }
        List<String> names = loaded == null ? List.of() : loaded.classNames();
        if (!names.equals(classNames)) {
            classNames = List.copyOf(names);
            fillClasses();
        }
    }

    private void fillClasses() {
        ClassChoice keep = classChoice.get();
        List<ClassChoice> items = new ArrayList<>(List.of(ClassChoice.TOP, ClassChoice.RUNNER_UP));
        for (int c = 0; c < classNames.size(); c++) {
            items.add(ClassChoice.chosen(c));
        }
        classes.getItems().setAll(items);
        ClassChoice now = items.contains(keep) ? keep : ClassChoice.TOP;
        classes.setValue(now);
        classChoice.set(now);
    }

    private StringConverter<ClassChoice> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(ClassChoice choice) {
                if (choice == null) {
                    return "";
                }
                return switch (choice.kind()) {
                    case TOP -> text.get("explain.class.top");
                    case RUNNER_UP -> text.get("explain.class.runnerUp");
                    case CHOSEN -> choice.chosenClass() < classNames.size() ? classNames.get(choice.chosenClass())
                            : Integer.toString(choice.chosenClass());
                };
            }

            @Override
            public ClassChoice fromString(String shown) {
                throw new UnsupportedOperationException("the class list is not editable");
            }
        };
    }

    private void toggle(ToggleButton button, String id, String key, ExplanationMode value) {
        button.setId(id);
        button.textProperty().bind(text.text(key));
        button.setToggleGroup(group);
        button.setUserData(value);
        button.getStyleClass().add("explain-toggle");
    }

    private void selectToggleOf(ExplanationMode value) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == value && !t.isSelected()) {
                t.setSelected(true);
            }
        }
    }

    /** {@code explainCam} or, with a prefix, {@code sampleExplainCam}. */
    static String id(String prefix, String name) {
        return prefix.isEmpty() ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : prefix + name;
    }
}
