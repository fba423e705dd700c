package cnnplayground.engine;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ModelFileTest}: writes a model over {@code args[0]}, says "written"
 * once the new file is on disk, then waits before the rename, to be killed there.
 */
final class CrashingModelWriter {

    static final String WRITTEN = "written";

    private CrashingModelWriter() {
    }

    public static void main(String[] args) throws Exception {
        ModelFile.write(Path.of(args[0]), ModelFixtures.spec(), new byte[64 * 1024], ModelFixtures.metadata(),
                (temp, target) -> {
                    System.out.println(WRITTEN);
                    System.out.flush();
                    try {
                        Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("the parent test should have killed this process");
                });
    }
}
