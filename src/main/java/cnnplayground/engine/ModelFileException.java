package cnnplayground.engine;

/**
 * A model file that cannot be used: not a zip, truncated, not ours, from a newer format, or with
 * metadata or weights that do not fit. Checked because it is the user's file: the message names
 * the file and the part at fault, for the CLI and the UI to show as is.
 */
public final class ModelFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
