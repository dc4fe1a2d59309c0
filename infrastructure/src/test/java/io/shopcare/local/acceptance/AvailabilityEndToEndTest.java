package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end promises, through the real local stack: merchant writes go to the
 * inventory table, its stream drives the projector, and the storefront routes report the truth
 * within seconds with no further request.
 */
class AvailabilityEndToEndTest {
    /** The bound for a stock change to reach the listing through the stream. */
    /** A generous deadline for the stream to carry a change: the test asserts the outcome, not the speed. */
    private static final long DEADLINE_MS = 30_000;
    private static final String WAREHOUSE = "e2e-warehouse";
    private static final Set<String> BUYABLE = Set.of("IN_STOCK", "LOW_STOCK", "PREORDER");

    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, Fixtures.location("WAREHOUSE", "E2E warehouse", true)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aStockChangeReachesTheListingThroughTheStreamWithNoRequest() {
        ok(client.admin("PUT", "/admin/products/e2e-visible", Fixtures.product("Visible parka", "e2e-visible", 1,
                "Alpine", "E2E-VIS-S", "E2E-VIS-M")));
        stock("E2E-VIS-S", 10);
        Map<String, Object> item = awaitListingItem("e2e-visible", "e2e-visible",
                i -> "IN_STOCK".equals(i.get("availability")));
        assertEquals("Visible parka", item.get("name"));

        stock("E2E-VIS-S", 2);
        item = awaitListingItem("e2e-visible", "e2e-visible", i -> "LOW_STOCK".equals(i.get("availability")));
        assertEquals(2, ((Number) item.get("unitsLeft")).intValue());

        ok(client.send("POST", "/admin/stock/E2E-VIS-S/" + WAREHOUSE + "/adjustments", "application/json",
                "{\"delta\": -2, \"reason\": \"damaged in storage\"}", true, Map.of("Idempotency-Key", "e2e-visible-damage")));
        awaitListingItem("e2e-visible", "e2e-visible", i -> "SOLD_OUT".equals(i.get("availability")));
    }

    @Test
    void soldOutProductsComeLastAcrossPages() {
        String category = "e2e-order";
        product("e2e-order-1", "Anorak", category, 1, "ORD-1");
        product("e2e-order-2", "Bomber", category, 2, "ORD-2");
        product("e2e-order-3", "Cagoule", category, 3, "ORD-3");
        product("e2e-order-4", "Duffle", category, 4, "ORD-4");
        ok(client.admin("PUT", "/admin/products/e2e-order-5", """
                {"name": "Everest", "categoryIds": ["e2e-order"], "position": 5, "attributes": {"brand": "Alpine"},
                 "price": {"amount": "99.00", "currency": "EUR"},
                 "variants": [{"sku": "ORD-5", "size": "M", "preorder": {"expectedDate": "2027-02-01", "limit": 7}}]}"""));
        stock("ORD-1", 0);
        stock("ORD-2", 20);
        stock("ORD-3", 0);
        stock("ORD-4", 20);

        List<String> expected = List.of("e2e-order-2", "e2e-order-4", "e2e-order-5", "e2e-order-1", "e2e-order-3");
        List<String> seen = awaitCondition(() -> {
            List<String> ids = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> page = ok(client.get("/categories/" + category + "/products?limit=2"
                        + (cursor == null ? "" : "&cursor=" + cursor))).json();
                items(page).forEach(i -> ids.add((String) i.get("productId")));
                cursor = (String) page.get("nextCursor");
                pages++;
            } while (cursor != null && pages < 10);
            return ids.equals(expected) ? ids : null;
        });
        assertEquals(expected, seen);

