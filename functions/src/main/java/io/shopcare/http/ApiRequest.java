package io.shopcare.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.json.Json;
import io.shopcare.observability.LogContext;
import io.shopcare.outcome.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) request that handlers use, with the
 * contract's conventions applied: body limit, JSON media type, id syntax, query parameters.
 */
public final class ApiRequest {
    /** Bodies larger than this are refused with 413 (the contract's limit, not API Gateway's). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;
    private final String body;

    private ApiRequest(String method, String path, Map<String, String> headers,
                       Map<String, String> pathParameters, Map<String, String> queryParameters, String body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.queryParameters = queryParameters;
        this.body = body;
    }

    public static ApiRequest of(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : null;
        return of(method, event.getRawPath(), event.getHeaders(), event.getPathParameters(),
                event.getQueryStringParameters(), event.getBody(), event.getIsBase64Encoded());
    }

    /**
     * The payload-2.0 event as Lambda delivers it (JSON read into maps): what a handler reads when
     * it takes the raw event, without the Lambda runtime's own deserializer.
     */
    public static ApiRequest fromPayload(Map<String, Object> event) {
        Object method = map(map(event.get("requestContext")).get("http")).get("method");
        Object path = event.get("rawPath");
        Object body = event.get("body");
        return of(method instanceof String m ? m : null, path instanceof String p ? p : null,
                strings(event.get("headers")), strings(event.get("pathParameters")),
                strings(event.get("queryStringParameters")), body instanceof String b ? b : null,
                Boolean.TRUE.equals(event.get("isBase64Encoded")));
    }

    private static ApiRequest of(String method, String rawPath, Map<String, String> rawHeaders,
                                 Map<String, String> pathParameters, Map<String, String> queryParameters,
                                 String rawBody, boolean base64) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (rawHeaders != null) {
            headers.putAll(rawHeaders);
        }
        String body = rawBody;
        if (body != null && base64) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "MALFORMED_BODY", "The request body is not valid base64.");
            }
            body = new String(raw, StandardCharsets.UTF_8);
        }
        return new ApiRequest((method == null ? "GET" : method).toUpperCase(Locale.ROOT), rawPath, headers,
                pathParameters == null ? Map.of() : Map.copyOf(pathParameters),
                queryParameters == null ? Map.of() : Map.copyOf(queryParameters), body);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** A JSON object of strings (headers, parameters); null when absent. Other values are left out. */
    private static Map<String, String> strings(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, String> strings = new java.util.HashMap<>();
        map.forEach((name, text) -> {
            if (name instanceof String n && text instanceof String t) {
                strings.put(n, t);
            }
        });
        return strings;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** A path parameter that is an identifier (letters, digits, '.', '_', '-'; 1–64 chars); else 400. */
    public String pathId(String name) {
        String value = pathParameters.get(name);
        if (value == null || !ID.matcher(value).matches()) {
            throw Refusal.invalid(name, "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        LogContext.touch(name, value);
        return value;
    }

    /** The raw query parameter, or null. */
    public String query(String name) {
        String value = queryParameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Rejects query parameters the route does not know (a typo must not silently widen a listing). */
    public void allowQueryParameters(Set<String> allowed) {
        for (String name : queryParameters.keySet()) {
            if (!allowed.contains(name)) {
                throw Refusal.invalid(name, "unknown query parameter");
            }
        }
    }

    /**
     * The contract's list limit: 1–100, default 24. Plain ASCII digits only: Integer.parseInt would
     * also take "+5" and other scripts' digits ("٥"), which no client means to send.
     */
    public int limit() {
        String raw = queryParameters.get("limit");
        if (raw == null) {
            return 24;
        }
        if (DIGITS.matcher(raw).matches()) {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        }
        throw Refusal.invalid("limit", "must be an integer between 1 and 100");
    }

    /** The raw body text or null; enforces the size limit. */
    public String body() {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "The request body is larger than 64 KiB.");
        }
        return body;
    }

    /** The request's {@code Idempotency-Key}, if it carries one; 400 when the header is malformed. */
    public Optional<IdempotencyKey> idempotencyKey() {
        String key = header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw Refusal.invalid("Idempotency-Key", "must be 1-128 printable ASCII characters without spaces");
        }
        return Optional.of(IdempotencyKey.of(key, method, path, body()));
    }

    /**
     * The body as a JSON object, checked in the order a client can fix things: size (413),
     * media type (415), syntax (400).
     */
    public JsonInput jsonBody() {
        String text = body();
        if (text == null || text.isBlank()) {
            throw new ApiException(400, "MALFORMED_BODY", "A JSON request body is required.");
        }
        String contentType = header("content-type");
        if (contentType == null || !isJson(contentType)) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be application/json.");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.MalformedJsonException e) {
            throw new ApiException(400, "MALFORMED_BODY", "The request body is not valid JSON.");
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new ApiException(400, "MALFORMED_BODY", "The request body must be a JSON object.");
        }
        return JsonInput.root(parsed);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
