package cnnplayground.engine;

/** Thrown when libtorch cannot be loaded; the message names the cause and the fix. */
public final class TorchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and how to fix it
     * @param cause the DJL failure
     */
    public TorchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
