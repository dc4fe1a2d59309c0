package io.shopcare.http;

/**
 * A request the HTTP edge itself refuses before any domain code runs: a body that is too large,
 * not JSON, or not valid JSON. Domain outcomes are {@link io.shopcare.outcome.Refusal}s instead.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
