package cnnplayground.cli;

/** A user mistake on the command line or in an input file: one clear line, exit code 2, no stack trace. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
