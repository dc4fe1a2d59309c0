package io.shopcare.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"onHand\": 2} xyz", "{\"onHand\":3}{\"onHand\":4}", "{\"a\":1} 2", "[1] [2]",
            "{\"a\":1},", "\"text\" \"more\"", "{\"a\": 1, \"a\": 2}", "{", "{'a': 1}"})
    void refusesAnythingButExactlyOneWellFormedValue(String text) {
        assertThrows(Json.MalformedJsonException.class, () -> Json.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"\\ud800\"}", "{\"name\": \"a\\udc00b\"}", "{\"\\ud83d\": 1}",
            "[\"ok\", [\"\\ud83dx\"]]", "{\"n\": {\"deep\": \"\\udfff\\ud800\"}}"})
    void refusesLoneSurrogatesInKeysAndValuesAtAnyDepth(String text) {
        assertThrows(Json.MalformedJsonException.class, () -> Json.parse(text));
    }

    @Test
    void acceptsPairedSurrogatesAndTrailingWhitespace() {
        assertEquals(Map.of("emoji", "\uD83D\uDE00"), Json.parse("{\"emoji\": \"\\ud83d\\ude00\"}\n \t"));
    }

    @Test
    void keepsFractionsExactAndIntegersWhole() {
        Map<String, Object> parsed = Json.parseObject("{\"price\": 49.90, \"count\": 3, \"list\": [1]}");
        assertEquals(new BigDecimal("49.90"), parsed.get("price"));
        assertEquals(3, parsed.get("count"));
        assertEquals(List.of(1), parsed.get("list"));
    }
}
