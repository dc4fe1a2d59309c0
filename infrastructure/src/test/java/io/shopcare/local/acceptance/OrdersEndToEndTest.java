package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import static org.junit.jupiter.api.Assertions.assertThrows;
import io.shopcare.catalog.CatalogRepository;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.stock.aws.StockWrites;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import io.shopcare.orders.OrderInventory;
import io.shopcare.orders.aws.DynamoOrderInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Orders through the real local stack: the routes, the one-transaction reservation on DynamoDB
 * Local, the inventory stream carrying reservations to the product page, the orders stream
 * carrying e-mails to the SES emulator, and the deadline schedule.
 */
class OrdersEndToEndTest {
    private static final String WAREHOUSE = "orders-warehouse";
    private static final String STORE = "orders-store";
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://[^\\s\"<>]+/alerts/confirm\\?token=[A-Za-z0-9._-]+)");
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
                 "openingHours": [%s], "shipsOnline": true, "pickup": false, "processingDays": 1}""".formatted(Fixtures.everyDay())));
        ok(client.admin("PUT", "/admin/locations/" + STORE, """
                {"type": "STORE", "name": "Orders store", "address": {"street": "Na Příkopě 1", "city": "Praha",
                 "postcode": "110 00", "country": "CZ"}, "phone": "+420 222 000 888", "timezone": "Europe/Prague",
                 "openingHours": [%s], "shipsOnline": false, "pickup": true, "processingDays": 0, "storageDays": 5}"""
                .formatted(Fixtures.everyDay())));
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
    void aCustomersOrdersPageThroughNewestFirstAndTheLastPageGivesNoCursor() {
        String sku = product("pages", 3);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(0, (String) place("pia.pages@example.com", "en", sku, 1, "CASH_ON_DELIVERY").get("orderId"));
        }
        String list = "/admin/orders?email=pia.pages@example.com&limit=";

        Map<String, Object> whole = admin("GET", list + 3, null);
        assertEquals(placed, orderIds(whole), "one page that holds them all, newest first");
        assertNull(whole.get("nextCursor"), "a page that ends the list sends nobody on to an empty one");

        Map<String, Object> first = admin("GET", list + 2, null);
        assertEquals(placed.subList(0, 2), orderIds(first));
        Map<String, Object> last = admin("GET", list + 2 + "&cursor=" + first.get("nextCursor"), null);
        assertEquals(placed.subList(2, 3), orderIds(last));
        assertNull(last.get("nextCursor"));
    }

    private static List<String> orderIds(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().map(o -> (String) ((Map<?, ?>) o).get("orderId")).toList();
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
    void aStorePickupNamesTheStoreCanBeExtendedUpToSevenDaysIsRemindedOnceAndPickedUpWithItsDeadlines() {
        String sku = product("pickup", 3);
        String address = "petra.pickup@example.com";
        Map<String, Object> order = placeStore(address, "en", sku, 1, "CARD");
        String id = (String) order.get("orderId");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + order.get("accessToken"));
        admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"PAID\"}");
        admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"PACKED\"}");
        LocalDate before = LocalDate.now(PRAGUE);
        Map<String, Object> ready = admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"READY_FOR_PICKUP\"}");
        LocalDate after = LocalDate.now(PRAGUE);
        assertEquals("READY_FOR_PICKUP", ready.get("status"));
        Map<?, ?> pickup = (Map<?, ?>) ready.get("pickup");
        Map<?, ?> location = (Map<?, ?>) pickup.get("location");
        assertEquals(STORE, location.get("locationId"));
        assertEquals("Orders store", location.get("name"));
        assertEquals("+420 222 000 888", location.get("phone"));
        assertEquals(Map.of("street", "Na Příkopě 1", "city", "Praha", "postcode", "110 00", "country", "CZ"),
                location.get("address"));
        List<?> hours = (List<?>) pickup.get("openingHours");
        assertEquals(7, hours.size(), hours.toString());
        assertEquals(Map.of("day", "MON", "opens", "08:00", "closes", "18:00"), hours.get(0));
        LocalDate storageUntil = LocalDate.parse((String) pickup.get("storageUntil"));
        assertTrue(storageUntil.equals(before.plusDays(5)) || storageUntil.equals(after.plusDays(5)),
                "the store's storageDays (5) from today in Prague: " + storageUntil);
        assertTrue(actions(ready).contains("EXTEND_PICKUP") && !actions(ready).contains("CANCEL"), actions(ready).toString());
        assertEquals(pickup, json(client.send("GET", "/orders/" + id, null, null, false, auth), 200).get("pickup"));

        List<Map<String, Object>> mails = inbox.awaitEmails(address, 2);
        assertEquals("Order " + id + " is ready for pickup", subject(mails.get(1)));
        String readyText = body(mails.get(1));
        for (String expected : List.of("Orders store", "Na Příkopě 1, 110 00 Praha", "+420 222 000 888", "Monday",
                "Sunday", "08:00–18:00", english(storageUntil))) {
            assertTrue(readyText.contains(expected), "the ready-for-pickup e-mail names " + expected + ":\n" + readyText);
        }

        Map<String, Object> extended = json(client.send("PUT", "/orders/" + id + "/delivery", "application/json",
                "{\"extendPickupDays\": 3}", false, auth), 200);
        assertEquals(storageUntil.plusDays(3).toString(), ((Map<?, ?>) extended.get("pickup")).get("storageUntil"));
        StackClient.Answer tooLong = client.send("PUT", "/orders/" + id + "/delivery", "application/json",
                "{\"extendPickupDays\": 5}", false, auth);
        assertEquals(409, tooLong.status(), tooLong.body());
        assertEquals("NOT_EXTENDABLE", ((Map<?, ?>) tooLong.json().get("error")).get("code"));
        assertEquals(storageUntil.plusDays(3).toString(), ((Map<?, ?>) json(client.send("GET", "/orders/" + id, null,
                null, false, auth), 200).get("pickup")).get("storageUntil"), "a refused extension changes nothing");
        Map<String, Object> full = json(client.send("PUT", "/orders/" + id + "/delivery", "application/json",
                "{\"extendPickupDays\": 4}", false, auth), 200);
        LocalDate lastDay = storageUntil.plusDays(7);
        assertEquals(lastDay.toString(), ((Map<?, ?>) full.get("pickup")).get("storageUntil"));
        assertFalse(actions(full).contains("EXTEND_PICKUP"), actions(full).toString());
        assertEquals(409, client.send("PUT", "/orders/" + id + "/delivery", "application/json",
                "{\"extendPickupDays\": 1}", false, auth).status(), "seven days in total are used up");

        // The reminder goes out at 09:00 in the store's zone on the day before the last day, once.
        Instant reminder = lastDay.minusDays(1).atTime(9, 0).atZone(PRAGUE).toInstant();
        stack.runSchedule("OrderDeadlinesFunction", reminder.minus(Duration.ofMinutes(1)));
        settle();
        assertEquals(2, inbox.emailsTo(address).size(), "no reminder before its time");
        stack.runSchedule("OrderDeadlinesFunction", reminder);
        settle();
        mails = inbox.awaitEmails(address, 3);
        stack.runSchedule("OrderDeadlinesFunction", reminder.plus(Duration.ofMinutes(1)));
        stack.runSchedule("OrderDeadlinesFunction", reminder.plus(Duration.ofHours(2)));
        settle();
        mails = inbox.awaitEmails(address, 3);
        assertEquals("Tomorrow is the last day to pick up order " + id, subject(mails.get(2)));
        assertTrue(body(mails.get(2)).contains(english(lastDay)), body(mails.get(2)));
        assertEquals("READY_FOR_PICKUP", admin("GET", "/admin/orders/" + id, null).get("status"),
                "the reminder does not end the pickup");

        LocalDate handedOver = LocalDate.now(PRAGUE);
        Map<String, Object> pickedUp = admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"PICKED_UP\"}");
        assertEquals("PICKED_UP", pickedUp.get("status"));
        LocalDate returnUntil = LocalDate.parse((String) pickedUp.get("returnUntil"));
        LocalDate damageReportUntil = LocalDate.parse((String) pickedUp.get("damageReportUntil"));
        assertEquals(handedOver.plusDays(30), returnUntil);
        assertEquals(handedOver.plusDays(3), damageReportUntil);
        mails = inbox.awaitEmails(address, 4);
        assertEquals("You have picked up order " + id, subject(mails.get(3)));
        String pickedUpText = body(mails.get(3));
        assertTrue(pickedUpText.contains(english(returnUntil)) && pickedUpText.contains(english(damageReportUntil)),
                pickedUpText);
        assertArrayEquals(new long[] {2, 0}, level(sku), "the unit left the building: out of onHand and reserved");
    }

    @Test
    void anUncollectedStorePickupIsCancelledRefundedAndItsUnitGoesBackToTheStore() {
        String sku = product("uncollected", 0);
        Fixtures.setStock(client, stack, sku, STORE, 2);
        String address = "karel.uncollected@example.com";
        Map<String, Object> order = placeStore(address, "cs", sku, 1, "CARD");
        String id = (String) order.get("orderId");
        assertEquals(List.of(Map.of("locationId", STORE, "quantity", 1)),
                ((Map<?, ?>) ((List<?>) order.get("lines")).get(0)).get("allocations"), "the store's own stock first");
        admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"PAID\"}");
        admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"PACKED\"}");
        Map<String, Object> ready = admin("POST", "/admin/orders/" + id + "/events", "{\"type\": \"READY_FOR_PICKUP\"}");
        LocalDate lastDay = LocalDate.parse((String) ((Map<?, ?>) ready.get("pickup")).get("storageUntil"));
        assertArrayEquals(new long[] {2, 1}, levelAt(sku, STORE));

        stack.runSchedule("OrderDeadlinesFunction", lastDay.minusDays(1).atTime(9, 0).atZone(PRAGUE).toInstant());
        Instant lastDayOver = lastDay.plusDays(1).atStartOfDay(PRAGUE).toInstant();
        stack.runSchedule("OrderDeadlinesFunction", lastDayOver.minusSeconds(1));
        assertEquals("READY_FOR_PICKUP", admin("GET", "/admin/orders/" + id, null).get("status"),
                "the last day is inclusive");
        stack.runSchedule("OrderDeadlinesFunction", lastDayOver);
        stack.runSchedule("OrderDeadlinesFunction", lastDayOver.plusSeconds(60));
        Map<String, Object> cancelled = admin("GET", "/admin/orders/" + id, null);
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("REFUNDED", ((Map<?, ?>) cancelled.get("payment")).get("status"));
        settle();
        assertArrayEquals(new long[] {2, 0}, levelAt(sku, STORE), "the unit is free again at the store");
        List<Map<String, Object>> mails = inbox.awaitEmails(address, 4);
        assertEquals("Objednávka č.\u00a0" + id + " byla zrušena", subject(mails.get(3)));
        String text = body(mails.get(3));
        assertTrue(text.contains(lastDay.getDayOfMonth() + ". " + lastDay.getMonthValue() + ". " + lastDay.getYear())
                && text.contains("129,00"), "why (the last pickup day) and the refund:\n" + text);
    }

    @Test
    void cancellingTheLastReservedUnitOfASoldOutSkuStartsABackInStockWave() {
        String sku = product("comeback", 1);
        Map<String, Object> order = place("holder@example.com", "en", sku, 1, "CARD");
        awaitVariant("orders-comeback", sku, v -> "SOLD_OUT".equals(v.get("availability")));
        settle();
        assertEquals(202, client.send("POST", "/skus/" + sku + "/alerts", "application/json",
                "{\"email\": \"waiting@example.com\", \"locale\": \"en\"}", false, Map.of()).status());
        Matcher link = CONFIRM_LINK.matcher(body(inbox.awaitEmails("waiting@example.com", 1).get(0)));
        assertTrue(link.find(), "a confirmation link");
        assertEquals(Map.of("status", "ACTIVE", "sku", sku),
                client.get(link.group(1).substring(stack.apiUrl().length())).json());
        settle();
        assertEquals(1, inbox.emailsTo("waiting@example.com").size(), "nothing while the unit is reserved");

        Map<String, Object> cancelled = json(client.send("POST", "/orders/" + order.get("orderId") + "/cancellations",
                "application/json", "{}", false, Map.of("Authorization", "Bearer " + order.get("accessToken"))), 200);
        assertEquals("CANCELLED", cancelled.get("status"));
        List<Map<String, Object>> mails = inbox.awaitEmails("waiting@example.com", 2);
        assertEquals("Orders comeback is back in stock", subject(mails.get(1)));
        assertTrue(body(mails.get(1)).contains("/products/orders-comeback"), body(mails.get(1)));
        settle();
        assertEquals(2, inbox.emailsTo("waiting@example.com").size(), "one wave, one e-mail");
        assertArrayEquals(new long[] {1, 0}, level(sku));
    }

    @Test
    void theMerchantsStockCountRacingFortyOrdersLosesNoReservation() throws Exception {
        String sku = product("count", 30);
        AtomicBoolean racing = new AtomicBoolean(true);
        List<String> oversold = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            while (racing.get()) {
                try {
                    long[] level = level(sku);
                    if (level[1] > level[0] || level[1] < 0) {
                        oversold.add(Arrays.toString(level));
                    }
                    sleep(5);
                } catch (RuntimeException e) {
                    oversold.add("the level could not be read: " + e);
                    return;
                }
            }
        });
        watcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<StackClient.Answer>> orders = new ArrayList<>();
        List<Future<StackClient.Answer>> counts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Cash on delivery: confirmed at once, so no deadline of these orders reaches other tests' sweeps.
            String body = orderBody("count" + i + "@example.com", "en", sku, 1, "CASH_ON_DELIVERY");
            orders.add(pool.submit(() -> client.send("POST", "/orders", "application/json", body, false, Map.of())));
            if (i % 7 == 3) {
                counts.add(pool.submit(() -> client.admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE,
                        "{\"onHand\": 35}")));
            }
        }
        int created = 0;
        for (Future<StackClient.Answer> answer : orders) {
            StackClient.Answer a = answer.get();
            if (a.status() == 201) {
                created++;
            } else {
                assertEquals(409, a.status(), a.body());
            }
        }
        int counted = 0;
        for (Future<StackClient.Answer> answer : counts) {
            StackClient.Answer a = answer.get();
            if (a.status() == 200) {
                counted++;
                Map<String, Object> level = a.json();
                long onHand = ((Number) level.get("onHand")).longValue();
                long reserved = ((Number) level.get("reserved")).longValue();
                assertEquals(35L, onHand, a.body());
                assertEquals(Math.max(0, onHand - reserved), ((Number) level.get("available")).longValue(), a.body());
            } else {
                assertEquals(409, a.status(), "a count that gave up on concurrent changes: " + a.body());
            }
        }
        pool.shutdown();
        racing.set(false);
        watcher.join();
        assertTrue(counted > 0, "at least one of the merchant's counts went through");
        assertEquals(List.of(), oversold, "reserved never exceeded onHand");
        assertTrue(created >= 30 && created <= 35, "the 30 units, plus at most the 5 the count added: " + created);
        assertArrayEquals(new long[] {35, created}, level(sku), "every placed order's unit is still reserved");
        Map<String, Object> level = json(client.admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE, "{\"onHand\": 35}"),
                200);
        assertEquals((long) created, ((Number) level.get("reserved")).longValue());
        assertEquals(35L - created, ((Number) level.get("available")).longValue());
    }

    @Test
    void everyOrderEmailGoesOutOnceInTheOrdersLanguage() {
        String sku = product("mails", 40);
        List<String> languages = List.of("cs", "fr", "uk", "en");
        Map<String, String> shipped = new LinkedHashMap<>();
        Map<String, String> picked = new LinkedHashMap<>();
        Map<String, String> cancelled = new LinkedHashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (String language : languages) {
            String address = "mails." + language + "@example.com";
            Map<String, Object> home = place(address, language, sku, 2, "CARD");
            Map<String, Object> store = placeStore(address, language, sku, 1, "CASH_ON_DELIVERY");
            Map<String, Object> dropped = place(address, language, sku, 1, "CARD");
            shipped.put(language, (String) home.get("orderId"));
            picked.put(language, (String) store.get("orderId"));
            cancelled.put(language, (String) dropped.get("orderId"));
            for (Map<String, Object> o : List.of(home, store, dropped)) {
                tokens.put((String) o.get("orderId"), (String) o.get("accessToken"));
            }
        }
        Instant paymentReminder = Instant.EPOCH;
        for (String language : languages) {
            String home = shipped.get(language);
            Map<String, String> auth = Map.of("Authorization", "Bearer " + tokens.get(home));
            admin("POST", "/admin/orders/" + home + "/events", "{\"type\": \"PAYMENT_FAILED\"}");
            Map<String, Object> transfer = json(client.send("POST", "/orders/" + home + "/payments", "application/json",
                    "{\"method\": \"BANK_TRANSFER\"}", false, auth), 200);
            Instant dueBy = Instant.parse((String) transfer.get("dueBy"));
            paymentReminder = later(paymentReminder, dueBy.minus(Duration.ofHours(reminderHours())));
            json(client.send("PATCH", "/orders/" + home, "application/json",
                    "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}", false, auth), 200);
            String dropped = cancelled.get(language);
            json(client.send("POST", "/orders/" + dropped + "/cancellations", "application/json", "{}", false,
                    Map.of("Authorization", "Bearer " + tokens.get(dropped))), 200);
            admin("POST", "/admin/orders/" + picked.get(language) + "/events", "{\"type\": \"PACKED\"}");
            admin("POST", "/admin/orders/" + picked.get(language) + "/events", "{\"type\": \"READY_FOR_PICKUP\"}");
        }
        stack.runSchedule("OrderDeadlinesFunction", paymentReminder.plusSeconds(1));
        Instant pickupReminder = Instant.EPOCH;
        for (String language : languages) {
            String home = shipped.get(language);
            admin("POST", "/admin/orders/" + home + "/events", "{\"type\": \"PAID\"}");
            admin("POST", "/admin/orders/" + home + "/events", "{\"type\": \"PACKED\"}");
            admin("POST", "/admin/orders/" + home + "/events", "{\"type\": \"SHIPPED\", \"trackingNumber\": \"ML" + language
                    .toUpperCase() + "1\"}");
            admin("POST", "/admin/orders/" + home + "/events", "{\"type\": \"DELIVERED\"}");
            admin("POST", "/admin/orders/" + home + "/events", "{\"type\": \"REFUNDED\", \"amount\": \"10.00\"}");
            Map<?, ?> pickup = (Map<?, ?>) admin("GET", "/admin/orders/" + picked.get(language), null).get("pickup");
            pickupReminder = later(pickupReminder, LocalDate.parse((String) pickup.get("storageUntil")).minusDays(1)
                    .atTime(9, 0).atZone(PRAGUE).toInstant());
        }
        stack.runSchedule("OrderDeadlinesFunction", pickupReminder);
        for (String language : languages) {
            admin("POST", "/admin/orders/" + picked.get(language) + "/events", "{\"type\": \"PICKED_UP\"}");
        }
        // Stream redelivery and a second sweep must not send anything twice.
        stack.runSchedule("OrderDeadlinesFunction", pickupReminder.plusSeconds(60));
        settle(); // the sweeps also expired other tests' unpaid orders: their e-mails may be queued before ours
        for (String language : languages) {
            inbox.awaitEmails("mails." + language + "@example.com", 13);
        }
        List<String> ours = new ArrayList<>(tokens.keySet());
        for (DynamodbEvent batch : stack.deliveredBatches("OrderMailFunction")) {
            if (batch.getRecords().stream().anyMatch(r -> ours.stream().anyMatch(id ->
                    ("ORDER#" + id).equals(r.getDynamodb().getKeys().get("pk").getS())))) {
                stack.invoke("OrderMailFunction", batch);
            }
        }
        settle();

        Map<String, String> word = Map.of("cs", "objednávk", "fr", "commande", "uk", "замовлення", "en", "order");
        for (String language : languages) {
            String address = "mails." + language + "@example.com";
            Properties wording = wording(language);
            List<String> expected = new ArrayList<>();
            for (String kind : List.of("order-confirmed", "payment-failed", "order-modified", "payment-reminder", "shipped",
                    "delivered", "refunded")) {
                expected.add(kind + " " + shipped.get(language));
            }
            for (String kind : List.of("order-confirmed", "ready-for-pickup", "pickup-reminder", "picked-up")) {
                expected.add(kind + " " + picked.get(language));
            }
            for (String kind : List.of("order-confirmed", "order-cancelled")) {
                expected.add(kind + " " + cancelled.get(language));
            }
            List<Map<String, Object>> mails = inbox.emailsTo(address);
            List<String> received = new ArrayList<>();
            for (Map<String, Object> mail : mails) {
                String subject = subject(mail);
                assertTrue(subject.toLowerCase(Locale.ROOT).contains(word.get(language)),
                        language + " subject: " + subject);
                received.add(kindOf(wording, subject, List.of(shipped.get(language), picked.get(language),
                        cancelled.get(language))));
                String orderId = received.get(received.size() - 1).split(" ")[1];
                assertTrue(body(mail).contains("/orders/" + orderId + "#token="), "order-page link in " + subject);
            }
            Collections.sort(expected);
            Collections.sort(received);
            assertEquals(expected, received, "e-mails to " + address);
        }
    }

    @Test
    void theOrdersStreamSampleMailsOnceAndCountsTheBacklogOnce() {
        DynamodbEvent sample = EventLoader.loadDynamoDbEvent(Path.of(System.getProperty("shopcare.project.dir"), "events",
                "orders-stream-order-change.json").toString());
        String address = "sample.shopper@example.com";
        // The first two records (placed, packed): the order joins the warehouse's backlog and is confirmed by e-mail.
        DynamodbEvent firstTwo = new DynamodbEvent();
        firstTwo.setRecords(sample.getRecords().subList(0, 2));
        assertEquals(List.of(), failures(stack.invoke("OrderBacklogFunction", firstTwo)));
        assertEquals(List.of(), failures(stack.invoke("OrderMailFunction", firstTwo)));
        assertEquals(1L, backlog("prague-warehouse"));
        assertTrue(backlogMarker("prague-warehouse", "261122-7K3QH2XD"));
        List<Map<String, Object>> mails = inbox.awaitEmails(address, 1);
        assertEquals("Děkujeme za objednávku č.\u00a0261122-7K3QH2XD", subject(mails.get(0)));

        // The whole sample, as a retry after a partial batch would redeliver it: shipped leaves the backlog and
        // brings the tracking e-mail; the placed and packed records count and mail nothing again.
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of(), failures(stack.invoke("OrderBacklogFunction", sample)));
            assertEquals(List.of(), failures(stack.invoke("OrderMailFunction", sample)));
        }
        assertEquals(0L, backlog("prague-warehouse"));
        assertFalse(backlogMarker("prague-warehouse", "261122-7K3QH2XD"));
        mails = inbox.awaitEmails(address, 2);
        assertEquals("Objednávka č.\u00a0261122-7K3QH2XD je na cestě", subject(mails.get(1)));
        assertTrue(body(mails.get(1)).contains("https://track.example.com/parcel/CE123456789CZ"), body(mails.get(1)));
        settle();
        assertEquals(2, inbox.emailsTo(address).size());
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
            // The first read learns which product owns each SKU and which locations there are; the
            // next ones read the products and the backlog counters ahead, in one round.
            DynamoOrderInventory sideBySide = new DynamoOrderInventory(catalog, stock, dynamoDb, ordersTable, reads);
            for (int i = 0; i < 3; i++) {
                assertEquals(inTurn, sideBySide.read(skus));
            }

            // A SKU moved to another product since: the product read ahead no longer lists it, so its
            // SKU item is read and then its new product.
            ok(client.admin("PUT", "/admin/products/orders-side", Fixtures.product("Orders side", "orders-side", 1,
                    "Alpine", "ORD-SIDE-M")));
            ok(client.admin("PUT", "/admin/products/orders-side-other", Fixtures.product("Orders side other",
                    "orders-side", 2, "Alpine", other, "ORD-SIDE-S")));
            stack.awaitIdle(Duration.ofSeconds(30));
            OrderInventory.Reading moved = sideBySide.read(skus);
            assertTrue(moved.skus().containsKey("ORD-SIDE-S"), "ORD-SIDE-S is sold: " + moved.skus().keySet());
            assertEquals("orders-side-other", moved.skus().get("ORD-SIDE-S").product().productId());
            assertEquals(oneAfterTheOther(new DynamoOrderInventory(catalog, stock, dynamoDb, ordersTable)).read(skus),
                    moved);

            // A location the last list did not name: its backlog counter is read once the list is in.
            AtomicBoolean storeHidden = new AtomicBoolean(true);
            DynamoOrderInventory learning = new DynamoOrderInventory(withoutStore(catalog, storeHidden), stock,
                    dynamoDb, ordersTable, reads);
            assertNull(learning.read(skus).backlog().get(STORE));
            storeHidden.set(false);
            assertEquals(moved, learning.read(skus));
            // A failed read fails the whole with its own exception.
            DynamoOrderInventory broken = new DynamoOrderInventory(catalog, stock, dynamoDb, "NoSuchTable", reads);
            assertThrows(ResourceNotFoundException.class, () -> broken.read(skus));
        } finally {
            reads.shutdownNow();
        }
    }

    /** The catalog, except that its list of locations leaves out {@code STORE} while {@code hidden} is set. */
    private static CatalogRepository withoutStore(CatalogRepository catalog, AtomicBoolean hidden) {
        return (CatalogRepository) Proxy.newProxyInstance(CatalogRepository.class.getClassLoader(),
                new Class<?>[] {CatalogRepository.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(catalog, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("locations") && hidden.get()) {
                        return ((List<?>) answer).stream()
                                .filter(l -> !((io.shopcare.catalog.Location) l).locationId().equals(STORE)).toList();
                    }
                    return answer;
                });
    }

    /** The inventory read through {@link OrderInventory}'s own {@code read}: its five reads one after the other. */
    private static OrderInventory oneAfterTheOther(OrderInventory inventory) {
        return new OrderInventory() {
            @Override
            public Map<String, SkuInfo> skus(java.util.Collection<String> skus) {
                return inventory.skus(skus);
            }

            @Override
            public Map<String, io.shopcare.stock.PreorderCount> preorders(java.util.Collection<String> skus) {
                return inventory.preorders(skus);
            }

            @Override
            public List<QueuedPreorder> preorderQueue(String sku, int limit) {
                return inventory.preorderQueue(sku, limit);
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

    /** A one-SKU product (orders-NAME) with {@code units} at the warehouse; returns the SKU. */
    private static String product(String name, int units) {
        String sku = "ORD-" + name.toUpperCase() + "-M";
        ok(client.admin("PUT", "/admin/products/orders-" + name,
                Fixtures.product("Orders " + name, "orders-" + name, 1, "Alpine", sku)));
        Fixtures.setStock(client, stack, sku, WAREHOUSE, units);
        return sku;
    }

    private static List<?> failures(Object streamAnswer) {
        return ((StreamsEventResponse) streamAnswer).getBatchItemFailures();
    }

    /** The backlog counter of a location, read from the orders table. */
    private static long backlog(String locationId) {
        Map<String, AttributeValue> item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("OrdersTable"))
                .key(Map.of("pk", AttributeValue.fromS(OrdersTable.backlogPk(locationId)),
                        "sk", AttributeValue.fromS(OrdersTable.COUNT_SK))).consistentRead(true)).item();
        assertTrue(item != null && item.containsKey("count"), "no backlog counter for " + locationId);
        return Long.parseLong(item.get("count").n());
    }

    private static boolean backlogMarker(String locationId, String orderId) {
        Map<String, AttributeValue> item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("OrdersTable"))
                .key(Map.of("pk", AttributeValue.fromS(OrdersTable.backlogPk(locationId)),
                        "sk", AttributeValue.fromS(OrdersTable.backlogMarkerSk(orderId)))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    private static String storeOrderBody(String email, String locale, String sku, int quantity, String payment) {
        return """
                {"customer": {"email": "%s", "name": "Jana Nováková", "locale": "%s"},
                 "lines": [{"sku": "%s", "quantity": %d}],
                 "delivery": {"method": "STORE", "storeId": "%s"},
                 "payment": {"method": "%s"}}""".formatted(email, locale, sku, quantity, STORE, payment);
    }

    private static Map<String, Object> placeStore(String email, String locale, String sku, int quantity, String payment) {
        return json(client.send("POST", "/orders", "application/json", storeOrderBody(email, locale, sku, quantity,
                payment), false, Map.of()), 201);
    }

    /** The SKU's {onHand, reserved} at the warehouse, read from DynamoDB Local (consistent read). */
    private static long[] level(String sku) {
        return levelAt(sku, WAREHOUSE);
    }

    private static long[] levelAt(String sku, String locationId) {
        return new StockWrites(stack.dynamoDb(), stack.tableName("InventoryTable"), Clock.systemUTC()).levels(sku)
                .get(locationId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> order) {
        return (List<String>) order.get("allowedActions");
    }

    /** A date as the English e-mails write it. */
    private static String english(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(date);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static long reminderHours() {
        return Long.parseLong(stack.environment("OrderDeadlinesFunction").get("PAYMENT_REMINDER_HOURS"));
    }

    private static Properties wording(String language) {
        Properties wording = new Properties();
        try (var in = OrdersEndToEndTest.class.getResourceAsStream("/emails/" + language + ".properties")) {
            wording.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wording;
    }

    /**
     * "KIND ORDERID" for the one order e-mail kind whose subject wording (with the order number
     * filled in and the refund amount as anything) is {@code subject}; fails on none or several.
     */
    private static String kindOf(Properties wording, String subject, List<String> orderIds) {
        List<String> matches = new ArrayList<>();
        for (String kind : List.of("order-confirmed", "payment-failed", "payment-reminder", "order-cancelled",
                "order-modified", "preorder-filled", "shipped", "ready-for-pickup", "pickup-reminder", "delivered",
                "picked-up", "refunded")) {
            String template = wording.getProperty(kind + ".subject");
            for (String orderId : orderIds) {
                String pattern = Pattern.quote(template.replace("{{orderNumber}}", orderId))
                        .replace("{{refund}}", "\\E.+\\Q");
                if (subject.matches(pattern)) {
                    matches.add(kind + " " + orderId);
                }
            }
        }
        assertEquals(1, matches.size(), "the kind of '" + subject + "': " + matches);
        return matches.get(0);
    }

    private static void settle() {
        stack.awaitIdle(Duration.ofSeconds(60));
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
        sleep(100);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
