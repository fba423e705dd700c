package cnnplayground;

import cnnplayground.cli.Cli;
import cnnplayground.ui.PlaygroundApp;

/**
 * Entry point of {@code cnn-playground.jar}: no arguments opens the app, a command runs the CLI.
 * Kept apart from the JavaFX application class so {@code java -jar} works from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(PlaygroundApp.class);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
