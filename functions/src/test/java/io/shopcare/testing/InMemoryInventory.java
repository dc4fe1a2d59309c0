package io.shopcare.testing;

import io.shopcare.availability.InventorySnapshot;
import io.shopcare.availability.InventorySource;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.stock.StockLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Products, stock and locations in memory; every change bumps the product's version, as the real table does. */
public final class InMemoryInventory implements InventorySource {
    /** A warehouse that ships online. */
    public static final Location WAREHOUSE = new Location("warehouse", "WAREHOUSE", "Warehouse",
            new Location.Address("Skladová 5", "Praha", "190 00", "CZ"), "+420 222 000 999", "Europe/Prague",
            List.of(new Location.OpeningHours("MON", "08:00", "16:00")), true, false, 1, Location.DEFAULT_DISPATCH_CUTOFF,
            Location.DEFAULT_DAILY_CAPACITY, Location.DEFAULT_STORAGE_DAYS);
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Map<String, StockLevel>> stock = new HashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>(Map.of(WAREHOUSE.locationId(), WAREHOUSE));

    public InMemoryInventory with(Product product) {
        products.put(product.productId(), product);
        versions.merge(product.productId(), 1L, Long::sum);
        return this;
    }

    /** Sets the units on hand of the SKU at the warehouse; returns the product's new version. */
    public long setOnHand(String productId, String sku, long onHand) {
        stock.computeIfAbsent(sku, s -> new HashMap<>()).put(WAREHOUSE.locationId(),
                new StockLevel(sku, WAREHOUSE.locationId(), onHand, 0));
        return versions.merge(productId, 1L, Long::sum);
    }

    public long version(String productId) {
        return versions.get(productId);
    }

    @Override
    public Optional<InventorySnapshot> load(String productId) {
        Product product = products.get(productId);
        if (product == null) {
            return Optional.empty();
        }
        Map<String, List<StockLevel>> levels = new LinkedHashMap<>();
        for (String sku : product.skus()) {
            levels.put(sku, new ArrayList<>(stock.getOrDefault(sku, Map.of()).values()));
        }
        return Optional.of(new InventorySnapshot(product, versions.get(productId), levels, Map.copyOf(locations)));
    }

    @Override
    public List<String> productsStockedAt(String locationId) {
        return products.keySet().stream().toList();
    }

    @Override
    public void touch(String productId) {
        versions.merge(productId, 1L, Long::sum);
    }
}
