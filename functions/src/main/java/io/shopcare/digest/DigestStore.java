package io.shopcare.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The restock log, the digest subscribers and each week's run. */
public interface DigestStore {

    /** A restocked SKU as the restock log has it. */
    record Restock(String productId, String sku) {
    }

    /** A confirmed digest subscriber; {@code position} is its place in the subscriber queue. */
    record Subscriber(String subscriberId, String position) {
    }

    /** A claimed subscriber: who to write to and what they want. */
    record Recipient(String subscriberId, String email, String language, List<String> categoryIds) {
    }

    List<Restock> restockedOn(LocalDate day);

    /** Where this week's run stopped (empty: not started); "DONE" when it is over. */
    Optional<String> runCursor(String week);

    void saveRunCursor(String week, String cursor);

    List<Subscriber> subscribers(String after, int limit);

    /** Marks the subscriber as sent for {@code week} if still ACTIVE and not sent yet; empty otherwise. */
    Optional<Recipient> claim(String subscriberId, String week);

    void recordSent(String subscriberId, String messageId);
}
