package cnnplayground.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer, so the spec needs nothing beyond {@code java.*}.
 * Objects read as insertion-ordered {@code Map<String, Object>}, arrays as {@code List<Object>},
 * integers as {@code Long}, other numbers as {@code Double}; {@code null} stays {@code null}.
 */
public final class Json {

    /** Deeper nesting is refused rather than overflowing the reader's stack; networks need 4 levels. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value; anything malformed is refused with the line and column. */
    public static Object parse(String text) throws JsonException {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.readValue();
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected text after the end of the JSON value");
        }
        return value;
    }

    private Object readValue() throws JsonException {
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> {
                enter();
                Map<String, Object> map = readObject();
                depth--;
                yield map;
            }
            case '[' -> {
                enter();
                List<Object> list = readArray();
                depth--;
                yield list;
            }
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("objects and lists nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Map<String, Object> readObject() throws JsonException {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            int keyAt = pos;
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = readValue();
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("key \"" + key + "\" appears twice");
            }
            map.put(key, value);
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray() throws JsonException {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(readValue());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String readString() throws JsonException {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character inside a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("incomplete \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
    }

    private Number readNumber() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean integral = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String literal = text.substring(start, pos);
        try {
            if (integral) {
                return Long.parseLong(literal);
            }
            double d = Double.parseDouble(literal);
            if (Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad number \"" + literal + "\"");
        }
    }

    private Object readLiteral(String word, Object value) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected word; expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() throws JsonException {
        if (pos >= text.length()) {
            throw error("the text ends too early");
        }
        return text.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private JsonException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new JsonException("malformed JSON at line " + line + ", column " + col + ": " + what);
    }

    /** Writes maps, iterables, strings, numbers, booleans and null; {@code indent} 0 gives one line. */
    public static String write(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, value, indent, 0);
        return sb.toString();
    }

    private static void writeValue(StringBuilder sb, Object value, int indent, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            writeString(sb, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d).append(".0");
            } else {
                sb.append(d);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            // Nested objects of plain values (a layer, say) read best on one line.
            int own = depth > 0 && map.values().stream().allMatch(Json::isFlat) ? 0 : indent;
            writeContainer(sb, '{', '}', map.entrySet(), own, depth, (b, e) -> {
                writeString(b, String.valueOf(e.getKey()));
                b.append(": ");
                writeValue(b, e.getValue(), own, depth + 1);
            });
        } else if (value instanceof Iterable<?> list) {
            boolean flat = true;
            for (Object o : list) {
                flat &= !(o instanceof Map || o instanceof Iterable);
            }
            // A list of plain values stays on one line; a list of objects gets a line each.
            writeContainer(sb, '[', ']', list, flat ? 0 : indent, depth, (b, o) -> writeValue(b, o, indent, depth + 1));
        } else if (value instanceof int[] ints) {
            List<Object> list = new ArrayList<>();
            for (int i : ints) {
                list.add(i);
            }
            writeValue(sb, list, indent, depth);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static boolean isFlat(Object value) {
        if (value instanceof Map<?, ?>) {
            return false;
        }
        if (value instanceof Iterable<?> list) {
            for (Object o : list) {
                if (o instanceof Map || o instanceof Iterable) {
                    return false;
                }
            }
        }
        return true;
    }

    private static <T> void writeContainer(StringBuilder sb, char open, char close, Iterable<T> items, int indent,
                                           int depth, java.util.function.BiConsumer<StringBuilder, T> item) {
        sb.append(open);
        boolean first = true;
        for (T t : items) {
            if (!first) {
                sb.append(indent > 0 ? "," : ", ");
            }
            if (indent > 0) {
                sb.append('\n').append(String.join("", Collections.nCopies((depth + 1) * indent, " ")));
            }
            item.accept(sb, t);
            first = false;
        }
        if (indent > 0 && !first) {
            sb.append('\n').append(String.join("", Collections.nCopies(depth * indent, " ")));
        }
        sb.append(close);
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Malformed JSON, with where it went wrong. */
    public static final class JsonException extends Exception {
        public JsonException(String message) {
            super(message);
        }
    }
}
