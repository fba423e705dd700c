package cnnplayground.spec;

/**
 * A layer cannot take the shape it is given. The message says what was found and one fix, without
 * the layer's position, which {@link NetworkSpec#analyze()} adds.
 */
public final class IncompatibleInputException extends Exception {
    public IncompatibleInputException(String message) {
        super(message);
    }
}
