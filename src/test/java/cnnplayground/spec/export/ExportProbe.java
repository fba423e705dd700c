package cnnplayground.spec.export;

import cnnplayground.spec.LayerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What tests outside this package may ask of the exporters: one layer's Keras call, and whether programs parse. */
public final class ExportProbe {

    private ExportProbe() {
    }

    /** The Keras constructor call the exports write for {@code layer}, e.g. {@code layers.Conv2D(8, 3, padding="same")}. */
    public static String kerasCall(LayerSpec layer) {
        return KerasCode.layer(layer);
    }

    /**
     * Writes each program (file name → text) into {@code dir} and parses them all with Python's {@code ast};
     * one line per program that does not parse. The test is skipped, with the reason, where there is no Python 3.
     */
    public static List<String> syntaxErrors(Map<String, String> programs, Path dir) throws IOException,
            InterruptedException {
        PythonRunner python = PythonRunner.find(false);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> program : programs.entrySet()) {
            files.add(PythonRunner.write(dir.resolve(program.getKey()), program.getValue()));
        }
        return python.syntaxErrors(files);
    }
}
