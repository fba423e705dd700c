package cnnplayground;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from the machine (a package, a font, ../shared). On a developer's machine a
 * missing one skips the test with the reason; in CI ({@code CI=true}, where {@code .ci/run} installs
 * everything) it fails it, so nothing the README calls tested is quietly skipped there.
 */
public final class Prerequisites {

    private Prerequisites() {}

    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (inCi()) {
            fail(missing + " (in CI: .ci/run installs it, and a test that needs it may not be skipped)");
        }
        assumeTrue(false, missing);
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
