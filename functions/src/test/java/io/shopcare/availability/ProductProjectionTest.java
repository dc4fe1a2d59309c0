package io.shopcare.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product.Variant;
import io.shopcare.catalog.Product;
import io.shopcare.stock.PreorderCount;
import io.shopcare.stock.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The availability rules of the contract, with no storage involved. */
class ProductProjectionTest {
    static final Location WAREHOUSE = location("wh", "WAREHOUSE", "Warehouse", true);
    static final Location OUTLET = location("outlet", "WAREHOUSE", "Outlet stock", false);
    static final Location STORE_A = location("store-a", "STORE", "Brno", false);
    static final Location STORE_B = location("store-b", "STORE", "Aš", false);
    static final Map<String, Location> LOCATIONS = Map.of("wh", WAREHOUSE, "outlet", OUTLET, "store-a", STORE_A,
            "store-b", STORE_B);

    @Test
    void onlineAvailabilityCountsOnlyLocationsThatShipOnlineMinusReservations() {
        ProductProjection projection = project(product(5, variant("A-M", "M", "red")),
                Map.of("A-M", List.of(level("A-M", "wh", 10, 3), level("A-M", "outlet", 50, 0), level("A-M", "store-a", 9, 0))));
        Map<String, Object> variant = variants(projection).get(0);
        assertEquals("IN_STOCK", variant.get("availability"), "7 available online against a threshold of 5");
        assertNull(variant.get("unitsLeft"));
    }

    @Test
    void thresholdIsInclusiveForLowStockAndZeroIsSoldOut() {
        assertEquals(Availability.LOW_STOCK, Availability.ofUnits(5, 5));
        assertEquals(Availability.IN_STOCK, Availability.ofUnits(6, 5));
        assertEquals(Availability.LOW_STOCK, Availability.ofUnits(1, 5));
        assertEquals(Availability.SOLD_OUT, Availability.ofUnits(0, 5));
        assertEquals(Availability.SOLD_OUT, Availability.ofUnits(0, 0));
    }

    @Test
    void aLowStockProductReportsTheSumOfItsVariantsUnitsLeft() {
        ProductProjection projection = project(product(5, variant("A-S", "S", "red"), variant("A-M", "M", "red"),
                variant("A-L", "L", "red")), Map.of("A-S", List.of(level("A-S", "wh", 2, 0)),
                "A-M", List.of(level("A-M", "wh", 3, 0))));
        assertEquals("LOW_STOCK", projection.entry().item().get("availability"));
        assertEquals(5L, projection.entry().item().get("unitsLeft"));
        assertTrue(projection.needsAlternatives(), "size L is sold out");
        assertEquals(List.of(Map.of("value", "S", "available", true), Map.of("value", "M", "available", true),
                Map.of("value", "L", "available", false)), options(projection, "size"));
    }

    @Test
    void aSoldOutVariantWithAnOpenPreorderIsPreorderAndTheProductTakesTheEarliestDate() {
        ProductProjection projection = project(product(5,
                new Variant("P-M", "M", null, null, new Product.Preorder("2027-03-01", 10)),
                new Variant("P-L", "L", null, null, new Product.Preorder("2027-02-01", 5))), Map.of());
        assertEquals("PREORDER", projection.entry().item().get("availability"));
        assertEquals(Map.of("expectedDate", "2027-02-01", "remaining", 15L), projection.entry().item().get("preorder"));
        assertEquals(1, projection.entry().group(), "pre-orders list between available and sold out");
        assertFalse(projection.needsAlternatives(), "every variant can be pre-ordered");
    }