        Map<String, Object> preorderItem = items(ok(client.get("/categories/" + category + "/products")).json()).get(2);
        assertEquals("PREORDER", preorderItem.get("availability"));
        assertEquals(Map.of("expectedDate", "2027-02-01", "remaining", 7), preorderItem.get("preorder"));
    }

    @Test
    void aFacetValueVanishesWhenItsLastVariantSellsOutAndReturnsOnRestock() {
        String category = "e2e-facets";
        ok(client.admin("PUT", "/admin/products/e2e-facet", Fixtures.product("Facet fleece", category, 1, "Alpine",
                "FCT-S", "FCT-M", "FCT-L")));
        stock("FCT-S", 5);
        stock("FCT-M", 5);
        stock("FCT-L", 5);
        awaitCondition(() -> sizes(category).contains("L") ? true : null);

        stock("FCT-L", 0);
        awaitCondition(() -> sizes(category).equals(Set.of("S", "M")) ? true : null);
        assertTrue(items(ok(client.get("/categories/" + category + "/products?size=L")).json()).isEmpty(),
                "filtering by a size nobody can buy must keep nothing");
        Map<String, Object> detail = ok(client.get("/products/e2e-facet")).json();
        assertTrue(options(detail, "size").contains(Map.of("value", "L", "available", false)));

        stock("FCT-L", 4);
        awaitCondition(() -> sizes(category).equals(Set.of("S", "M", "L")) ? true : null);
        assertEquals(1, items(ok(client.get("/categories/" + category + "/products?size=L")).json()).size());
    }

    @Test
    void aSoldOutProductShowsBuyableAlternativesMostSimilarFirst() {
        String category = "e2e-alt";
        ok(client.admin("PUT", "/admin/products/e2e-alt-sold", alternativeProduct("Sold-out down", category, "Alpine", "down", "ALT-SOLD")));
        ok(client.admin("PUT", "/admin/products/e2e-alt-twin", alternativeProduct("Twin down", category, "Alpine", "down", "ALT-TWIN")));
        ok(client.admin("PUT", "/admin/products/e2e-alt-other", alternativeProduct("Other wool", category, "Fjord", "wool", "ALT-OTHER")));
        ok(client.admin("PUT", "/admin/products/e2e-alt-gone", alternativeProduct("Gone down", category, "Alpine", "down", "ALT-GONE")));
        stock("ALT-SOLD", 0);
        stock("ALT-TWIN", 12);
        stock("ALT-OTHER", 12);
        stock("ALT-GONE", 0);

        List<Map<String, Object>> alternatives = awaitCondition(() -> {
            StackClient.Answer answer = client.get("/products/e2e-alt-sold");
            if (answer.status() == 404) {
                return null; // not projected yet: the stream has not reached it
            }
            Map<String, Object> detail = ok(answer).json();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) detail.get("alternatives");
            return list != null && list.size() == 2 ? list : null;
        });
        assertEquals(List.of("e2e-alt-twin", "e2e-alt-other"), alternatives.stream().map(a -> a.get("productId")).toList());
        alternatives.forEach(a -> assertTrue(BUYABLE.contains(a.get("availability")), a.toString()));

        Map<String, Object> buyable = ok(client.get("/products/e2e-alt-twin")).json();
        assertNull(buyable.get("alternatives"), "a fully buyable product needs no alternatives");
    }

    @Test
    void storesThatCarryASkuAreListedWithAddressAndHoursInStockFirst() {
        ok(client.admin("PUT", "/admin/locations/e2e-store-a", Fixtures.location("STORE", "Zlín store", false)));
        ok(client.admin("PUT", "/admin/locations/e2e-store-b", Fixtures.location("STORE", "Brno store", false)));
        ok(client.admin("PUT", "/admin/products/e2e-stores", Fixtures.product("Store boots", "e2e-stores", 1, "Alpine",
                "STR-M")));
        ok(client.admin("PUT", "/admin/stock/STR-M/e2e-store-a", "{\"onHand\": 9}"));
        ok(client.admin("PUT", "/admin/stock/STR-M/e2e-store-b", "{\"onHand\": 0}"));
        stock("STR-M", 50);

        List<Map<String, Object>> stores = awaitCondition(() -> {
            StackClient.Answer answer = client.get("/skus/STR-M/stores");
            if (answer.status() != 200) {
                return null;
            }
            List<Map<String, Object>> list = items(answer.json());
            return list.size() == 2 ? list : null;
        });
        assertEquals("e2e-store-a", stores.get(0).get("locationId"));
        assertEquals("IN_STOCK", stores.get(0).get("availability"));
        assertEquals("SOLD_OUT", stores.get(1).get("availability"));
        assertEquals("Zlín store", stores.get(0).get("name"));
        assertFalse(((List<?>) stores.get(0).get("openingHours")).isEmpty());
        assertEquals("CZ", ((Map<?, ?>) stores.get(0).get("address")).get("country"));

        // A store's change reaches every SKU it stocks, with no stock change.
        ok(client.admin("PUT", "/admin/locations/e2e-store-a", Fixtures.location("STORE", "Zlín centre", false)));
        awaitCondition(() -> "Zlín centre".equals(items(ok(client.get("/skus/STR-M/stores")).json()).get(0).get("name"))
                ? true : null);
    }

    @Test
    void aProductMovedToAnotherCategoryWithAVariantDroppedLeavesNothingBehind() {
        ok(client.admin("PUT", "/admin/locations/e2e-store-m", Fixtures.location("STORE", "Move store", false)));
        ok(client.admin("PUT", "/admin/products/e2e-moved", Fixtures.product("Moved parka", "e2e-move-from", 1, "Alpine",
                "E2E-MOV-S", "E2E-MOV-M")));
        ok(client.admin("PUT", "/admin/stock/E2E-MOV-M/e2e-store-m", "{\"onHand\": 3}"));
        stock("E2E-MOV-S", 5);
        awaitListingItem("e2e-move-from", "e2e-moved", i -> "IN_STOCK".equals(i.get("availability")));
        awaitCondition(() -> client.get("/skus/E2E-MOV-M/stores").status() == 200 ? true : null);

        ok(client.admin("PUT", "/admin/products/e2e-moved", Fixtures.product("Moved parka", "e2e-move-to", 1, "Alpine",
                "E2E-MOV-S")));
        awaitListingItem("e2e-move-to", "e2e-moved", i -> "IN_STOCK".equals(i.get("availability")));
        awaitCondition(() -> items(ok(client.get("/categories/e2e-move-from/products")).json()).isEmpty() ? true : null);
        awaitCondition(() -> client.get("/skus/E2E-MOV-M/stores").status() == 404 ? true : null);
        Map<String, Object> detail = ok(client.get("/products/e2e-moved")).json();
        assertEquals(List.of("S"), options(detail, "size").stream().map(o -> o.get("value")).toList(), detail.toString());
        // The dropped SKU is free again: another product may take it.
        ok(client.admin("PUT", "/admin/products/e2e-taker", Fixtures.product("Taker", "e2e-move-to", 2, "Alpine",
                "E2E-MOV-M")));
    }

    private static String alternativeProduct(String name, String category, String brand, String material, String sku) {
        return """
                {"name": "%s", "categoryIds": ["%s"], "attributes": {"brand": "%s", "material": "%s"},
                 "price": {"amount": "150.00", "currency": "EUR"}, "variants": [{"sku": "%s", "size": "M"}]}"""
                .formatted(name, category, brand, material, sku);
    }

    private static void product(String id, String name, String category, int position, String sku) {
        ok(client.admin("PUT", "/admin/products/" + id, Fixtures.product(name, category, position, "Alpine", sku)));
    }

    private static void stock(String sku, int onHand) {
        ok(client.admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE, "{\"onHand\": " + onHand + "}"));
    }

    private static Set<String> sizes(String category) {
        Map<String, Object> page = ok(client.get("/categories/" + category + "/products")).json();
        Map<?, ?> facets = (Map<?, ?>) page.get("facets");
        Set<String> values = new java.util.HashSet<>();
        for (Object facet : (List<?>) facets.get("size")) {
            values.add((String) ((Map<?, ?>) facet).get("value"));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> options(Map<String, Object> detail, String option) {
        return (List<Map<String, Object>>) ((Map<String, Object>) detail.get("options")).get(option);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static Map<String, Object> awaitListingItem(String category, String productId,
                                                        Predicate<Map<String, Object>> condition) {
        return awaitCondition(() -> items(ok(client.get("/categories/" + category + "/products")).json()).stream()
                .filter(i -> productId.equals(i.get("productId")) && condition.test(i))
                .findFirst().orElse(null));
    }

    /** Polls until the supplier returns non-null, failing after a generous deadline. */
    private static <T> T awaitCondition(java.util.function.Supplier<T> supplier) {
        long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000;
        while (true) {
            T value = supplier.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail("not visible within " + DEADLINE_MS + " ms");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
