package cnnplayground.ui.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.beans.property.StringProperty;

/**
 * Every string the window shows, in the language chosen at run time. Views bind their labels to
 * {@link #text(String, Object...)}, so switching the language relabels the open window in place,
 * training and all. One instance per window, handed down from {@code PlaygroundView}; layer type
 * names (Conv2D, Dense, …) stay in Keras form and are not looked up here.
 *
 * <p>Keys live in {@code cnnplayground/ui/i18n/messages*.properties} (UTF-8); the English bundle is
 * the base one. Arguments use {@link MessageFormat} patterns: {@code {0}}, {@code {0,number,#,##0}}.
 */
public final class UiText {

    public static final String BUNDLE = "cnnplayground.ui.i18n.messages";

    private final ObjectProperty<UiLanguage> language = new SimpleObjectProperty<>(UiLanguage.ENGLISH);
    private final Map<UiLanguage, ResourceBundle> bundles = new EnumMap<>(UiLanguage.class);
    /** Parsed patterns by language and key: live views format a few texts per update, and parsing each anew was most of it. */
    private final Map<UiLanguage, Map<String, MessageFormat>> formats = new EnumMap<>(UiLanguage.class);

    public UiText() {
        language.addListener((obs, was, now) -> {
            if (now == null) {
                language.set(was);
            }
        });
    }

    /** A fresh instance speaking {@code start}; tests and standalone views use it. */
    public static UiText in(UiLanguage start) {
        UiText text = new UiText();
        text.language.set(start);
        return text;
    }

    public ObjectProperty<UiLanguage> languageProperty() {
        return language;
    }

    public UiLanguage language() {
        return language.get();
    }

    /**
     * The string for {@code key} now. A key no bundle has comes back as {@code ⟦key⟧}, visible on
     * screen instead of an exception in front of a class; {@code UiTextBundlesTest} keeps that from
     * shipping.
     */
    public String get(String key, Object... args) {
        return format(language.get(), key, args);
    }

    /** The string for {@code key}, kept up to date when the language changes: bind a label's text to it. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), language);
    }

    /** A label showing {@code key}, relabelled when the language changes. */
    public Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(text(key));
        return label;
    }

    /** A tooltip showing {@code key}, relabelled when the language changes. */
    public Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text(key));
        return tip;
    }

    /** The string for {@code key} in {@code in}, whatever the window speaks now. */
    public String format(UiLanguage in, String key, Object... args) {
        ResourceBundle bundle = bundle(in);
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // a phrase inside a message speaks the same language as the message
            resolved[i] = args[i] instanceof Phrase ? format(in, ((Phrase) args[i]).key(), ((Phrase) args[i]).args())
                    : args[i];
        }
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "⟦" + key + "⟧";
        }
        if (args.length == 0) {
            return pattern;
        }
        return formats.computeIfAbsent(in, l -> new HashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(pattern, bundle.getLocale())).format(resolved);
    }

    /**
     * A translatable piece to pass as an argument of another message, e.g. the reason inside
     * "Finished ({0})": it is looked up in whatever language the outer message is shown in.
     */
    public static Phrase phrase(String key, Object... args) {
        return new Phrase(key, args.clone());
    }

    /** A key and its arguments, looked up when shown; see {@link #phrase(String, Object...)}. */
    public record Phrase(String key, Object[] args) {
    }

    /** Shows {@code phrase} in {@code target}, kept up to date when the language changes. */
    public void show(StringProperty target, Phrase phrase) {
        target.bind(text(phrase.key(), phrase.args()));
    }

    /** Unbinds {@code target} and leaves it empty (a bound label cannot simply be set). */
    public static void clear(StringProperty target) {
        target.unbind();
        target.set("");
    }

    /**
     * Shows a string that is not translated (a file name, a message from a library) in {@code target},
     * replacing any binding to a translated one.
     */
    public static void showVerbatim(StringProperty target, String verbatim) {
        target.unbind();
        target.set(verbatim);
    }

    /** Whether {@code key} exists in the base bundle. */
    public boolean has(String key) {
        return bundle(UiLanguage.ENGLISH).containsKey(key);
    }

    private ResourceBundle bundle(UiLanguage in) {
        // no fallback to the JVM's default locale: a Chinese desktop must still get English when asked
        return bundles.computeIfAbsent(in, l -> ResourceBundle.getBundle(BUNDLE, l.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
