package cnnplayground.spec;

import java.util.List;

/**
 * A layer cannot take the shape it is given. The message says what was found and one fix, without
 * the layer's position, which {@link NetworkSpec#analyze()} adds. The key and arguments name the same
 * sentence for a user interface that shows it in another language.
 */
public final class IncompatibleInputException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final List<String> args;

    public IncompatibleInputException(String message) {
        this(message, null, List.of());
    }

    /**
     * @param message the English sentence
     * @param key     the message's key in the UI's bundles ({@code spec.…}), or null
     * @param args    the values the sentence quotes, in the order the key's pattern takes them
     */
    public IncompatibleInputException(String message, String key, List<String> args) {
        super(message);
        this.key = key;
        this.args = List.copyOf(args);
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
