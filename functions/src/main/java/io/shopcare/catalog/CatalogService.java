package io.shopcare.catalog;

import io.shopcare.catalog.CatalogRepository.ConcurrentChangeException;
import io.shopcare.catalog.CatalogRepository.SkuOwnedElsewhereException;
import io.shopcare.catalog.CatalogRepository.Versioned;
import io.shopcare.concurrency.Backoff;
import io.shopcare.outcome.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores what the merchant pushes. A PUT of unchanged content writes nothing (so the stream
 * carries no record for nothing); concurrent writers are serialised by compare-and-set on version.
 */
public final class CatalogService {
    private static final int ATTEMPTS = 12;
    private final CatalogRepository repository;

    public CatalogService(CatalogRepository repository) {
        this.repository = repository;
    }

    public Location putLocation(Location location) {
        return put(location, () -> repository.findLocation(location.locationId()), repository::writeLocation);
    }

    public Carrier putCarrier(Carrier carrier) {
        return put(carrier, () -> repository.findCarrier(carrier.carrierId()), repository::writeCarrier);
    }

    public Product putProduct(Product product) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<Product>> stored = repository.findProduct(product.productId());
            if (stored.isPresent() && stored.get().value().equals(product)) {
                return product;
            }
            try {
                repository.writeProduct(product, stored.map(Versioned::value).orElse(null),
                        stored.map(Versioned::version).orElse(0L));
                return product;
            } catch (ConcurrentChangeException e) {
                Backoff.pause(attempt); // a stock write bumped the product's version: read again and retry
            } catch (SkuOwnedElsewhereException e) {
                int index = product.skus().indexOf(e.sku());
                throw Refusal.conflict("CONFLICT", "A SKU of this product belongs to another product.",
                        List.of(new Refusal.Problem("variants[" + index + "].sku", "belongs to another product")));
            }
        }
        throw busy();
    }

    /** A versioned write of a whole document that nothing else writes into. */
    private interface VersionedWrite<T> {
        void write(T value, long expectedVersion) throws ConcurrentChangeException;
    }

    private <T> T put(T value, Supplier<Optional<Versioned<T>>> find, VersionedWrite<T> write) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<T>> stored = find.get();
            if (stored.isPresent() && stored.get().value().equals(value)) {
                return value;
            }
            try {
                write.write(value, stored.map(Versioned::version).orElse(0L));
                return value;
            } catch (ConcurrentChangeException e) {
                Backoff.pause(attempt); // someone wrote in between: read again and retry
            }
        }
        throw busy();
    }

    static Refusal busy() {
        return Refusal.conflict("CONFLICT", "The resource is being changed concurrently; retry the request.");
    }
}
