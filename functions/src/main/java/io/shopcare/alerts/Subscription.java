package io.shopcare.alerts;

import io.shopcare.mail.Language;
import java.time.Instant;
import java.util.List;

/**
 * A back-in-stock alert (one SKU) or a restock-digest subscription (categories; empty = all) of
 * one e-mail address. Its life: PENDING_CONFIRMATION → ACTIVE → NOTIFIED (alerts), or ended by
 * UNSUBSCRIBED / SUPPRESSED (bounce or complaint).
 */
public record Subscription(Ref ref, String email, Language language, Status status, Instant createdAt,
                           List<String> categoryIds) {

    public enum Status { PENDING_CONFIRMATION, ACTIVE, NOTIFIED, UNSUBSCRIBED, SUPPRESSED }

    /** Which subscription: an alert names its SKU; the digest has none. */
    public record Ref(String sku, String subscriberId) {

        public static Ref alert(String sku, String subscriberId) {
            return new Ref(sku, subscriberId);
        }

        public static Ref digest(String subscriberId) {
            return new Ref(null, subscriberId);
        }

        public boolean isDigest() {
            return sku == null;
        }

        /** What a confirm token is issued for: {@code A:sku:key} or {@code D:key}. */
        public String tokenSubject() {
            return isDigest() ? "D:" + subscriberId : "A:" + sku + ":" + subscriberId;
        }

        /** The reference a token subject names, or null when it names none. */
        public static Ref fromTokenSubject(String subject) {
            String[] parts = subject.split(":", -1);
            if (parts.length == 2 && parts[0].equals("D")) {
                return digest(parts[1]);
            }
            if (parts.length == 3 && parts[0].equals("A")) {
                return alert(parts[1], parts[2]);
            }
            return null;
        }
    }

    /** An ACTIVE subscription as a queue lists it: {@code position} is its place (sign-up time, id). */
    public record Queued(String subscriberId, String position) {
    }

    public Subscription withStatus(Status newStatus) {
        return new Subscription(ref, email, language, newStatus, createdAt, categoryIds);
    }
}
