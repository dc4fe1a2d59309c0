package io.shopcare.testing;

import io.shopcare.catalog.CatalogRepository;
import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Locations, carriers and products in memory, compare-and-set on version as the real repository
 * does; lists come in id order, as the real partitions' sort keys give them.
 */
public final class InMemoryCatalog implements CatalogRepository {
    private final Map<String, Versioned<Location>> locations = new TreeMap<>();
    private final Map<String, Versioned<Carrier>> carriers = new TreeMap<>();
    private final Map<String, Versioned<Product>> products = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();

    @Override
    public synchronized Optional<Versioned<Location>> findLocation(String locationId) {
        return Optional.ofNullable(locations.get(locationId));
    }

    @Override
    public synchronized List<Location> locations() {
        return locations.values().stream().map(Versioned::value).toList();
    }

    @Override
    public synchronized Optional<Versioned<Carrier>> findCarrier(String carrierId) {
        return Optional.ofNullable(carriers.get(carrierId));
    }

    @Override
    public synchronized List<Carrier> carriers() {
        return carriers.values().stream().map(Versioned::value).toList();
    }

    @Override
    public synchronized Optional<Versioned<Product>> findProduct(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    @Override
    public synchronized Optional<String> productOfSku(String sku) {
        return Optional.ofNullable(owners.get(sku));
    }

    @Override
    public synchronized void writeLocation(Location location, long expectedVersion) throws ConcurrentChangeException {
        long stored = locations.containsKey(location.locationId()) ? locations.get(location.locationId()).version() : 0;
        if (stored != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        locations.put(location.locationId(), new Versioned<>(location, stored + 1));
    }

    @Override
    public synchronized void writeCarrier(Carrier carrier, long expectedVersion) throws ConcurrentChangeException {
        long stored = carriers.containsKey(carrier.carrierId()) ? carriers.get(carrier.carrierId()).version() : 0;
        if (stored != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        carriers.put(carrier.carrierId(), new Versioned<>(carrier, stored + 1));
    }

    @Override
    public synchronized void writeProduct(Product product, Product previous, long expectedVersion)
            throws ConcurrentChangeException, SkuOwnedElsewhereException {
        long stored = products.containsKey(product.productId()) ? products.get(product.productId()).version() : 0;
        if (stored != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        for (String sku : product.skus()) {
            String owner = owners.get(sku);
            if (owner != null && !owner.equals(product.productId())) {
                throw new SkuOwnedElsewhereException(sku);
            }
        }
        if (previous != null) {
            previous.skus().forEach(owners::remove);
        }
        product.skus().forEach(sku -> owners.put(sku, product.productId()));
        products.put(product.productId(), new Versioned<>(product, stored + 1));
    }

    /** Stores the product as the merchant's PUT would. */
    public InMemoryCatalog with(Product product) {
        try {
            writeProduct(product, findProduct(product.productId()).map(Versioned::value).orElse(null),
                    findProduct(product.productId()).map(Versioned::version).orElse(0L));
        } catch (ConcurrentChangeException | SkuOwnedElsewhereException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
