package io.shopcare.http;

import io.shopcare.outcome.Refusal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a parsed JSON object field by field, recording every problem with its path
 * ({@code lines[0].quantity}) so one 400 answer lists them all. Accessors return null when the
 * field is absent (optional) or wrong (a problem is recorded); call {@link #validate()} at the end.
 */
public final class JsonInput {
    private final Map<String, Object> fields;
    private final String path;
    private final List<Refusal.Problem> problems;

    private JsonInput(Map<String, Object> fields, String path, List<Refusal.Problem> problems) {
        this.fields = fields;
        this.path = path;
        this.problems = problems;
    }

    @SuppressWarnings("unchecked")
    static JsonInput root(Object parsed) {
        return new JsonInput((Map<String, Object>) parsed, "", new ArrayList<>());
    }

    /** For tests and for documents read back from storage. */
    public static JsonInput of(Map<String, Object> fields) {
        return new JsonInput(fields, "", new ArrayList<>());
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public void problem(String field, String problem) {
        problems.add(new Refusal.Problem(path(field), problem));
    }

    public boolean has(String field) {
        return fields.containsKey(field) && fields.get(field) != null;
    }

    /** Unknown fields are rejected: clients can never set fields they do not own. */
    public JsonInput allowOnly(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                problems.add(new Refusal.Problem(path(name), "unknown field"));
            }
        }
        return this;
    }

    public String requiredString(String field, int minLength, int maxLength) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalString(field, minLength, maxLength);
    }

    /** A single-line text (a name, an id, an address): no line breaks, tabs or other control characters. */
    public String optionalString(String field, int minLength, int maxLength) {
        return text(field, minLength, maxLength, false);
    }

    /** A multi-line text (a description, a message): line breaks and tabs allowed, other controls not. */
    public String optionalText(String field, int minLength, int maxLength) {
        return text(field, minLength, maxLength, true);
    }

    private String text(String field, int minLength, int maxLength, boolean multiline) {
        if (!has(field)) {
            return null;
        }
        if (!(fields.get(field) instanceof String value)) {
            problem(field, "must be a string");
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < minLength || length > maxLength) {
            problem(field, minLength == maxLength ? "must be " + minLength + " characters"
                    : "must be between " + minLength + " and " + maxLength + " characters");
            return null;
        }
        String unsafe = Text.unsafeCharacter(trimmed, multiline);
        if (unsafe != null) {
            problem(field, "must not contain " + unsafe);
            return null;
        }
        return trimmed;
    }

    /** A string that must match {@code pattern}; {@code expected} explains the rule. */
    public String requiredMatching(String field, String pattern, String expected) {
        String value = requiredString(field, 1, 256);
        return checkPattern(field, value, pattern, expected);
    }

    public String optionalMatching(String field, String pattern, String expected) {
        String value = optionalString(field, 1, 256);
        return checkPattern(field, value, pattern, expected);
    }

    private String checkPattern(String field, String value, String pattern, String expected) {
        if (value != null && !value.matches(pattern)) {
            problem(field, expected);
            return null;
        }
        return value;
    }

    public String requiredEnum(String field, Collection<String> values) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalEnum(field, values);
    }

    public String optionalEnum(String field, Collection<String> values) {
        if (!has(field)) {
            return null;
        }
        Object value = fields.get(field);
        if (!(value instanceof String s) || !values.contains(s)) {
            problem(field, "must be one of " + String.join(", ", values));
            return null;
        }
        return s;
    }

    public Boolean requiredBoolean(String field) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalBoolean(field);
    }

    public Boolean optionalBoolean(String field) {
        if (!has(field)) {
            return null;
        }
        if (!(fields.get(field) instanceof Boolean b)) {
            problem(field, "must be true or false");
            return null;
        }
        return b;
    }

    public Long requiredLong(String field, long min, long max) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalLong(field, min, max);
    }

    /** Integers only: 1.5, "3" and 1e3 are type errors, not silently converted. */
    public Long optionalLong(String field, long min, long max) {
        if (!has(field)) {
            return null;
        }
        Object value = fields.get(field);
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof BigInteger)) {
            problem(field, "must be an integer");
            return null;
        }
        BigInteger number = value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(field, "must be between " + min + " and " + max);
            return null;
        }
        return number.longValue();
    }

    public Integer requiredInt(String field, int min, int max) {
        Long value = requiredLong(field, min, max);
        return value == null ? null : value.intValue();
    }

    public Integer optionalInt(String field, int min, int max) {
        Long value = optionalLong(field, min, max);
        return value == null ? null : value.intValue();
    }

    @SuppressWarnings("unchecked")
    public JsonInput requiredObject(String field) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalObject(field);
    }

    @SuppressWarnings("unchecked")
    public JsonInput optionalObject(String field) {
        if (!has(field)) {
            return null;
        }
        if (!(fields.get(field) instanceof Map<?, ?> map)) {
            problem(field, "must be an object");
            return null;
        }
        return new JsonInput((Map<String, Object>) map, path(field), problems);
    }

    /** The entries of an object whose values must all be strings (free-form attributes). */
    public Map<String, String> optionalStringMap(String field, int maxEntries, int maxLength) {
        JsonInput object = optionalObject(field);
        if (object == null) {
            return null;
        }
        if (object.fields.size() > maxEntries) {
            problem(field, "must have at most " + maxEntries + " entries");
            return null;
        }
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (String key : object.fields.keySet()) {
            if (key.isBlank() || key.length() > 64) {
                object.problem(key, "name must be 1-64 characters");
                continue;
            }
            String value = object.requiredString(key, 1, maxLength);
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    public List<JsonInput> requiredObjects(String field, int minSize, int maxSize) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalObjects(field, minSize, maxSize);
    }

    @SuppressWarnings("unchecked")
    public List<JsonInput> optionalObjects(String field, int minSize, int maxSize) {
        List<Object> items = list(field, minSize, maxSize);
        if (items == null) {
            return null;
        }
        List<JsonInput> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?> map) {
                result.add(new JsonInput((Map<String, Object>) map, itemPath, problems));
            } else {
                problems.add(new Refusal.Problem(itemPath, "must be an object"));
            }
        }
        return result;
    }

    public List<String> requiredStrings(String field, int minSize, int maxSize, Function<String, String> check) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalStrings(field, minSize, maxSize, check);
    }

    /** A list of strings; {@code check} returns a problem text for a bad element, or null. */
    public List<String> optionalStrings(String field, int minSize, int maxSize, Function<String, String> check) {
        List<Object> items = list(field, minSize, maxSize);
        if (items == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            if (!(items.get(i) instanceof String s)) {
                problems.add(new Refusal.Problem(itemPath, "must be a string"));
                continue;
            }
            String problem = check.apply(s);
            if (problem != null) {
                problems.add(new Refusal.Problem(itemPath, problem));
            } else {
                result.add(s);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String field, int minSize, int maxSize) {
        if (!has(field)) {
            return null;
        }
        if (!(fields.get(field) instanceof List<?> items)) {
            problem(field, "must be an array");
            return null;
        }
        if (items.size() < minSize || items.size() > maxSize) {
            problem(field, "must have between " + minSize + " and " + maxSize + " items");
            return null;
        }
        return (List<Object>) items;
    }

    /** Refuses the request, listing every problem recorded on this document. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** True when a problem was recorded on the field or anything inside it ({@code field[0].to}, {@code field.min}). */
    public boolean hasProblemsAt(String field) {
        String at = path(field);
        return problems.stream().map(Refusal.Problem::field)
                .anyMatch(f -> f.equals(at) || f.startsWith(at + "[") || f.startsWith(at + "."));
    }
}
