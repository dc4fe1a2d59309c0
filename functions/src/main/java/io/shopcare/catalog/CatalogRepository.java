package io.shopcare.catalog;

import java.util.List;
import java.util.Optional;

/** Where locations, carriers and products are kept; versions make every write a compare-and-set. */
public interface CatalogRepository {

    record Versioned<T>(T value, long version) {
    }

    Optional<Versioned<Location>> findLocation(String locationId);

    /** Every location, by id; one read of one partition. */
    List<Location> locations();

    Optional<Versioned<Carrier>> findCarrier(String carrierId);

    /** Every carrier, by id; one read of one partition. */
    List<Carrier> carriers();

    default Optional<Carrier> carrier(String carrierId) {
        return findCarrier(carrierId).map(Versioned::value);
    }

    Optional<Versioned<Product>> findProduct(String productId);

    /** The product that owns the SKU, if any. */
    Optional<String> productOfSku(String sku);

    /** Writes the location if the stored version is still {@code expectedVersion} (0 = absent). */
    void writeLocation(Location location, long expectedVersion) throws ConcurrentChangeException;

    /** Writes the carrier if the stored version is still {@code expectedVersion} (0 = absent). */
    void writeCarrier(Carrier carrier, long expectedVersion) throws ConcurrentChangeException;

    /**
     * Writes the product and its SKU ownership atomically if the stored version is still
     * {@code expectedVersion}; SKUs that {@code previous} had and {@code product} lacks are released.
     */
    void writeProduct(Product product, Product previous, long expectedVersion)
            throws ConcurrentChangeException, SkuOwnedElsewhereException;

    final class ConcurrentChangeException extends Exception {
        public ConcurrentChangeException() {
            super(null, null, false, false);
        }
    }

    final class SkuOwnedElsewhereException extends Exception {
        private final String sku;

        public SkuOwnedElsewhereException(String sku) {
            super(sku, null, false, false);
            this.sku = sku;
        }

        public String sku() {
            return sku;
        }
    }
}
