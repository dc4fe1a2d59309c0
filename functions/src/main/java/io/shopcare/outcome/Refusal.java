package io.shopcare.outcome;

import java.util.List;

/**
 * The domain's "no": a request that cannot be done, said in the domain's terms (what kind of no,
 * a stable code, a message a person can act on, and which inputs were wrong). The edge maps each
 * kind to its HTTP status in one place; domain code never names a status.
 */
public final class Refusal extends RuntimeException {

    public enum Kind {
        /** The input breaks a rule (missing, malformed, out of range). */
        INVALID,
        /** What the request names does not exist (or must not be revealed to exist). */
        NOT_FOUND,
        /** The request does not fit the current state (not enough stock, already shipped, ...). */
        CONFLICT,
        /** A link or token that was valid has run out. */
        EXPIRED,
        /** Too many requests of this kind for this subject, for now. */
        LIMITED,
        /** An idempotency key came back with a different request. */
        KEY_REUSED
    }

    /** One wrong input, named by its path in the request ({@code lines[1].quantity}). */
    public record Problem(String field, String problem) {
    }

    private final Kind kind;
    private final String code;
    private final List<Problem> problems;

    private Refusal(Kind kind, String code, String message, List<Problem> problems) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }

    public static Refusal invalid(List<Problem> problems) {
        return new Refusal(Kind.INVALID, "VALIDATION_FAILED", "The request is not valid.", problems);
    }

    public static Refusal invalid(String field, String problem) {
        return invalid(List.of(new Problem(field, problem)));
    }

    /** An input that is invalid as a whole (a forged cursor), with its own code. */
    public static Refusal malformed(String code, String message) {
        return new Refusal(Kind.INVALID, code, message, List.of());
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "NOT_FOUND", what + " was not found.", List.of());
    }

    public static Refusal notFound(String message, List<Problem> problems) {
        return new Refusal(Kind.NOT_FOUND, "NOT_FOUND", message, problems);
    }

    public static Refusal conflict(String code, String message) {
        return conflict(code, message, List.of());
    }

    public static Refusal conflict(String code, String message, List<Problem> problems) {
        return new Refusal(Kind.CONFLICT, code, message, problems);
    }

    public static Refusal expired(String code, String message) {
        return new Refusal(Kind.EXPIRED, code, message, List.of());
    }

    public static Refusal limited(String code, String message) {
        return new Refusal(Kind.LIMITED, code, message, List.of());
    }

    public static Refusal keyReused(String message) {
        return new Refusal(Kind.KEY_REUSED, "IDEMPOTENCY_KEY_REUSED", message, List.of());
    }
}
