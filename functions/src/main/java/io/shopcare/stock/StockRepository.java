package io.shopcare.stock;

import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.stock.aws.DynamoStockRepository;
import java.util.Optional;

/** Stock levels; every write also bumps the owning product's version (see DynamoStockRepository). */
public interface StockRepository {

    record StoredLevel(StockLevel level, long version) {
    }

    /** The product that owns the SKU, if the SKU exists. */
    Optional<String> productOfSku(String sku);

    Optional<StoredLevel> find(String sku, String locationId);

    /**
     * Writes the level if its stored version is still {@code expectedVersion} (0 = absent), the
     * location exists and the SKU still belongs to {@code productId}; with a key, stores
     * {@code replyBody} under it in the same transaction.
     */
    void write(StockLevel level, String productId, long expectedVersion, IdempotencyKey key, String replyBody)
            throws WriteRefusedException;

    final class WriteRefusedException extends Exception {
        public enum Reason { CONCURRENT_CHANGE, UNKNOWN_LOCATION, UNKNOWN_SKU, KEY_ALREADY_USED }

        private final Reason reason;

        public WriteRefusedException(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
