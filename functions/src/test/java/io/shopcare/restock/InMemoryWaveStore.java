package io.shopcare.restock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Waves and alert claims in memory, with the same compare-and-set and claim rules as the real store. */
final class InMemoryWaveStore implements WaveStore {
    /** One alert of the queue: its place, who to write to, and whether a wave has it. */
    static final class Alert {
        final String subscriberId;
        final String position;
        final String email;
        String notifiedBy;
        boolean active = true;

        Alert(String subscriberId, String position, String email) {
            this.subscriberId = subscriberId;
            this.position = position;
            this.email = email;
        }
    }

    final Map<String, Wave> waves = new LinkedHashMap<>();
    final TreeMap<String, Alert> queue = new TreeMap<>();
    final List<Instant> followUps = new ArrayList<>();
    final Map<String, String> messageIds = new LinkedHashMap<>();
    /** When positive, the claim with this number (counting from 1) fails as storage would. */
    int crashOnClaim;
    /** Told the number of claims so far, after each claim (inside the store's lock). */
    java.util.function.IntConsumer afterClaim = claims -> { };
    private int claims;

    synchronized int claimCount() {
        return claims;
    }

    /** The wave that has the alert of this address, or null. */
    synchronized String claimedBy(String email) {
        return queue.values().stream().filter(a -> a.email.equals(email)).map(a -> a.notifiedBy).findFirst().orElse(null);
    }

    Alert addAlert(String subscriberId, String position, String email) {
        Alert alert = new Alert(subscriberId, position, email);
        queue.put(position, alert);
        return alert;
    }

    Wave newWave(String sku, String waveId, String productId, long budget) {
        Wave wave = new Wave(sku, waveId, productId, "event", 1, budget, 0, 0, Phase.HANDOFF, null, null, List.of());
        waves.put(waveId, wave);
        return wave;
    }

    @Override
    public synchronized Optional<Wave> wave(String sku, String waveId) {
        return Optional.ofNullable(waves.get(waveId));
    }

    @Override
    public synchronized List<QueuedAlert> activeAlerts(String sku, String after, int limit) {
        return (after == null ? queue : queue.tailMap(after, false)).values().stream().filter(a -> a.active)
                .limit(limit).map(a -> new QueuedAlert(a.subscriberId, a.position)).toList();
    }

    @Override
    public synchronized Optional<Wave> reserve(Wave wave, List<String> chunk, String cursor, long leaseFrom) {
        return update(wave, new Wave(wave.sku(), wave.waveId(), wave.productId(), wave.eventId(), wave.number(),
                wave.budget(), wave.reserved() + chunk.size(), wave.step() + 1, Phase.WORKING, leaseFrom, cursor,
                List.copyOf(chunk)));
    }

    @Override
    public synchronized Optional<Wave> unreserve(Wave wave, int count) {
        return update(wave, new Wave(wave.sku(), wave.waveId(), wave.productId(), wave.eventId(), wave.number(),
                wave.budget(), wave.reserved() - count, wave.step() + 1, wave.phase(), wave.leaseFrom(), wave.cursor(),
                List.of()));
    }

    @Override
    public synchronized Optional<Wave> handOff(Wave wave) {
        return update(wave, new Wave(wave.sku(), wave.waveId(), wave.productId(), wave.eventId(), wave.number(),
                wave.budget(), wave.reserved(), wave.step() + 1, Phase.HANDOFF, null, wave.cursor(), List.of()));
    }

    @Override
    public synchronized void finish(Wave wave, Instant followUpAt) {
        if (update(wave, new Wave(wave.sku(), wave.waveId(), wave.productId(), wave.eventId(), wave.number(),
                wave.budget(), wave.reserved(), wave.step() + 1, Phase.DONE, null, wave.cursor(), List.of())).isPresent()
                && followUpAt != null) {
            followUps.add(followUpAt);
        }
    }

    private Optional<Wave> update(Wave expected, Wave next) {
        Wave stored = waves.get(expected.waveId());
        if (stored == null || stored.step() != expected.step()) {
            return Optional.empty();
        }
        waves.put(next.waveId(), next);
        return Optional.of(next);
    }

    @Override
    public synchronized Claim claim(String sku, String subscriberId, String waveId, Instant now) {
        if (++claims == crashOnClaim) {
            throw new IllegalStateException("storage failed during claim " + claims);
        }
        afterClaim.accept(claims);
        Alert alert = alert(subscriberId);
        if (alert.active) {
            alert.active = false;
            alert.notifiedBy = waveId;
            return new Claim(ClaimOutcome.CLAIMED, new ClaimedAlert(subscriberId, alert.email, "en"));
        }
        return new Claim(waveId.equals(alert.notifiedBy) ? ClaimOutcome.CLAIMED_BEFORE : ClaimOutcome.UNAVAILABLE, null);
    }

    @Override
    public synchronized void release(String sku, String subscriberId, String waveId) {
        Alert alert = alert(subscriberId);
        if (!alert.active && waveId.equals(alert.notifiedBy)) {
            alert.active = true;
            alert.notifiedBy = null;
        }
    }

    @Override
    public synchronized void recordSends(String sku, String waveId, long step, Map<String, String> ids) {
        messageIds.putAll(ids);
    }

    private Alert alert(String subscriberId) {
        return queue.values().stream().filter(a -> a.subscriberId.equals(subscriberId)).findFirst().orElseThrow();
    }
}
