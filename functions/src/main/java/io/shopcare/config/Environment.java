package io.shopcare.config;

import java.util.Map;

/**
 * A function's configuration, handed in through the constructor: in Lambda it is
 * {@code System.getenv()}, in tests and in the local stack a map built from template.yaml.
 * Every variable the code reads goes through {@link #require}, which the template test checks.
 */
public final class Environment {
    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
