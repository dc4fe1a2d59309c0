package io.shopcare.local;

import io.shopcare.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An answer the gateway gives itself, before or instead of a function: always the contract's
 * error shape {@code {"error":{"code","message"}}}, never a class name or stack trace.
 */
record GatewayError(int status, String code, String message) {
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    static GatewayError malformed(String message) {
        return new GatewayError(400, "MALFORMED_REQUEST", message);
    }

    static GatewayError payloadTooLarge() {
        return new GatewayError(413, "PAYLOAD_TOO_LARGE", "The request body is larger than 10 MiB.");
    }

    static GatewayError unauthorized() {
        return new GatewayError(401, "UNAUTHORIZED", "This route needs Authorization: Bearer <admin token>.");
    }

    static GatewayError notFound(String method) {
        return new GatewayError(404, "NOT_FOUND", "There is no " + method + " route for this path.");
    }

    static GatewayError internal() {
        return new GatewayError(500, "INTERNAL_ERROR", "Something went wrong on our side; it has been logged.");
    }

    /**
     * What the gateway answers for a status Jetty decided on (a request it could not parse): the
     * contract allows 400, 413 and 500 here; 414, 431, 501, 505 and the rest are malformed input.
     */
    static GatewayError forStatus(int status, String reason) {
        if (status == 413) {
            return payloadTooLarge();
        }
        if (status >= 500 && status != 501 && status != 505) {
            return internal();
        }
        return malformed(switch (status) {
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            case 505 -> "Only HTTP/1.0 and HTTP/1.1 are supported.";
            default -> "The request could not be parsed as HTTP" + detail(reason) + ".";
        });
    }

    /** Jetty's short reason ("Bad URI", "Invalid Content-Length Value"), when it is plain text. */
    private static String detail(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 80
                || !reason.chars().allMatch(c -> c >= 32 && c < 127)) {
            return "";
        }
        return " (" + reason + ")";
    }

    byte[] body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes this error as the whole response (the caller may have added headers, e.g. CORS). */
    void send(Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (status == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        response.write(true, ByteBuffer.wrap(body()), callback);
    }
}
