package io.shopcare.availability;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.stock.StockLevel;
import java.util.List;
import java.util.Map;

/**
 * The current source state of one product aggregate: the product, its stock levels and the
 * locations that hold them. {@code version} orders every change to the aggregate.
 */
public record InventorySnapshot(Product product, long version, Map<String, List<StockLevel>> stockBySku,
                                Map<String, Location> locations) {

    public List<StockLevel> stock(String sku) {
        return stockBySku.getOrDefault(sku, List.of());
    }
}
