package cnnplayground.ui.train;

import cnnplayground.engine.OptimizerKind;
import cnnplayground.engine.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The knobs a student turns before training: optimizer, learning rate, batch size, epochs,
 * validation fraction and seed. Each field is checked as it is typed; a bad value is outlined red
 * with the reason under it, and {@link #configProperty()} is empty until every field is good.
 */
public final class HyperParameterForm extends GridPane {

    private final ReadOnlyObjectWrapper<Optional<TrainingConfig>> config =
            new ReadOnlyObjectWrapper<>(this, "config", Optional.empty());
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    private final List<Field<?>> fields = new ArrayList<>();
    private final Field<Double> learningRate;
    private final Field<Integer> batchSize;
    private final Field<Integer> epochs;
    private final Field<Double> validationFraction;
    private final Field<Long> seed;
    private int row;

    public HyperParameterForm(TrainingConfig initial) {
        setId("hyperParameters");
        getStyleClass().add("hyper-grid");
        optimizer.setId("optimizerChooser");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setConverter(new StringConverter<>() {
            @Override
            public String toString(OptimizerKind kind) {
                return kind == null ? "" : displayName(kind);
            }

            @Override
            public OptimizerKind fromString(String text) {
                return OptimizerKind.fromCli(text);
            }
        });
        optimizer.setValue(initial.optimizer());
        optimizer.valueProperty().addListener((obs, was, now) -> recompute());
        addRow(row++, new Label("Optimizer"), optimizer);

        learningRate = field("learningRate", "Learning rate", String.valueOf(initial.learningRate()),
                t -> positive(Double.parseDouble(t), "learning rate"), "a small positive number, e.g. 0.001");
        batchSize = field("batchSize", "Batch size", String.valueOf(initial.batchSize()),
                t -> atLeastOne(Integer.parseInt(t), "batch size"), "a whole number, at least 1");
        epochs = field("epochs", "Epochs", String.valueOf(initial.epochs()),
                t -> atLeastOne(Integer.parseInt(t), "epochs"), "a whole number, at least 1");
        validationFraction = field("validationFraction", "Validation", String.valueOf(initial.validationFraction()),
                HyperParameterForm::fraction, "a fraction from 0 to below 1, e.g. 0.1");
        seed = field("seed", "Seed", String.valueOf(initial.seed()), Long::parseLong, "a whole number");
        recompute();
    }

    public HyperParameterForm() {
        this(TrainingConfig.defaults());
    }

    /** The configuration the fields describe, or empty while any of them is invalid. */
    public ReadOnlyObjectProperty<Optional<TrainingConfig>> configProperty() {
        return config.getReadOnlyProperty();
    }

    public Optional<TrainingConfig> getConfig() {
        return config.get();
    }

    /** The first field's problem, for a "why can't I train" hint; empty when all are valid. */
    public Optional<String> firstProblem() {
        return fields.stream().map(f -> f.error.getText()).filter(s -> !s.isEmpty()).findFirst();
    }

    static String displayName(OptimizerKind kind) {
        switch (kind) {
            case SGD:
                return "SGD";
            case RMSPROP:
                return "RMSprop";
            case ADAM:
                return "Adam";
            default:
                throw new IllegalArgumentException("unknown optimizer " + kind);
        }
    }

    private <T> Field<T> field(String id, String caption, String text, Function<String, T> parse, String expected) {
        TextField input = new TextField(text);
        input.setId(id + "Field");
        input.setPrefColumnCount(8);
        input.setTooltip(new Tooltip(expected));
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        Field<T> field = new Field<>(caption, input, error, parse, expected);
        input.textProperty().addListener((obs, was, now) -> recompute());
        fields.add(field);
        addRow(row++, new Label(caption), input);
        add(error, 1, row++);
        return field;
    }

    private void recompute() {
        boolean allValid = true;
        for (Field<?> f : fields) {
            allValid &= f.check();
        }
        if (!allValid || optimizer.getValue() == null) {
            config.set(Optional.empty());
            return;
        }
        config.set(Optional.of(new TrainingConfig(optimizer.getValue(), learningRate.value, TrainingConfig.DEFAULT_MOMENTUM,
                batchSize.value, epochs.value, validationFraction.value, seed.value)));
    }

    private static double positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number");
        }
        return v;
    }

    private static int atLeastOne(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1");
        }
        return v;
    }

    private static double fraction(String text) {
        double v = Double.parseDouble(text);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("validation must be at least 0 and below 1");
        }
        return v;
    }

    /** One text field with its parser and its inline error. */
    private static final class Field<T> {
        final String caption;
        final TextField input;
        final Label error;
        final Function<String, T> parse;
        final String expected;
        T value;

        Field(String caption, TextField input, Label error, Function<String, T> parse, String expected) {
            this.caption = caption;
            this.input = input;
            this.error = error;
            this.parse = parse;
            this.expected = expected;
        }

        boolean check() {
            String text = input.getText() == null ? "" : input.getText().strip();
            String problem;
            try {
                value = parse.apply(text);
                problem = "";
            } catch (NumberFormatException e) {
                problem = caption + " must be " + expected + ", got \"" + text + "\"";
            } catch (IllegalArgumentException e) {
                problem = capitalise(e.getMessage()) + ", got \"" + text + "\"";
            }
            error.setText(problem);
            error.setVisible(!problem.isEmpty());
            input.getStyleClass().remove("field-invalid");
            if (!problem.isEmpty()) {
                input.getStyleClass().add("field-invalid");
            }
            return problem.isEmpty();
        }

        private static String capitalise(String s) {
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        }
    }
}
