package cnnplayground.teach;

import cnnplayground.spec.NetworkSpec;
import java.util.List;

/**
 * One lesson: the network, dataset, views and settings that show a concept, and the keys of its
 * text ({@code lesson.<id>.title}, {@code .explain}, {@code .try}) in the window's bundles, and
 * {@code lesson.<id>.network}, the name of a network made for the lesson (a preset keeps its own name).
 *
 * @param tabs        side tabs in order of preference; the window opens the first it has
 * @param viewOptions named settings of those views (see {@link LessonViews}); unknown ones are ignored
 */
public record Lesson(String id, Concept concept, NetworkSpec network, LessonDataset dataset, List<String> tabs,
                     List<String> viewOptions, LessonTraining training) {

    public Lesson {
        if (id == null || !id.matches("[a-z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("a lesson id is a camelCase word, got \"" + id + "\"");
        }
        if (concept == null || network == null || dataset == null || training == null) {
            throw new IllegalArgumentException("lesson " + id + " needs a concept, network, dataset and settings");
        }
        tabs = List.copyOf(tabs);
        viewOptions = List.copyOf(viewOptions);
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("lesson " + id + " names no tab to open");
        }
    }

    public String titleKey() {
        return "lesson." + id + ".title";
    }

    public String explainKey() {
        return "lesson." + id + ".explain";
    }

    public String tryKey() {
        return "lesson." + id + ".try";
    }

    /** The key of the lesson's network name; only networks made for the lesson have one, presets keep theirs. */
    public String networkKey() {
        return "lesson." + id + ".network";
    }
}
