package io.shopcare.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HttpApi's {@code CorsConfiguration} from template.yaml, applied as API Gateway applies it
 * to an HTTP API: it answers preflight requests itself (no function runs, no authorizer), adds
 * the configured headers to every other answer when the request's Origin is allowed, and drops
 * CORS headers a function returned (the configuration is the only source).
 */
record CorsPolicy(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                  List<String> exposeHeaders, Integer maxAgeSeconds, boolean allowCredentials) {

    CorsPolicy {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
        if (allowCredentials && allowOrigins.contains("*")) {
            // API Gateway refuses this configuration at deployment; so does the local stack at start.
            throw new IllegalStateException("CorsConfiguration: AllowCredentials is not supported if AllowOrigins is *");
        }
    }

    /** The policy for a template's CorsConfiguration map (intrinsics resolved), or null without one. */
    static CorsPolicy from(Map<String, Object> configuration) {
        if (configuration == null || configuration.isEmpty()) {
            return null;
        }
        Object maxAge = configuration.get("MaxAge");
        return new CorsPolicy(strings(configuration.get("AllowOrigins")), strings(configuration.get("AllowMethods")),
                strings(configuration.get("AllowHeaders")), strings(configuration.get("ExposeHeaders")),
                maxAge == null ? null : Integer.valueOf(String.valueOf(maxAge)),
                Boolean.parseBoolean(String.valueOf(configuration.get("AllowCredentials"))));
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    /** A browser's preflight: OPTIONS with an Origin and Access-Control-Request-Method. */
    static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
    }

    /**
     * The headers of the gateway's 204 answer to a preflight: empty when the origin, the method
     * or one of the headers asked for is not allowed (the browser then refuses the request).
     */
    Map<String, String> preflightHeaders(String origin, String requestedMethod, String requestedHeaders) {
        String allowedOrigin = allowedOrigin(origin);
        if (allowedOrigin == null || !allowsMethod(requestedMethod) || !allowsHeaders(requestedHeaders)) {
            return Map.of();
        }
        Map<String, String> headers = originHeaders(allowedOrigin);
        if (!allowMethods.isEmpty()) {
            headers.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
        }
        if (!allowHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
        }
        if (maxAgeSeconds != null) {
            headers.put("Access-Control-Max-Age", Integer.toString(maxAgeSeconds));
        }
        return headers;
    }

    /** The headers added to an actual (non-preflight) answer; empty when the origin is not allowed. */
    Map<String, String> responseHeaders(String origin) {
        String allowedOrigin = origin == null ? null : allowedOrigin(origin);
        if (allowedOrigin == null) {
            return Map.of();
        }
        Map<String, String> headers = originHeaders(allowedOrigin);
        if (!exposeHeaders.isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
        return headers;
    }

    static boolean isCorsHeader(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("access-control-");
    }

    private Map<String, String> originHeaders(String allowedOrigin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", allowedOrigin);
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (!"*".equals(allowedOrigin)) {
            // The answer depends on the Origin header: shared caches must keep one copy per origin.
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    /** {@code *} when every origin is allowed, the origin itself when a listed one matches, else null. */
    String allowedOrigin(String origin) {
        if (allowOrigins.contains("*")) {
            return "*";
        }
        for (String allowed : allowOrigins) {
            // Entries like https://* match every origin of that scheme.
            if (allowed.contains("*") ? wildcard(allowed).matcher(origin).matches() : allowed.equalsIgnoreCase(origin)) {
                return origin;
            }
        }
        return null;
    }

    private boolean allowsMethod(String method) {
        return allowMethods.contains("*") || allowMethods.stream().anyMatch(m -> m.equalsIgnoreCase(method.trim()));
    }

    private boolean allowsHeaders(String requested) {
        if (requested == null || requested.isBlank() || allowHeaders.contains("*")) {
            return true;
        }
        for (String header : requested.split(",")) {
            String name = header.trim();
            if (!name.isEmpty() && allowHeaders.stream().noneMatch(h -> h.equalsIgnoreCase(name))) {
                return false;
            }
        }
        return true;
    }

    private static Pattern wildcard(String allowed) {
        StringBuilder regex = new StringBuilder();
        for (String part : allowed.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
