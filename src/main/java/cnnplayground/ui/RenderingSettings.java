package cnnplayground.ui;

/**
 * JavaFX rendering options the app sets before the toolkit starts (the toolkit reads them once, at start),
 * unless the person starting it set them on the command line.
 *
 * <p>{@code prism.disableRegionCaching}: by default JavaFX renders every region with more than one background
 * fill (buttons, sliders, progress bars, scroll bars) into an image once and then stretches that image on
 * every repaint. With the software renderer (Xvfb, remote desktops, machines without a usable GPU) those
 * stretched images were most of a frame: while training with the feature maps showing, the FX thread waited
 * 40–160 ms for such frames 20–40 times in 25 s. Filling the shapes directly removed those waits
 * ({@code FxResponsivenessTest}); on a GPU both ways are cheap.
 */
public final class RenderingSettings {

    static final String DISABLE_REGION_CACHING = "prism.disableRegionCaching";

    private RenderingSettings() {
    }

    /** Call before the JavaFX toolkit starts; a later call changes nothing. */
    public static void apply() {
        if (System.getProperty(DISABLE_REGION_CACHING) == null) {
            System.setProperty(DISABLE_REGION_CACHING, "true");
        }
    }
}
