package cnnplayground.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The element-wise activations a layer can apply, by their Keras names. */
public enum Activation {
    LINEAR, RELU, SIGMOID, TANH, SOFTMAX;

    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromKeras(String name) {
        for (Activation a : values()) {
            if (a.kerasName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be one of "
                + Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", "))
                + ", got \"" + name + "\"");
    }
}
