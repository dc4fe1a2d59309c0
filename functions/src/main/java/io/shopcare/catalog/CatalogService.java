package io.shopcare.catalog;

import io.shopcare.catalog.CatalogRepository.ConcurrentChangeException;
import io.shopcare.catalog.CatalogRepository.SkuOwnedElsewhereException;
import io.shopcare.catalog.CatalogRepository.Versioned;
import io.shopcare.concurrency.Backoff;
import io.shopcare.outcome.Refusal;
import java.util.List;
import java.util.Optional;

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
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<Location>> stored = repository.findLocation(location.locationId());
            if (stored.isPresent() && stored.get().value().equals(location)) {
                return location;
            }
            try {
                repository.writeLocation(location, stored.map(Versioned::version).orElse(0L));
                return location;
            } catch (ConcurrentChangeException e) {
                Backoff.pause(attempt); // someone wrote in between: read again and retry
            }
        }
        throw busy();
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

    static Refusal busy() {
        return Refusal.conflict("CONFLICT", "The resource is being changed concurrently; retry the request.");
    }
}
