package io.shopcare.availability;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.stock.PreorderCount;
import io.shopcare.stock.StockLevel;
import java.util.List;
import java.util.Map;

/**
 * The current source state of one product aggregate: the product, its stock levels, the units its
 * SKUs' pre-order queues wait for, and the locations that hold them. {@code version} orders every
 * change to the aggregate.
 */
public record InventorySnapshot(Product product, long version, Map<String, List<StockLevel>> stockBySku,
                                Map<String, Location> locations, Map<String, PreorderCount> preorders) {

    public InventorySnapshot(Product product, long version, Map<String, List<StockLevel>> stockBySku,
                             Map<String, Location> locations) {
        this(product, version, stockBySku, locations, Map.of());
    }

    /** The SKU's pre-order counts (arriving units go to its waiting pre-orders first). */
    public PreorderCount preorders(String sku) {
        return preorders.getOrDefault(sku, PreorderCount.NONE);
    }

    public List<StockLevel> stock(String sku) {
        return stockBySku.getOrDefault(sku, List.of());
    }
}
