package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-orders through the local stack: the queue's limit under concurrent orders, arriving stock
 * (a merchant's count on the inventory stream) filling the oldest lines first while new orders are
 * refused, the filled e-mail, and every way a waiting line leaves the queue.
 */
class PreordersEndToEndTest {
    private static final String WAREHOUSE = "preorders-warehouse";
    private static final String CARRIER = "preorders-courier";
    private static LocalStack stack;
    private static StackClient client;
    private static SesInbox inbox;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        inbox = new SesInbox(stack.sesUrl());
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, Fixtures.everyDayWarehouse("Pre-order warehouse")));
        ok(client.admin("PUT", "/admin/carriers/" + CARRIER, Fixtures.carrier("Pre-order courier")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void preordersQueueWithinTheLimitAndArrivingUnitsFillTheOldestFirst() throws Exception {
        String sku = product("coat", 4);
        awaitVariant("preorders-coat", sku, "PREORDER", 4);

        Map<String, Object> first = place("jana.first@example.com", "cs", sku, 2, 201);
        assertEquals("PREORDERED", lineStatus(first));
        assertTrue(((String) ((Map<?, ?>) first.get("estimatedDelivery")).get("earliest")).compareTo("2027-01-15") > 0,
                "the estimate starts from the expected date: " + first.get("estimatedDelivery"));
        Map<String, Object> second = place("bob.second@example.com", "en", sku, 1, 201);
        awaitVariant("preorders-coat", sku, "PREORDER", 1);

        // One unit of room, eight shoppers at once: exactly one gets it.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<StackClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = "rush" + i + "@example.com";
            answers.add(pool.submit(() -> client.send("POST", "/orders", "application/json",
                    orderBody(email, "fr", sku, 1), false, Map.of())));
        }
        Map<String, Object> third = null;
        int refused = 0;
        for (Future<StackClient.Answer> answer : answers) {
            StackClient.Answer a = answer.get();
            if (a.status() == 201) {
                assertEquals(null, third, "a second pre-order was accepted beyond the limit");
                third = a.json();
            } else {
                assertEquals(409, a.status(), a.body());
                assertTrue(a.body().contains("pre-orders are full"), a.body());
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(7, refused);
        awaitVariant("preorders-coat", sku, "SOLD_OUT", 0);

        // Two units arrive: the oldest line (2) takes both; the others still wait, nobody else can buy.
        Fixtures.setStock(client, stack, sku, WAREHOUSE, 2);
        assertEquals("RESERVED", lineStatus(adminOrder(first)));
        assertEquals("PREORDERED", lineStatus(adminOrder(second)));
        assertEquals("PREORDERED", lineStatus(adminOrder(third)));
        assertEquals(409, client.send("POST", "/orders", "application/json", orderBody("late@example.com", "en", sku, 1),
                false, Map.of()).status());
        assertEquals(2, reserved(sku, 2));
        List<Map<String, Object>> mails = inbox.awaitEmails("jana.first@example.com", 2);
        String filled = String.valueOf(mails.get(1).get("subject"));
        assertTrue(filled.contains("Předobjednané zboží dorazilo") && filled.contains((String) first.get("orderId")),
                filled);

        // Three more: the two waiting lines are filled, one unit is left for anyone.
        Fixtures.setStock(client, stack, sku, WAREHOUSE, 5);
        assertEquals("RESERVED", lineStatus(adminOrder(second)));
        assertEquals("RESERVED", lineStatus(adminOrder(third)));
        assertEquals(4, reserved(sku, 5));
        awaitVariant("preorders-coat", sku, "LOW_STOCK", 1);
        Map<String, Object> bought = place("now@example.com", "en", sku, 1, 201);
        assertEquals("RESERVED", lineStatus(bought));
        assertEquals(1, inbox.awaitEmails("bob.second@example.com", 2).stream()
                .filter(m -> String.valueOf(m.get("subject")).contains("arrived")).count());
    }

    @Test
    void aWaitingLineLeavesTheQueueWhenCancelledByTheShopperTheMerchantOrTheClock() {
        String sku = product("boots", 3);
        String inStock = "PRE-BOOTS-L";
        Fixtures.setStock(client, stack, inStock, WAREHOUSE, 5);

        Map<String, Object> order = place("eva.boots@example.com", "uk", sku, 2, 201);
        String id = (String) order.get("orderId");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + order.get("accessToken"));
        Map<String, Object> partly = json(client.send("POST", "/orders/" + id + "/cancellations", "application/json",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}", false, bearer), 200);
        assertEquals("PREORDERED", lineStatus(partly));
        awaitVariant("preorders-boots", sku, "PREORDER", 2);
        json(client.send("POST", "/orders/" + id + "/cancellations", "application/json", "{}", false, bearer), 200);
        awaitVariant("preorders-boots", sku, "PREORDER", 3);

        Map<String, Object> merchantCancels = place("petr.boots@example.com", "cs", sku, 3, 201);
        awaitVariant("preorders-boots", sku, "SOLD_OUT", 0);
        json(client.send("POST", "/admin/orders/" + merchantCancels.get("orderId") + "/events", "application/json",
                "{\"type\": \"CANCELLED\"}", true, Map.of()), 200);
        awaitVariant("preorders-boots", sku, "PREORDER", 3);

        Map<String, Object> unpaid = place("ivan.boots@example.com", "uk", sku, 3, 201);
        awaitVariant("preorders-boots", sku, "SOLD_OUT", 0);
        stack.runSchedule("OrderDeadlinesFunction", Instant.now().plus(Duration.ofMinutes(61)));
        assertEquals("CANCELLED", adminOrder(unpaid).get("status"));
        awaitVariant("preorders-boots", sku, "PREORDER", 3);

        // A size in stock of a product that takes pre-orders: bought and changed as usual, guarded by its queue.
        Map<String, Object> regular = place("lena.boots@example.com", "en", inStock, 1, 201);
        assertEquals("RESERVED", lineStatus(regular));
        Map<String, Object> changed = json(client.send("PATCH", "/orders/" + regular.get("orderId"), "application/json",
                "{\"lines\": [{\"sku\": \"" + inStock + "\", \"quantity\": 3}]}", false,
                Map.of("Authorization", "Bearer " + regular.get("accessToken"))), 200);
        assertEquals(3, ((Number) ((Map<?, ?>) ((List<?>) changed.get("lines")).get(0)).get("quantity")).intValue());
        assertEquals(3, reserved(inStock, 5));
    }

    // ------------------------------------------------------------------ helpers

    /** Product preorders-NAME: size M sold out with a pre-order of {@code limit} units, size L without one. */
    private static String product(String name, int limit) {
        String sku = "PRE-" + name.toUpperCase() + "-M";
        ok(client.admin("PUT", "/admin/products/preorders-" + name, """
                {"name": "Pre-order %s", "categoryIds": ["preorders"], "attributes": {"brand": "Alpine"},
                 "price": {"amount": "149.00", "currency": "EUR"}, "lowStockThreshold": 3,
                 "variants": [{"sku": "%s", "size": "M", "preorder": {"expectedDate": "2027-01-15", "limit": %d}},
                              {"sku": "PRE-%s-L", "size": "L", "preorder": {"expectedDate": "2027-01-15", "limit": 2}}]}"""
                .formatted(name, sku, limit, name.toUpperCase())));
        Fixtures.setStock(client, stack, sku, WAREHOUSE, 0);
        return sku;
    }

    private static String orderBody(String email, String locale, String sku, int quantity) {
        return """
                {"customer": {"email": "%s", "name": "Jana Nováková", "locale": "%s"},
                 "lines": [{"sku": "%s", "quantity": %d}],
                 "delivery": {"method": "HOME", "carrier": "%s",
                              "address": {"street": "Dlouhá 1", "city": "Praha", "postcode": "110 00", "country": "CZ"}},
                 "payment": {"method": "CARD"}}""".formatted(email, locale, sku, quantity, CARRIER);
    }

    private static Map<String, Object> place(String email, String locale, String sku, int quantity, int status) {
        return json(client.send("POST", "/orders", "application/json", orderBody(email, locale, sku, quantity), false,
                Map.of()), status);
    }

    private static Map<String, Object> adminOrder(Map<String, Object> order) {
        return json(client.send("GET", "/admin/orders/" + order.get("orderId"), null, null, true, Map.of()), 200);
    }

    private static String lineStatus(Map<String, Object> order) {
        return (String) ((Map<?, ?>) ((List<?>) order.get("lines")).get(0)).get("status");
    }

    /** The SKU's reserved units (a merchant's unchanged count answers the level and writes nothing). */
    private static long reserved(String sku, int onHand) {
        return ((Number) ok(client.admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE, "{\"onHand\": " + onHand + "}"))
                .json().get("reserved")).longValue();
    }

    private static Map<String, Object> json(StackClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

    /** Waits until the product page shows the variant's availability with that many units left or to pre-order. */
    private static void awaitVariant(String productId, String sku, String availability, long units) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            for (Object v : (List<?>) client.get("/products/" + productId).json().get("variants")) {
                Map<?, ?> variant = (Map<?, ?>) v;
                if (sku.equals(variant.get("sku"))) {
                    last = variant;
                    long shown = variant.get("preorder") instanceof Map<?, ?> p ? ((Number) p.get("remaining")).longValue()
                            : variant.get("unitsLeft") instanceof Number n ? n.longValue() : 0;
                    if (availability.equals(variant.get("availability")) && shown == units) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the product page never showed " + sku + " " + availability + " " + units + ": " + last);
    }
}
