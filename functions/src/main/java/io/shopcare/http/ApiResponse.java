package io.shopcare.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON (or, rarely, HTML) answer; {@link #toLambda()} maps it to the API Gateway v2 shape. */
public record ApiResponse(int status, String contentType, String body, Map<String, String> headers) {

    private static final String JSON_TYPE = "application/json; charset=utf-8";

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

    public static ApiResponse error(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (!e.details().isEmpty()) {
            List<Map<String, String>> details = e.details().stream()
                    .map(d -> Map.of("field", d.field(), "problem", d.problem()))
                    .toList();
            error.put("details", details);
        }
        return json(e.status(), Map.of("error", error));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, contentType, body, Map.copyOf(copy));
    }

    public APIGatewayV2HTTPResponse toLambda() {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-type", contentType);
        all.put("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
