package cnnplayground.ui.i18n;

import java.util.Locale;

/** The languages the window can speak; each names itself in its own script, as a language menu should. */
public enum UiLanguage {
    ENGLISH(Locale.ROOT, "English"),
    TRADITIONAL_CHINESE(Locale.TRADITIONAL_CHINESE, "繁體中文"),
    SIMPLIFIED_CHINESE(Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final Locale locale;
    private final String ownName;

    UiLanguage(Locale locale, String ownName) {
        this.locale = locale;
        this.ownName = ownName;
    }

    /** The bundle's locale: {@link Locale#ROOT} for English, whose strings are the base bundle. */
    public Locale locale() {
        return locale;
    }

    public String ownName() {
        return ownName;
    }

    /**
     * The style class the window's root carries while this language is shown ({@code lang-en},
     * {@code lang-zh-tw}, {@code lang-zh-cn}): the stylesheet picks a font with the right glyphs by it.
     */
    public String styleClass() {
        return this == ENGLISH ? "lang-en" : "lang-" + locale.toLanguageTag().toLowerCase(Locale.ROOT);
    }

    public boolean needsCjkFont() {
        return this != ENGLISH;
    }

    @Override
    public String toString() {
        return ownName;
    }
}
