package io.shopcare.local;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Template parameter values given on the command line, as {@code sam deploy --parameter-overrides}
 * takes them ({@code Key=Value}, or {@code ParameterKey=Key,ParameterValue=Value}; several pairs
 * may share one argument, separated by spaces, values with spaces in double quotes), checked
 * against the template's constraints as CloudFormation would check them.
 */
final class ParameterOverrides {
    private static final Pattern LONG_FORM = Pattern.compile("ParameterKey=([^,]+),ParameterValue=(.*)");

    private ParameterOverrides() {
    }

    /** @throws IllegalArgumentException for a pair without {@code =} or an empty name */
    static Map<String, String> parse(List<String> arguments) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String argument : arguments) {
            for (String pair : split(argument)) {
                var longForm = LONG_FORM.matcher(pair);
                String name;
                String value;
                if (longForm.matches()) {
                    name = longForm.group(1);
                    value = longForm.group(2);
                } else {
                    int equals = pair.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("parameter override '" + pair + "' is not Key=Value");
                    }
                    name = pair.substring(0, equals);
                    value = pair.substring(equals + 1);
                }
                overrides.put(name, unquote(value));
            }
        }
        return overrides;
    }

    /** Splits on spaces outside double quotes. */
    private static List<String> split(String argument) {
        List<String> pairs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : argument.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    pairs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            pairs.add(current.toString());
        }
        return pairs;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** What is wrong with the overrides for this template: unknown names and broken constraints. */
    static List<String> problems(Map<String, Map<String, Object>> parameters, Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        overrides.forEach((name, value) -> {
            Map<String, Object> definition = parameters.get(name);
            if (definition == null) {
                problems.add("unknown template parameter " + name + " (the template has " + String.join(", ",
                        parameters.keySet()) + ")");
                return;
            }
            String problem = problem(definition, value);
            if (problem != null) {
                problems.add("parameter " + name + "=" + value + ": " + problem);
            }
        });
        return problems;
    }

    private static String problem(Map<String, Object> definition, String value) {
        Object allowed = definition.get("AllowedValues");
        if (allowed instanceof List<?> values && values.stream().map(String::valueOf).noneMatch(value::equals)) {
            return "must be one of " + values;
        }
        if ("Number".equals(definition.get("Type"))) {
            BigDecimal number;
            try {
                number = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                return "must be a number";
            }
            if (definition.get("MinValue") != null && number.compareTo(decimal(definition.get("MinValue"))) < 0) {
                return "must be at least " + definition.get("MinValue");
            }
            if (definition.get("MaxValue") != null && number.compareTo(decimal(definition.get("MaxValue"))) > 0) {
                return "must be at most " + definition.get("MaxValue");
            }
            return null;
        }
        if (definition.get("AllowedPattern") != null) {
            try {
                if (!Pattern.compile(String.valueOf(definition.get("AllowedPattern"))).matcher(value).matches()) {
                    return "must match " + definition.get("AllowedPattern");
                }
            } catch (PatternSyntaxException e) {
                return "the template's AllowedPattern does not compile";
            }
        }
        if (definition.get("MinLength") != null && value.length() < ((Number) definition.get("MinLength")).intValue()) {
            return "must be at least " + definition.get("MinLength") + " characters long";
        }
        if (definition.get("MaxLength") != null && value.length() > ((Number) definition.get("MaxLength")).intValue()) {
            return "must be at most " + definition.get("MaxLength") + " characters long";
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
