package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.orders.OrderInventory;
import io.shopcare.orders.aws.DynamoOrderInventory;
import io.shopcare.stock.aws.StockWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Orders through the real local stack: the routes, the one-transaction reservation on DynamoDB
 * Local, the inventory stream carrying reservations to the product page, the orders stream
 * carrying e-mails to the SES emulator, and the deadline schedule.
 */
class OrdersEndToEndTest {
    private static final String WAREHOUSE = "orders-warehouse";
    private static final String STORE = "orders-store";
    private static LocalStack stack;
    private static StackClient client;
    private static SesInbox inbox;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        inbox = new SesInbox(stack.sesUrl());
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, """
                {"type": "WAREHOUSE", "name": "Orders warehouse", "address": {"street": "Skladová 5", "city": "Praha",
                 "postcode": "190 00", "country": "CZ"}, "phone": "+420 222 000 999", "timezone": "Europe/Prague",
                 "openingHours": [%s], "shipsOnline": true, "pickup": false, "processingDays": 1}""".formatted(week())));
        ok(client.admin("PUT", "/admin/locations/" + STORE, """
                {"type": "STORE", "name": "Orders store", "address": {"street": "Na Příkopě 1", "city": "Praha",
                 "postcode": "110 00", "country": "CZ"}, "phone": "+420 222 000 888", "timezone": "Europe/Prague",
                 "openingHours": [%s], "shipsOnline": false, "pickup": true, "processingDays": 0, "storageDays": 5}"""
                .formatted(week())));
        ok(client.admin("PUT", "/admin/carriers/orders-courier", Fixtures.carrier("Orders courier")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aQuoteBecomesAnOrderWhoseConfirmationArrivesInTheShoppersLanguage() {
        String sku = product("quote", 10);
        Map<String, Object> quote = json(client.send("POST", "/orders/quote", "application/json",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 2}], \"delivery\": {\"method\": \"HOME\"}}", false,
                Map.of()), 200);
        Map<?, ?> option = options(quote).stream().filter(o -> "orders-courier".equals(o.get("carrier"))).findFirst()
                .orElseThrow();
        Map<String, Object> order = place("jana.quote@example.com", "cs", sku, 2, "BANK_TRANSFER");
        assertEquals(option.get("estimatedDelivery"), order.get("estimatedDelivery"));
        assertEquals("PENDING_PAYMENT", order.get("status"));
        Map<?, ?> instructions = (Map<?, ?>) ((Map<?, ?>) order.get("payment")).get("instructions");
        assertTrue(((String) instructions.get("qrPayment")).startsWith("SPD*1.0*"), instructions.toString());

        List<Map<String, Object>> mails = inbox.awaitEmails("jana.quote@example.com", 1);
        String subject = subject(mails.get(0));
        assertTrue(subject.contains((String) order.get("orderId")), subject);
        String text = body(mails.get(0));
        assertTrue(text.contains("/orders/" + order.get("orderId") + "#token="), text);
        assertTrue(text.contains((String) instructions.get("variableSymbol")), text);

        String token = (String) order.get("accessToken");
        Map<String, Object> read = json(client.send("GET", "/orders/" + order.get("orderId"), null, null, false,
                Map.of("Authorization", "Bearer " + token)), 200);
        assertEquals(order.get("orderId"), read.get("orderId"));
        assertEquals(404, client.send("GET", "/orders/" + order.get("orderId"), null, null, false,
                Map.of("Authorization", "Bearer " + token + "x")).status());
        assertEquals(404, client.send("GET", "/orders/" + order.get("orderId"), null, null, false, Map.of()).status());
    }

    @Test
    void aShortLineIsNamedReservesNothingAndAPartialCancelReachesTheProductPage() {
        String sku = product("cancel", 5);
        StackClient.Answer refused = client.send("POST", "/orders", "application/json", orderBody("ann@example.com", "en",
                sku, 6, "CARD"), false, Map.of());
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"lines[0]\"") && refused.body().contains("only 5 available"), refused.body());

        Map<String, Object> order = place("ann@example.com", "en", sku, 4, "CARD");
        awaitVariant("orders-cancel", sku, v -> Long.valueOf(1).equals(((Number) v.getOrDefault("unitsLeft", -1)).longValue()));
        String id = (String) order.get("orderId");
        Map<String, Object> cancelled = json(client.send("POST", "/orders/" + id + "/cancellations", "application/json",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 2}]}", false,
                Map.of("Authorization", "Bearer " + order.get("accessToken"))), 200);
        Map<?, ?> line = (Map<?, ?>) ((List<?>) cancelled.get("lines")).get(0);
        assertEquals(2, ((Number) line.get("quantity")).intValue());
        assertEquals(2, ((Number) line.get("cancelledQuantity")).intValue());
        awaitVariant("orders-cancel", sku, v -> ((Number) v.getOrDefault("unitsLeft", -1)).longValue() == 3);
    }

    @Test
    void anUnpaidCardOrderExpiresAndItsStockReturns() {
        String sku = product("expiry", 3);
        Map<String, Object> order = place("eva.expiry@example.com", "fr", sku, 3, "CARD");
        awaitVariant("orders-expiry", sku, v -> "SOLD_OUT".equals(v.get("availability")));
        stack.runSchedule("OrderDeadlinesFunction", Instant.now().plus(Duration.ofMinutes(61)));
        Map<String, Object> read = admin("GET", "/admin/orders/" + order.get("orderId"), null);
        assertEquals("CANCELLED", read.get("status"));
        awaitVariant("orders-expiry", sku, v -> ((Number) v.getOrDefault("unitsLeft", -1)).longValue() == 3);
        List<Map<String, Object>> mails = inbox.awaitEmails("eva.expiry@example.com", 2);
        assertTrue(subject(mails.get(1)).contains((String) order.get("orderId")), subject(mails.get(1)));
    }

    @Test
    void shippedBringsTheTrackingLinkAndTheFulfilmentQueueShowsTheOrder() {
        String sku = product("ship", 4);
        Map<String, Object> order = place("olga.ship@example.com", "uk", sku, 1, "CASH_ON_DELIVERY");
        String id = (String) order.get("orderId");
        assertEquals("CONFIRMED", order.get("status"));
        Map<String, Object> queue = admin("GET", "/admin/orders?status=CONFIRMED&limit=100", null);
        assertTrue(((List<?>) queue.get("items")).stream().anyMatch(o -> id.equals(((Map<?, ?>) o).get("orderId"))));
        admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"PACKED\"}");
        StackClient.Answer twice = client.send("POST", "/admin/orders/" + id + "/events", "application/json",
                "{\"type\": \"PACKED\"}", true, Map.of());
        assertEquals(409, twice.status(), twice.body());
        Map<String, Object> shipped = admin("POST", "/admin/orders/" + id + "/events",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"ZX123\"}");
        Map<?, ?> tracking = (Map<?, ?>) shipped.get("tracking");
        assertEquals("https://track.example.com/parcel/ZX123", tracking.get("url"));
        List<Map<String, Object>> mails = inbox.awaitEmails("olga.ship@example.com", 2);
        assertTrue(body(mails.get(1)).contains("https://track.example.com/parcel/ZX123"), body(mails.get(1)));
        assertEquals(409, client.send("POST", "/orders/" + id + "/cancellations", "application/json", "{}", false,
                Map.of("Authorization", "Bearer " + order.get("accessToken"))).status());
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsSellExactlyFifty() throws Exception {
        String sku = product("race", 50);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = orderBody("race" + i + "@example.com", "en", sku, 1, "CARD");
            answers.add(pool.submit(() -> client.send("POST", "/orders", "application/json", body, false, Map.of())
                    .status()));
        }
        int created = 0;
        int refused = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            if (status == 201) {
                created++;
            } else {
                assertEquals(409, status);
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(50, created);
        assertEquals(150, refused);
        Map<String, Object> level = json(client.admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE, "{\"onHand\": 50}"), 200);
        assertEquals(50L, ((Number) level.get("reserved")).longValue());
        assertEquals(0L, ((Number) level.get("available")).longValue());
    }

    @Test
    void theShopperChangesTheOrderAndRetriedRequestsAreAnsweredAgain() {
        String sku = product("change", 6);
        String body = orderBody("petr.change@example.com", "cs", sku, 1, "CARD");
        Map<String, Object> first = json(client.send("POST", "/orders", "application/json", body, false,
                Map.of("Idempotency-Key", "checkout-change-1")), 201);
        Map<String, Object> again = json(client.send("POST", "/orders", "application/json", body, false,
                Map.of("Idempotency-Key", "checkout-change-1")), 201);
        assertEquals(first.get("orderId"), again.get("orderId"));
        assertEquals(first.get("accessToken"), again.get("accessToken"));
        String id = (String) first.get("orderId");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + first.get("accessToken"),
                "Idempotency-Key", "patch-1");
        Map<String, Object> patched = json(client.send("PATCH", "/orders/" + id, "application/json",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 3}]}", false, auth), 200);
        assertEquals(3, ((Number) ((Map<?, ?>) ((List<?>) patched.get("lines")).get(0)).get("quantity")).intValue());
        awaitVariant("orders-change", sku, v -> ((Number) v.getOrDefault("unitsLeft", -1)).longValue() == 3);
        Map<String, Object> payment = json(client.send("POST", "/orders/" + id + "/payments", "application/json",
                "{\"method\": \"BANK_TRANSFER\"}", false, Map.of("Authorization", "Bearer " + first.get("accessToken"))), 200);
        assertTrue(String.valueOf(((Map<?, ?>) payment.get("instructions")).get("variableSymbol")).matches("[1-9][0-9]{9}"));
        String earliest = (String) ((Map<?, ?>) patched.get("estimatedDelivery")).get("earliest");
        Map<String, Object> slotted = json(client.send("PUT", "/orders/" + id + "/delivery", "application/json",
                "{\"deliverySlot\": {\"date\": \"" + earliest + "\", \"from\": \"08:00\", \"to\": \"12:00\"}}", false,
                Map.of("Authorization", "Bearer " + first.get("accessToken"))), 200);
        assertEquals("08:00", ((Map<?, ?>) ((Map<?, ?>) slotted.get("delivery")).get("slot")).get("from"));
        Map<String, Object> mine = admin("GET", "/admin/orders?email=Petr.Change@example.com", null);
        assertEquals(id, ((Map<?, ?>) ((List<?>) mine.get("items")).get(0)).get("orderId"));
        String paid = "{\"type\": \"PAID\"}";
        Map<String, Object> once = json(client.send("POST", "/admin/orders/" + id + "/events", "application/json", paid,
                true, Map.of("Idempotency-Key", "psp-evt-1")), 200);
        Map<String, Object> twice = json(client.send("POST", "/admin/orders/" + id + "/events", "application/json", paid,
                true, Map.of("Idempotency-Key", "psp-evt-1")), 200);
        assertEquals(once.get("timeline"), twice.get("timeline"));
        assertEquals("CONFIRMED", twice.get("status"));
    }

    @Test
    void aDecisionsReadsSideBySideAnswerWhatTheyAnswerOneAfterTheOther() {
        ok(client.admin("PUT", "/admin/products/orders-side", Fixtures.product("Orders side", "orders-side", 1,
                "Alpine", "ORD-SIDE-S", "ORD-SIDE-M")));
        String other = "ORD-SIDE-OTHER-M";
        ok(client.admin("PUT", "/admin/products/orders-side-other", Fixtures.product("Orders side other",
                "orders-side", 2, "Alpine", other)));
        ok(client.admin("PUT", "/admin/stock/ORD-SIDE-S/" + WAREHOUSE, "{\"onHand\": 4}"));
        ok(client.admin("PUT", "/admin/stock/ORD-SIDE-S/" + STORE, "{\"onHand\": 1}"));
        ok(client.admin("PUT", "/admin/stock/" + other + "/" + WAREHOUSE, "{\"onHand\": 2}"));
        // A backlog counter as OrderBacklog keeps it (3 orders: no day later at a capacity of 200).
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("OrdersTable")).item(Map.of(
                "pk", AttributeValue.fromS(OrdersTable.backlogPk(STORE)), "sk", AttributeValue.fromS(OrdersTable.COUNT_SK),
                "count", AttributeValue.fromN("3"))));
        DynamoDbClient dynamoDb = stack.dynamoDb();
        String inventoryTable = stack.tableName("InventoryTable");
        String ordersTable = stack.tableName("OrdersTable");
        DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamoDb, inventoryTable, Clock.systemUTC());
        StockWrites stock = new StockWrites(dynamoDb, inventoryTable, Clock.systemUTC());
        ExecutorService reads = Executors.newFixedThreadPool(5);
        try {
            // Two SKUs of one product, one of another, one not sold, one named twice; nothing
            // written meanwhile (the other tests' orders have reached the backlog counters).
            List<String> skus = List.of("ORD-SIDE-S", other, "NOT-SOLD", "ORD-SIDE-M", "ORD-SIDE-S");
            stack.awaitIdle(Duration.ofSeconds(30));
            OrderInventory.Reading inTurn = oneAfterTheOther(new DynamoOrderInventory(catalog, stock, dynamoDb,
                    ordersTable)).read(skus);
            assertEquals(List.of("ORD-SIDE-S", other, "ORD-SIDE-M"), List.copyOf(inTurn.skus().keySet()));
            assertEquals(3L, inTurn.backlog().get(STORE));
            assertEquals(Map.of(WAREHOUSE, 4L, STORE, 1L), Map.of(WAREHOUSE, inTurn.stock().get("ORD-SIDE-S")
                    .get(WAREHOUSE).onHand(), STORE, inTurn.stock().get("ORD-SIDE-S").get(STORE).onHand()));
            for (int i = 0; i < 3; i++) {
                assertEquals(inTurn, new DynamoOrderInventory(catalog, stock, dynamoDb, ordersTable, reads).read(skus));
            }
            // A failed read fails the whole with its own exception.
            DynamoOrderInventory broken = new DynamoOrderInventory(catalog, stock, dynamoDb, "NoSuchTable", reads);
            assertThrows(ResourceNotFoundException.class, () -> broken.read(skus));
        } finally {
            reads.shutdownNow();
        }
    }

    /** The inventory read through {@link OrderInventory}'s own {@code read}: its five reads one after the other. */
    private static OrderInventory oneAfterTheOther(OrderInventory inventory) {
        return new OrderInventory() {
            @Override
            public Map<String, SkuInfo> skus(java.util.Collection<String> skus) {
                return inventory.skus(skus);
            }

            @Override
            public Map<String, Map<String, StockCount>> stock(java.util.Collection<String> skus) {
                return inventory.stock(skus);
            }

            @Override
            public List<io.shopcare.catalog.Location> locations() {
                return inventory.locations();
            }

            @Override
            public List<CarrierTerms> carriers() {
                return inventory.carriers();
            }

            @Override
            public Map<String, Long> backlog(java.util.Collection<String> locationIds) {
                return inventory.backlog(locationIds);
            }
        };
    }

    // ------------------------------------------------------------------ helpers

    private static String week() {
        return String.join(", ", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN").stream()
                .map(d -> "{\"day\": \"" + d + "\", \"opens\": \"08:00\", \"closes\": \"18:00\"}").toList());
    }

    /** A one-SKU product (orders-NAME) with {@code units} at the warehouse; returns the SKU. */
    private static String product(String name, int units) {
        String sku = "ORD-" + name.toUpperCase() + "-M";
        ok(client.admin("PUT", "/admin/products/orders-" + name,
                Fixtures.product("Orders " + name, "orders-" + name, 1, "Alpine", sku)));
        Fixtures.setStock(client, stack, sku, WAREHOUSE, units);
        return sku;
    }

    private static String orderBody(String email, String locale, String sku, int quantity, String payment) {
        return """
                {"customer": {"email": "%s", "name": "Jana Nováková", "locale": "%s"},
                 "lines": [{"sku": "%s", "quantity": %d}],
                 "delivery": {"method": "HOME", "carrier": "orders-courier",
                              "address": {"street": "Dlouhá 1", "city": "Praha", "postcode": "110 00", "country": "CZ"}},
                 "payment": {"method": "%s"}}""".formatted(email, locale, sku, quantity, payment);
    }

    private static Map<String, Object> place(String email, String locale, String sku, int quantity, String payment) {
        return json(client.send("POST", "/orders", "application/json", orderBody(email, locale, sku, quantity, payment),
                false, Map.of()), 201);
    }

    private static Map<String, Object> admin(String method, String path, String body) {
        return json(client.send(method, path, body == null ? null : "application/json", body, true, Map.of()), 200);
    }

    private static Map<String, Object> json(StackClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> options(Map<String, Object> quote) {
        return (List<Map<?, ?>>) quote.get("options");
    }

    private static void awaitVariant(String productId, String sku, Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            for (Object v : (List<?>) client.get("/products/" + productId).json().get("variants")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> variant = (Map<String, Object>) v;
                if (sku.equals(variant.get("sku"))) {
                    last = variant;
                    if (condition.test(variant)) {
                        return;
                    }
                }
            }
            sleep();
        }
        throw new AssertionError("the product page never showed the expected " + sku + ": " + last);
    }

    private static String subject(Map<String, Object> mail) {
        return String.valueOf(mail.get("subject"));
    }

    private static String body(Map<String, Object> mail) {
        Object body = mail.get("body");
        return body instanceof Map<?, ?> parts ? String.valueOf(parts.get("text")) : Json.write(mail);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
