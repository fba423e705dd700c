package cnnplayground.ui.teach;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** A row of toggle buttons, one per value, always exactly one chosen, kept in step with a property both ways. */
final class ToggleChoices {

    private ToggleChoices() {
    }

    static <T> HBox of(List<T> values, ObjectProperty<T> property, Function<T, ObservableValue<String>> label,
                       Function<T, String> id) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(2);
        box.getStyleClass().add("stepper-choices");
        for (T value : values) {
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(label.apply(value));
            b.setId(id.apply(value));
            b.setUserData(value);
            b.setToggleGroup(group);
            b.setSelected(value.equals(property.get()));
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // clicking the chosen one again keeps it chosen
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) now.getUserData();
                property.set(value);
            }
        });
        property.addListener((obs, was, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData().equals(now)).findFirst().ifPresent(t -> t.setSelected(true)));
        return box;
    }
}
