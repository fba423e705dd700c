package cnnplayground.engine;

import java.util.Locale;

/** How the learning rate changes over a run. */
public enum LearningRateSchedule {
    /** The same rate from the first batch to the last. */
    CONSTANT,
    /** Falls along half a cosine from the set rate to a hundredth of it at the last batch: big steps early, fine ones late. */
    COSINE;

    /** What the rate ends at under {@link #COSINE}, as a fraction of the starting rate. */
    public static final float COSINE_FINAL_FRACTION = 0.01f;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LearningRateSchedule fromCli(String name) {
        for (LearningRateSchedule s : values()) {
            if (s.cliName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("learning-rate schedule must be constant or cosine, got \"" + name + "\"");
    }
}
