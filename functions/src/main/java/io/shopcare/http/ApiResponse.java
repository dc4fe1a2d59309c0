package io.shopcare.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.json.Json;
import io.shopcare.outcome.Refusal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON (or, rarely, HTML or binary) answer; {@link #toLambda()} and {@link #toPayload()} map it to
 * the API Gateway v2 shape (as an event object, or as the JSON document itself). A binary answer
 * (a PDF) carries its bytes base64-encoded with {@code isBase64Encoded}, which an HTTP API decodes
 * before it answers the client.
 */
public record ApiResponse(int status, String contentType, String body, Map<String, String> headers,
                          boolean base64Encoded) {

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    /** A text answer. */
    public ApiResponse(int status, String contentType, String body, Map<String, String> headers) {
        this(status, contentType, body, headers, false);
    }

    /** Bytes of {@code contentType} (a PDF, an image), sent base64-encoded. */
    public static ApiResponse binary(int status, String contentType, byte[] bytes) {
        return new ApiResponse(status, contentType, Base64.getEncoder().encodeToString(bytes), Map.of(), true);
    }

    public static ApiResponse json(int status, Object document) {
        return new ApiResponse(status, JSON_TYPE, Json.write(document), Map.of());
    }

    /** For answers that were stored as JSON text (idempotent replays, read-model documents). */
    public static ApiResponse rawJson(int status, String jsonText) {
        return new ApiResponse(status, JSON_TYPE, jsonText, Map.of());
    }

    public static ApiResponse ok(Object document) {
        return json(200, document);
    }

    public static ApiResponse html(int status, String html) {
        return new ApiResponse(status, "text/html; charset=utf-8", html, Map.of());
    }

    /**
     * 303 See Other to {@code location}: a browser that followed a link is sent on to a page (with
     * a GET), after the request itself was handled.
     */
    public static ApiResponse seeOther(String location) {
        return new ApiResponse(303, "text/plain; charset=utf-8", "See " + location + "\n", Map.of("location", location));
    }

    /** What the edge itself refused (size, media type, syntax). */
    public static ApiResponse error(ApiException e) {
        return error(e.status(), e.code(), e.getMessage(), List.of());
    }

    /** A domain refusal: each kind has its status here, in one place. */
    public static ApiResponse error(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case EXPIRED -> 410;
            case KEY_REUSED -> 422;
            case LIMITED -> 429;
        };
        return error(status, refusal.code(), refusal.getMessage(), refusal.problems());
    }

    /** The contract's error shape: {@code {"error": {"code", "message", "details"?: [{"field", "problem"}]}}}. */
    public static ApiResponse error(int status, String code, String message, List<Refusal.Problem> problems) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (!problems.isEmpty()) {
            error.put("details", problems.stream().map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
        }
        return json(status, Map.of("error", error));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, contentType, body, Map.copyOf(copy), base64Encoded);
    }

    public APIGatewayV2HTTPResponse toLambda() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(allHeaders())
                .withBody(body)
                .withIsBase64Encoded(base64Encoded)
                .build();
    }

    /** The payload-2.0 answer as Lambda takes it from a handler that writes its own JSON. */
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("statusCode", status);
        payload.put("headers", allHeaders());
        payload.put("body", body);
        payload.put("isBase64Encoded", base64Encoded);
        return payload;
    }

    private Map<String, String> allHeaders() {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-type", contentType);
        all.put("cache-control", "no-store");
        return all;
    }
}
