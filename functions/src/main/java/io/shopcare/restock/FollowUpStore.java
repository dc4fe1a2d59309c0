package io.shopcare.restock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Waves that used up their budget while alerts were still waiting: the next wave, at most hourly. */
public interface FollowUpStore {

    record FollowUp(String key, String sku, String productId, String eventId, int nextWave) {
    }

    /** Follow-ups due at {@code now}, oldest first. */
    List<FollowUp> due(Instant now, int limit);

    /** The SKU's newest restock event, to tell whether a follow-up is still the current one. */
    Optional<String> lastRestockEvent(String productId, String sku);

    /** Starts the follow-up's wave with {@code budget} and removes the follow-up, atomically. */
    void startWave(FollowUp followUp, int budget, Instant now);

    void discard(FollowUp followUp);
}