    @Test
    void unitsThatWaitingPreordersWillTakeAreNotForSaleAndTheRoomIsTheLimitLessThoseOrdered() {
        Product product = product(5, new Variant("P-M", "M", null, null, new Product.Preorder("2027-03-01", 10)));
        // 4 arrived, 6 waiting (8 pre-ordered in all, 2 of them filled): nothing is for sale, 2 can still be pre-ordered.
        ProductProjection held = ProductProjection.of(new InventorySnapshot(product, 1,
                Map.of("P-M", List.of(level("P-M", "wh", 6, 2))), LOCATIONS, Map.of("P-M", new PreorderCount(8, 6))));
        assertEquals("PREORDER", held.entry().item().get("availability"));
        assertEquals(Map.of("expectedDate", "2027-03-01", "remaining", 2L), held.entry().item().get("preorder"));
        // The queue full: sold out, not buyable (no facet value, alternatives shown).
        ProductProjection full = ProductProjection.of(new InventorySnapshot(product, 1,
                Map.of("P-M", List.of(level("P-M", "wh", 6, 2))), LOCATIONS, Map.of("P-M", new PreorderCount(10, 6))));
        assertEquals("SOLD_OUT", full.entry().item().get("availability"));
        assertTrue(full.needsAlternatives());
        // More arrived than the queue waits for: the rest is for sale.
        ProductProjection beyond = ProductProjection.of(new InventorySnapshot(product, 1,
                Map.of("P-M", List.of(level("P-M", "wh", 9, 2))), LOCATIONS, Map.of("P-M", new PreorderCount(10, 6))));
        assertEquals("LOW_STOCK", beyond.entry().item().get("availability"));
        assertEquals(1L, beyond.entry().item().get("unitsLeft"));
    }

    @Test
    void theBestVariantDecidesAndSoldOutProductsListLast() {
        ProductProjection inStock = project(product(2, variant("B-M", "M", "blue"), variant("B-L", "L", "blue")),
                Map.of("B-M", List.of(level("B-M", "wh", 30, 0))));
        assertEquals("IN_STOCK", inStock.entry().item().get("availability"));
        assertEquals(0, inStock.entry().group());
        ProductProjection soldOut = project(product(2, variant("C-M", "M", "blue")), Map.of());
        assertEquals("SOLD_OUT", soldOut.entry().item().get("availability"));
        assertEquals(2, soldOut.entry().group());
    }

    @Test
    void storesAreListedInStockFirstThenByNameAndWarehousesAreNot() {
        ProductProjection projection = project(product(3, variant("S-M", "M", "red")), Map.of("S-M", List.of(
                level("S-M", "store-a", 10, 0), level("S-M", "store-b", 0, 0), level("S-M", "wh", 5, 0))));
        List<Map<String, Object>> stores = projection.storesBySku().get("S-M");
        assertEquals(List.of("store-a", "store-b"), stores.stream().map(s -> s.get("locationId")).toList());
        assertEquals("SOLD_OUT", stores.get(1).get("availability"));
        ProductProjection low = project(product(3, variant("S-M", "M", "red")), Map.of("S-M", List.of(
                level("S-M", "store-a", 2, 0), level("S-M", "store-b", 10, 0))));
        assertEquals(List.of("store-b", "store-a"),
                low.storesBySku().get("S-M").stream().map(s -> s.get("locationId")).toList(), "in stock before low");
        assertEquals(2L, low.storesBySku().get("S-M").get(1).get("unitsLeft"));
    }

    static ProductProjection project(Product product, Map<String, List<StockLevel>> stock) {
        return ProductProjection.of(new InventorySnapshot(product, 1, stock, LOCATIONS));
    }

    static Product product(int threshold, Variant... variants) {
        return new Product("p", "Product", null, List.of("cat"), 1, Map.of("brand", "Alpine"),
                new Money(new BigDecimal("10.00"), "EUR"), threshold, List.of(variants));
    }

    static Variant variant(String sku, String size, String colour) {
        return new Variant(sku, size, colour, null, null);
    }

    static StockLevel level(String sku, String location, long onHand, long reserved) {
        return new StockLevel(sku, location, onHand, reserved);
    }

    static Location location(String id, String type, String name, boolean shipsOnline) {
        return new Location(id, type, name, new Location.Address("Street 1", "City", "10000", "CZ"), "+420 1234567",
                "Europe/Prague", List.of(), shipsOnline, !shipsOnline, 1, Location.DEFAULT_DISPATCH_CUTOFF,
                Location.DEFAULT_DAILY_CAPACITY, Location.DEFAULT_STORAGE_DAYS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variants(ProductProjection projection) {
        return (List<Map<String, Object>>) projection.detail().get("variants");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> options(ProductProjection projection, String option) {
        return (List<Map<String, Object>>) ((Map<String, Object>) projection.detail().get("options")).get(option);
    }
}
