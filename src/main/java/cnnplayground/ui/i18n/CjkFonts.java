package cnnplayground.ui.i18n;

import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;

/**
 * Whether the machine has a font with Chinese glyphs. Without one, JavaFX draws boxes; the window
 * then says, in English, which Debian package to install instead of switching to unreadable text.
 */
public final class CjkFonts {

    /** The message shown when Chinese is chosen and no CJK font is installed. */
    public static final String MISSING = "Chinese needs a CJK font, and none is installed: "
            + "sudo apt-get install fonts-noto-cjk, then restart the app.";

    private static final List<String> KNOWN = List.of("noto sans cjk", "noto serif cjk", "wenquanyi",
            "ar pl", "droid sans fallback", "source han", "microsoft yahei", "pingfang", "heiti", "simsun");

    private CjkFonts() {
    }

    public static boolean installed() {
        return installed(Font.getFamilies());
    }

    static boolean installed(List<String> families) {
        return families.stream().map(f -> f.toLowerCase(Locale.ROOT)).anyMatch(f -> KNOWN.stream().anyMatch(f::startsWith));
    }
}
