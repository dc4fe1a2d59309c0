package io.shopcare.restock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Restock waves and the claims that make each alert's e-mail happen at most once. */
public interface WaveStore {

    /**
     * One wave of e-mails for a restock event. {@code step} orders every change; a worker owns
     * the wave while it is WORKING with {@code leaseFrom} = the step of the hand-off it started from.
     * {@code pending} is the chunk reserved last: a worker that resumes after a crash finishes it.
     */
    record Wave(String sku, String waveId, String productId, String eventId, int number, long budget, long reserved,
                long step, Phase phase, Long leaseFrom, String cursor, List<String> pending) {
    }

    enum Phase { HANDOFF, WORKING, DONE }

    /** An ACTIVE alert as the queue index lists it; {@code position} is its place (sign-up time, key). */
    record QueuedAlert(String subscriberId, String position) {
    }

    /** A claimed alert: who to write to. */
    record ClaimedAlert(String subscriberId, String email, String language) {
    }

    /** What a claim found: the alert is now ours, was ours already (this wave), or is not available. */
    enum ClaimOutcome { CLAIMED, CLAIMED_BEFORE, UNAVAILABLE }

    /** The outcome of a claim and, when CLAIMED, who to write to. */
    record Claim(ClaimOutcome outcome, ClaimedAlert recipient) {
    }

    Optional<Wave> wave(String sku, String waveId);

    /** The oldest ACTIVE alerts of the SKU placed after {@code after} (null: from the start). */
    List<QueuedAlert> activeAlerts(String sku, String after, int limit);

    /**
     * Reserves the chunk's e-mails of the budget, remembers the chunk as pending and moves the
     * cursor, owned by the worker that started at {@code leaseFrom}; empty when somebody else
     * changed the wave first.
     */
    Optional<Wave> reserve(Wave wave, List<String> chunk, String cursor, long leaseFrom);

    /** Gives back reserved e-mails that were not sent (alerts claimed elsewhere, refused sends); ends the pending chunk. */
    Optional<Wave> unreserve(Wave wave, int count);

    /** Ends this worker's turn; the wave's stream record starts the next one. */
    Optional<Wave> handOff(Wave wave);

    /** The wave is over; when {@code followUpAt} is set, a follow-up wave is considered then. */
    void finish(Wave wave, Instant followUpAt);

    /** Marks the alert NOTIFIED for this wave if it is still ACTIVE. */
    Claim claim(String sku, String subscriberId, String waveId, Instant now);

    /** Undoes a claim whose e-mail was certainly not sent. */
    void release(String sku, String subscriberId, String waveId);

    /** Records the provider's message ids of a chunk of sends (alert key → message id). */
    void recordSends(String sku, String waveId, long step, Map<String, String> messageIds);
}
