package cnnplayground.data;

/**
 * A dataset or image file that cannot be used: missing, unreadable or malformed.
 *
 * <p>Checked because it is the user's file, not our bug: every caller (CLI, UI) must
 * show the message, which names the file and the field at fault.
 */
public final class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
