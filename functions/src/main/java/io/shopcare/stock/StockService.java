package io.shopcare.stock;

import io.shopcare.concurrency.Backoff;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.idempotency.IdempotencyStore;
import io.shopcare.json.Json;
import io.shopcare.observability.Metrics;
import io.shopcare.outcome.Refusal;
import io.shopcare.stock.StockRepository.StoredLevel;
import io.shopcare.stock.StockRepository.WriteRefusedException;
import java.util.List;
import java.util.Optional;

/**
 * Sets and adjusts stock levels. Each change is a compare-and-set on the level's version, so
 * concurrent adjustments never lose an update; an adjustment with an idempotency key applies once.
 */
public final class StockService {
    private static final int ATTEMPTS = 12;
    private final StockRepository repository;
    private final IdempotencyStore idempotency;

    public StockService(StockRepository repository, IdempotencyStore idempotency) {
        this.repository = repository;
        this.idempotency = idempotency;
    }

    /** The merchant's count of what is on hand; an unchanged count writes nothing. */
    public StockLevel setOnHand(String sku, String locationId, long onHand) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String productId = productOf(sku);
            Optional<StoredLevel> stored = repository.find(sku, locationId);
            if (stored.isPresent() && stored.get().level().onHand() == onHand) {
                return stored.get().level();
            }
            long reserved = stored.map(s -> s.level().reserved()).orElse(0L);
            StockLevel level = new StockLevel(sku, locationId, onHand, reserved);
            if (write(level, productId, stored, null)) {
                return level;
            }
            Backoff.pause(attempt);
        }
        throw busy();
    }

    /** Adds {@code delta} (may be negative) to what is on hand; 409 if it would go below zero. */
    public StockLevel adjust(String sku, String locationId, long delta, IdempotencyKey key) {
        Optional<StockLevel> replay = replay(key);
        if (replay.isPresent()) {
            return replay.get();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String productId = productOf(sku);
            Optional<StoredLevel> stored = repository.find(sku, locationId);
            long onHand = stored.map(s -> s.level().onHand()).orElse(0L);
            if (onHand + delta < 0) {
                throw Refusal.conflict("STOCK_BELOW_ZERO", "The adjustment would take stock below zero.",
                        List.of(new Refusal.Problem("delta", "only " + onHand + " on hand")));
            }
            StockLevel level = new StockLevel(sku, locationId, onHand + delta,
                    stored.map(s -> s.level().reserved()).orElse(0L));
            try {
                if (write(level, productId, stored, key)) {
                    return level;
                }
            } catch (KeyTakenMeanwhile e) {
                return replay(key).orElseThrow(StockService::busy);
            }
            Backoff.pause(attempt);
        }
        throw busy();
    }

    private Optional<StockLevel> replay(IdempotencyKey key) {
        return idempotency.find(key.key()).map(stored -> StockLevel.fromJson(Json.parseObject(key.replay(stored))));
    }

    /** True when written, false when a concurrent change means read again and retry. */
    private boolean write(StockLevel level, String productId, Optional<StoredLevel> stored, IdempotencyKey key) {
        try {
            repository.write(level, productId, stored.map(StoredLevel::version).orElse(0L), key,
                    key == null ? null : Json.write(level.toJson()));
            return true;
        } catch (WriteRefusedException e) {
            switch (e.reason()) {
                case CONCURRENT_CHANGE:
                    Metrics.count("StockConflicts", 1);
                    return false;
                case UNKNOWN_LOCATION:
                    throw Refusal.notFound("The location");
                case UNKNOWN_SKU:
                    throw Refusal.notFound("The SKU");
                default:
                    throw new KeyTakenMeanwhile();
            }
        }
    }

    private String productOf(String sku) {
        return repository.productOfSku(sku).orElseThrow(() -> Refusal.notFound("The SKU"));
    }

    private static Refusal busy() {
        return Refusal.conflict("CONFLICT", "The stock level is being changed concurrently; retry the request.");
    }

    /** A concurrent request with the same key won the race: answer with its stored reply. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
