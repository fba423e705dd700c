package cnnplayground.spec;

import java.util.List;

/**
 * A layer argument with a value it cannot take, said in English; the key and the values it quotes
 * let a user interface say the same in another language.
 */
public final class ArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final List<String> args;

    /**
     * @param message the English sentence
     * @param key     the sentence's key in the UI's bundles ({@code spec.arg.…})
     * @param args    the values the sentence quotes, in the order the key's pattern takes them
     */
    public ArgumentException(String message, String key, List<String> args) {
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
