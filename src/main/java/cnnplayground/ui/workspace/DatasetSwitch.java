package cnnplayground.ui.workspace;

import cnnplayground.data.DatasetCatalog.Source;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Switches the window's dataset to one of the catalog's sources in the background (the status bar's
 * chooser does), for a view that needs another dataset: a lesson.
 */
public interface DatasetSwitch {

    /** Asks for whatever {@code source} needs, then loads it in the background. */
    void choose(Source source);

    /** Whether a dataset is being read. */
    ReadOnlyBooleanProperty loadingProperty();

    /** The source of the dataset in use (not one still loading). */
    Source current();

    /** "Loading Shapes…", the last failure, or "" once a dataset has loaded. */
    String getStatus();
}
