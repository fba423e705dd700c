package cnnplayground.engine;

import java.util.Locale;

/** The optimizers a lecture compares; names as Keras and the CLI spell them. */
public enum OptimizerKind {
    SGD, RMSPROP, ADAM;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OptimizerKind fromCli(String name) {
        for (OptimizerKind k : values()) {
            if (k.cliName().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("optimizer must be sgd, rmsprop or adam, got \"" + name + "\"");
    }
}
