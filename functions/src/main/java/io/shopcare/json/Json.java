package io.shopcare.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one JSON library of the project (jackson-jr): documents are plain maps, lists, strings,
 * numbers and booleans, so there is no bean introspection at cold start.
 */
public final class Json {
    // BigDecimal for fractions: "1.5" must stay distinguishable from an integer, and never round.
    private static final JSON JSON_STD = JSON.std
            .with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .without(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    /** Parses any JSON value; throws {@link MalformedJsonException} on syntax errors or trailing data. */
    public static Object parse(String text) {
        try {
            return JSON_STD.anyFrom(text);
        } catch (IOException | RuntimeException e) {
            throw new MalformedJsonException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedJsonException(new IllegalArgumentException("not a JSON object"));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> parseArray(String text) {
        Object value = parse(text);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new MalformedJsonException(new IllegalArgumentException("not a JSON array"));
    }

    /** Writes maps, lists, strings, numbers, booleans; null map values are left out. */
    public static String write(Object value) {
        try {
            return JSON_STD.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(Throwable cause) {
            super("malformed JSON", cause);
        }
    }
}
