package cnnplayground.spec.export;

import cnnplayground.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python 3 on this machine that the exported programs are checked with; tests that need one are
 * skipped (with the reason) where there is none. All programs go through one process, since
 * importing torch takes seconds.
 */
public final class PythonRunner {

    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");
    private static final String SEPARATOR = "=== program ";

    /** Parses every file given; prints one line per file that does not parse. */
    private static final String PARSE = """
            import ast, sys
            for path in sys.argv[1:]:
                try:
                    ast.parse(open(path, encoding="utf-8").read(), path)
                except SyntaxError as e:
                    print(path, e)
            """;

    /** Runs every file given in a fresh namespace, each one's output after a separator line. */
    private static final String RUN = """
            import contextlib, io, runpy, sys, traceback
            for path in sys.argv[1:]:
                out = io.StringIO()
                try:
                    with contextlib.redirect_stdout(out):
                        runpy.run_path(path)
                except Exception:
                    out.write(traceback.format_exc())
                print("%s" + path)
                sys.stdout.write(out.getvalue())
            """.formatted(SEPARATOR);

    private final String executable;

    private PythonRunner(String executable) {
        this.executable = executable;
    }

    /** A Python 3 (with torch if {@code withTorch}), or the test is skipped. */
    public static PythonRunner find(boolean withTorch) throws InterruptedException {
        String probe = withTorch ? "import torch" : "import ast";
        for (String candidate : CANDIDATES) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", probe).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return new PythonRunner(candidate);
                }
            } catch (IOException e) {
                // not installed under this name; try the next
            }
        }
        Prerequisites.require(false, withTorch ? "no python3 with torch here (Debian: apt-get install python3-torch)"
                : "no python3 here");
        return null;
    }

    static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    List<String> syntaxErrors(List<Path> files) throws IOException, InterruptedException {
        String out = run(PARSE, files);
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    /** Each program's standard output (or its traceback), in the order given. */
    List<String> runAll(List<Path> files) throws IOException, InterruptedException {
        String out = run(RUN, files);
        List<String> outputs = new ArrayList<>();
        for (String part : out.split(java.util.regex.Pattern.quote(SEPARATOR))) {
            if (!part.isEmpty()) {
                outputs.add(part.substring(part.indexOf('\n') + 1));
            }
        }
        if (outputs.size() != files.size()) {
            throw new AssertionError("expected " + files.size() + " outputs, got " + outputs.size() + ":\n" + out);
        }
        return outputs;
    }

    /** What a program run printed (standard output and error together) and its exit code. */
    public record Outcome(int exit, String out, String err) {
    }

    /** Runs {@code python3 ARGS…} (a program and its arguments, or {@code -c CODE …}) on one thread. */
    public Outcome run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = builder.start();
        // stderr is small (progress lines); read it on its own thread so neither pipe fills up
        java.util.concurrent.CompletableFuture<String> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " ran more than 4 minutes");
        }
        return new Outcome(p.exitValue(), out, err.join());
    }

    private String run(String script, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-c", script));
        files.forEach(f -> command.add(f.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // one thread: the machine is shared, and the programs are tiny
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(4, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(executable + " failed:\n" + out);
        }
        return out;
    }
}
