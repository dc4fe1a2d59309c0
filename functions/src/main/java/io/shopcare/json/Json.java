package io.shopcare.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one JSON library of the project (jackson-jr): documents are plain maps, lists, strings,
 * numbers and booleans, so there is no bean introspection at cold start.
 *
 * <p>Parsing is strict: exactly one JSON value (nothing after it but whitespace), no duplicate
 * keys, and no string (key or value) holding a lone UTF-16 surrogate such as {@code "\ud800"},
 * which no UTF-8 encoder can write back out.
 */
public final class Json {
    // BigDecimal for fractions: "1.5" must stay distinguishable from an integer, and never round.
    private static final JSON JSON_STD = JSON.std
            .with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .without(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    /** Parses one JSON value; throws {@link MalformedJsonException} on bad syntax, trailing data or lone surrogates. */
    public static Object parse(String text) {
        Object value;
        try (JsonParser parser = JSON_STD.createParser(text)) {
            value = JSON_STD.anyFrom(parser);
            // jackson-jr stops after the first value; `{"a":1} xyz` or `{..}{..}` must not pass as `{"a":1}`.
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("trailing content after the JSON value");
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof MalformedJsonException malformed ? malformed : new MalformedJsonException(e);
        }
        if (!wellFormedText(value)) {
            throw new MalformedJsonException("a string holds a lone UTF-16 surrogate");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedJsonException("not a JSON object");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> parseArray(String text) {
        Object value = parse(text);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new MalformedJsonException("not a JSON array");
    }

    /** Writes maps, lists, strings, numbers, booleans; null map values are left out. */
    public static String write(Object value) {
        try {
            return JSON_STD.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every string in the value, keys included, is well-formed UTF-16. */
    private static boolean wellFormedText(Object value) {
        if (value instanceof String text) {
            return wellFormed(text);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!wellFormed((String) entry.getKey()) || !wellFormedText(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!wellFormedText(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(Throwable cause) {
            super("malformed JSON", cause);
        }

        MalformedJsonException(String reason) {
            super("malformed JSON: " + reason);
        }
    }
}
