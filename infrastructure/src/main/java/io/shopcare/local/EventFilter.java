package io.shopcare.local;

import io.shopcare.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Lambda event filtering (FilterCriteria) over a record's JSON form: keys AND, array values OR;
 * supports exact values, prefix, suffix, anything-but, exists, equals-ignore-case and numeric.
 */
final class EventFilter {
    private final List<Map<String, Object>> patterns;

    EventFilter(List<String> patterns) {
        this.patterns = patterns.stream().map(Json::parseObject).toList();
    }

    /** True when there are no filters or any pattern matches. */
    boolean matches(Map<String, Object> record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, record));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> pattern, Map<String, Object> value) {
        for (Map.Entry<String, Object> field : pattern.entrySet()) {
            Object actual = value == null ? null : value.get(field.getKey());
            if (field.getValue() instanceof Map<?, ?> nested) {
                if (!(actual instanceof Map<?, ?>) || !matches((Map<String, Object>) nested, (Map<String, Object>) actual)) {
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
            if (rule instanceof Map<?, ?> operator ? matchesOperator(operator, actual)
                    : actual != null && !(actual instanceof Map) && String.valueOf(rule).equals(String.valueOf(actual))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOperator(Map<?, ?> operator, Object actual) {
        Map.Entry<?, ?> only = operator.entrySet().iterator().next();
        Object argument = only.getValue();
        String text = actual == null || actual instanceof Map ? null : String.valueOf(actual);
        return switch (String.valueOf(only.getKey())) {
            case "prefix" -> text != null && text.startsWith(String.valueOf(argument));
            case "suffix" -> text != null && text.endsWith(String.valueOf(argument));
            case "equals-ignore-case" -> text != null && text.equalsIgnoreCase(String.valueOf(argument));
            case "exists" -> Boolean.TRUE.equals(argument) == (actual != null);
            case "anything-but" -> text != null && (argument instanceof List<?> list
                    ? list.stream().noneMatch(a -> String.valueOf(a).equals(text))
                    : !String.valueOf(argument).equals(text));
            case "numeric" -> text != null && numeric((List<?>) argument, text);
            default -> throw new IllegalArgumentException("unsupported filter operator " + only.getKey());
        };
    }

    private static boolean numeric(List<?> comparisons, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return false;
        }
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            int c = value.compareTo(new BigDecimal(String.valueOf(comparisons.get(i + 1))));
            boolean ok = switch (String.valueOf(comparisons.get(i))) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
