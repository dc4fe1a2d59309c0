package io.shopcare.availability;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product.Variant;
import io.shopcare.catalog.Product;
import io.shopcare.stock.StockLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the storefront reads about one product, computed from an {@link InventorySnapshot}:
 * the detail document, its listing entry (one per category) and, per SKU, the stores that carry it.
 * Pure: no storage, no AWS types.
 */
public record ProductProjection(String productId, long version, List<String> categoryIds,
                                Map<String, Object> detail, ListingEntry entry,
                                Map<String, List<Map<String, Object>>> storesBySku) {

    public boolean needsAlternatives() {
        return entry.needsAlternatives();
    }

    public static ProductProjection of(InventorySnapshot snapshot) {
        Product product = snapshot.product();
        List<Map<String, Object>> variants = new ArrayList<>();
        List<ListingEntry.Option> buyableOptions = new ArrayList<>();
        Availability best = Availability.SOLD_OUT;
        long unitsLeft = 0;
        String preorderDate = null;
        long preorderRemaining = 0;
        boolean anyNotBuyable = false;
        Map<String, Boolean> sizes = new LinkedHashMap<>();
        Map<String, Boolean> colours = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> stores = new LinkedHashMap<>();

        for (VariantAvailability state : VariantAvailability.of(snapshot)) {
            Variant variant = state.variant();
            long available = state.available();
            Availability availability = state.availability();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sku", variant.sku());
            json.put("size", variant.size());
            json.put("colour", variant.colour());
            json.put("availability", availability.name());
            if (availability == Availability.PREORDER) {
                json.put("preorder", preorder(variant.preorder().expectedDate(), state.preorderRemaining()));
                preorderRemaining += state.preorderRemaining();
                if (preorderDate == null || variant.preorder().expectedDate().compareTo(preorderDate) < 0) {
                    preorderDate = variant.preorder().expectedDate();
                }
            }
            if (availability == Availability.LOW_STOCK) {
                json.put("unitsLeft", available);
            }
            variants.add(json);
            unitsLeft += available;
            best = best.best(availability);
            anyNotBuyable |= !availability.buyable();
            if (availability.buyable()) {
                buyableOptions.add(new ListingEntry.Option(variant.size(), variant.colour()));
            }
            mark(sizes, variant.size(), availability.buyable());
            mark(colours, variant.colour(), availability.buyable());
            stores.put(variant.sku(), stores(variant, snapshot, product.lowStockThreshold()));
        }

        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", product.productId());
        item.put("name", product.name());
        item.put("price", product.price().toJson());
        item.put("availability", best.name());
        if (best == Availability.LOW_STOCK) {
            item.put("unitsLeft", unitsLeft);
        }
        if (best == Availability.PREORDER) {
            item.put("preorder", preorder(preorderDate, preorderRemaining));
        }

        Map<String, Object> detail = new LinkedHashMap<>(item);
        detail.remove("preorder");
        detail.put("description", product.description() == null ? "" : product.description());
        detail.put("variants", variants);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("size", options(sizes));
        options.put("colour", options(colours));
        detail.put("options", options);

        ListingEntry entry = new ListingEntry(item, best.listingGroup(), product.position(), product.name(),
                List.copyOf(buyableOptions), product.attributes(), product.categoryIds().get(0),
                anyNotBuyable || !best.buyable());
        return new ProductProjection(product.productId(), snapshot.version(), product.categoryIds(), detail, entry,
                stores);
    }

    /** On-hand minus reserved over the locations that ship online. */
    static long onlineAvailable(List<StockLevel> levels, Map<String, Location> locations) {
        long onHand = 0;
        long reserved = 0;
        for (StockLevel level : levels) {
            Location location = locations.get(level.locationId());
            if (location != null && location.shipsOnline()) {
                onHand += level.onHand();
                reserved += level.reserved();
            }
        }
        return Math.max(0, onHand - reserved);
    }

    private static List<Map<String, Object>> stores(Variant variant, InventorySnapshot snapshot, int threshold) {
        record StoreAvailability(Location store, Availability availability, long available) {
        }
        List<StoreAvailability> stores = new ArrayList<>();
        for (StockLevel level : snapshot.stock(variant.sku())) {
            Location location = snapshot.locations().get(level.locationId());
            if (location != null && location.isStore()) {
                stores.add(new StoreAvailability(location, Availability.ofUnits(level.available(), threshold),
                        level.available()));
            }
        }
        stores.sort(Comparator.comparing((StoreAvailability s) -> s.availability().ordinal())
                .thenComparing(s -> s.store().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(s -> s.store().locationId()));
        List<Map<String, Object>> json = new ArrayList<>();
        for (StoreAvailability s : stores) {
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("locationId", s.store().locationId());
            store.put("name", s.store().name());
            store.put("address", s.store().address().toJson());
            store.put("phone", s.store().phone());
            store.put("openingHours", s.store().openingHours().stream().map(Location.OpeningHours::toJson).toList());
            store.put("availability", s.availability().name());
            if (s.availability() == Availability.LOW_STOCK) {
                store.put("unitsLeft", s.available());
            }
            json.add(store);
        }
        return json;
    }

    private static Map<String, Object> preorder(String expectedDate, long remaining) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("expectedDate", expectedDate);
        json.put("remaining", remaining);
        return json;
    }

    private static void mark(Map<String, Boolean> values, String value, boolean buyable) {
        if (value != null) {
            values.merge(value, buyable, Boolean::logicalOr);
        }
    }

    private static List<Map<String, Object>> options(Map<String, Boolean> values) {
        List<Map<String, Object>> json = new ArrayList<>();
        values.forEach((value, available) -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", value);
            option.put("available", available);
            json.add(option);
        });
        return json;
    }
}
