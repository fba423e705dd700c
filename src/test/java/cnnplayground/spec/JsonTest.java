package cnnplayground.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void reads_every_kind_of_value() throws Json.JsonException {
        Object v = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"s\": \"x\\\"\\u00e9\\n\"} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", java.util.Arrays.asList(1L, -25.0, true, false, null));
        expected.put("s", "x\"é\n");
        assertEquals(expected, v);
    }

    @Test
    void writes_what_it_reads() throws Json.JsonException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "网络 \"1\"");
        doc.put("dims", List.of(1, 2));
        doc.put("rate", 0.25);
        doc.put("nested", List.of(Map.of("k", 1)));

        assertEquals(Json.parse(Json.write(doc, 2)), Json.parse(Json.write(doc, 0)));
        assertEquals("网络 \"1\"", ((Map<?, ?>) Json.parse(Json.write(doc, 2))).get("name"));
    }

    @Test
    void refuses_malformed_text() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1, \"a\": 2}", "tru", "\"abc", "01x", "[1] 2",
                "{\"a\": 1e999}")) {
            Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("malformed JSON at line 1"), e.getMessage());
        }
    }
}
