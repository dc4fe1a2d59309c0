package io.shopcare.local;

import io.shopcare.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda event filtering (FilterCriteria) over a record's JSON form, with EventBridge pattern
 * semantics: patterns OR, keys of a pattern AND, the values listed for one key OR; nested objects
 * match nested fields; an array in the record matches when any element does. Rules: exact values
 * (typed: the string "5" is not the number 5, as in AWS, where DynamoDB's N values are strings),
 * null, prefix, suffix, equals-ignore-case, anything-but (values or a prefix), exists (leaf fields
 * only) and numeric (JSON numbers only). Anything else is rejected when the filter is built, so a
 * pattern AWS would refuse fails at start-up instead of filtering silently.
 */
final class EventFilter {
    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case", "anything-but",
            "exists", "numeric");
    private static final Set<String> COMPARISONS = Set.of("=", "<", "<=", ">", ">=");
    private final List<Map<String, Object>> patterns;

    EventFilter(List<String> patterns) {
        this.patterns = patterns.stream().map(EventFilter::parse).toList();
    }

    /** True when there are no filters or any pattern matches. */
    boolean matches(Map<String, Object> record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, record));
    }

    private static Map<String, Object> parse(String pattern) {
        Map<String, Object> parsed;
        try {
            parsed = Json.parseObject(pattern);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("filter pattern is not a JSON object: " + pattern, e);
        }
        validate(parsed, pattern);
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static void validate(Map<String, Object> pattern, String text) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty object in filter pattern " + text);
        }
        for (Map.Entry<String, Object> field : pattern.entrySet()) {
            if (field.getValue() instanceof Map<?, ?> nested) {
                validate((Map<String, Object>) nested, text);
            } else if (field.getValue() instanceof List<?> rules) {
                if (rules.isEmpty()) {
                    throw new IllegalArgumentException("no values for " + field.getKey() + " in filter pattern " + text);
                }
                rules.forEach(rule -> validateRule(rule, field.getKey(), text));
            } else {
                throw new IllegalArgumentException("the values of " + field.getKey()
                        + " must be an array (or an object for nested fields) in filter pattern " + text);
            }
        }
    }

    private static void validateRule(Object rule, String field, String text) {
        if (!(rule instanceof Map<?, ?> operator)) {
            return;
        }
        String name = operator.size() == 1 ? String.valueOf(operator.keySet().iterator().next()) : "";
        if (!OPERATORS.contains(name)) {
            throw new IllegalArgumentException("unsupported rule " + Json.write(rule) + " for " + field
                    + " in filter pattern " + text + "; supported: " + OPERATORS);
        }
        Object argument = operator.get(name);
        boolean valid = switch (name) {
            case "exists" -> argument instanceof Boolean;
            case "numeric" -> argument instanceof List<?> list && validNumeric(list);
            case "anything-but" -> argument instanceof List<?> || argument instanceof String || argument instanceof Number
                    || argument instanceof Map<?, ?> m && m.size() == 1 && m.get("prefix") instanceof String;
            default -> argument instanceof String;
        };
        if (!valid) {
            throw new IllegalArgumentException("malformed rule " + Json.write(rule) + " for " + field
                    + " in filter pattern " + text);
        }
    }

    private static boolean validNumeric(List<?> comparisons) {
        if (comparisons.isEmpty() || comparisons.size() % 2 != 0 || comparisons.size() > 4) {
            return false;
        }
        for (int i = 0; i < comparisons.size(); i += 2) {
            if (!COMPARISONS.contains(String.valueOf(comparisons.get(i))) || !(comparisons.get(i + 1) instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> pattern, Map<String, Object> value) {
        for (Map.Entry<String, Object> field : pattern.entrySet()) {
            Object actual = value == null ? null : value.get(field.getKey());
            if (field.getValue() instanceof Map<?, ?> nested) {
                // Below a missing object every field is missing (so "exists": false can still match).
                Map<String, Object> inner = actual instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
                if (!matches((Map<String, Object>) nested, inner)) {
                    return false;
                }
            } else if (!anyRule((List<Object>) field.getValue(), actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyRule(List<Object> rules, Object actual) {
        for (Object rule : rules) {
            if (rule instanceof Map<?, ?> operator && operator.containsKey("exists")) {
                // exists looks at the field itself, not at the elements of an array.
                boolean present = actual != null && !(actual instanceof Map);
                if (Boolean.TRUE.equals(operator.get("exists")) ? present : actual == null) {
                    return true;
                }
                continue;
            }
            if (actual instanceof List<?> elements) {
                if (elements.stream().anyMatch(element -> matchesRule(rule, element))) {
                    return true;
                }
            } else if (matchesRule(rule, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesRule(Object rule, Object actual) {
        if (actual instanceof Map) {
            return false; // rules match leaf values only
        }
        if (!(rule instanceof Map<?, ?> operator)) {
            return equal(rule, actual);
        }
        Map.Entry<?, ?> only = operator.entrySet().iterator().next();
        Object argument = only.getValue();
        String text = actual instanceof String s ? s : null;
        return switch (String.valueOf(only.getKey())) {
            case "prefix" -> text != null && text.startsWith((String) argument);
            case "suffix" -> text != null && text.endsWith((String) argument);
            case "equals-ignore-case" -> text != null && text.equalsIgnoreCase((String) argument);
            case "anything-but" -> actual != null && anythingBut(argument, actual);
            case "numeric" -> actual instanceof Number number && numeric((List<?>) argument, number);
            default -> false;
        };
    }

    private static boolean anythingBut(Object argument, Object actual) {
        if (argument instanceof Map<?, ?> prefix) {
            return !(actual instanceof String s) || !s.startsWith((String) prefix.get("prefix"));
        }
        List<?> excluded = argument instanceof List<?> list ? list : List.of(argument);
        return excluded.stream().noneMatch(e -> equal(e, actual));
    }

    /** Typed equality: strings with strings, numbers by value, booleans and null as themselves. */
    private static boolean equal(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    private static boolean numeric(List<?> comparisons, Number actual) {
        BigDecimal value = new BigDecimal(actual.toString());
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            int c = value.compareTo(new BigDecimal(comparisons.get(i + 1).toString()));
            boolean ok = switch (String.valueOf(comparisons.get(i))) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
