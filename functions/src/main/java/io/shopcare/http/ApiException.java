package io.shopcare.http;

import java.util.List;

/**
 * A failure that the caller caused or must know about, rendered in the contract's error shape:
 * {@code {"error": {"code", "message", "details": [{"field", "problem"}]}}}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Detail> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Detail> details() {
        return details;
    }

    public record Detail(String field, String problem) {
    }

    public static ApiException validation(List<Detail> details) {
        return new ApiException(400, "VALIDATION_FAILED", "The request is not valid.", details);
    }

    public static ApiException invalid(String field, String problem) {
        return validation(List.of(new Detail(field, problem)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " was not found.");
    }

    public static ApiException conflict(String code, String message, List<Detail> details) {
        return new ApiException(409, code, message, details);
    }
}
