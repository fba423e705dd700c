package cnnplayground.ui.compare;

import cnnplayground.ui.i18n.UiText;
import java.util.Arrays;

/** A key and its arguments, looked up when shown, so a label follows the window's language. */
record Message(String key, Object... args) {

    static final Message NONE = new Message("");

    Message {
        args = args.clone();
    }

    String in(UiText text) {
        return key.isEmpty() ? "" : text.get(key, args);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message && key.equals(((Message) other).key)
                && Arrays.equals(args, ((Message) other).args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }
}
