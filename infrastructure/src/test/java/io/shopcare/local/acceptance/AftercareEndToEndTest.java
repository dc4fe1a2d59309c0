package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.dynamo.Attributes;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * After delivery, through the local stack: returns with their label and refunds, exchanges that
 * reserve the other size in the same write, and tickets in the merchant's queue, with every e-mail
 * read from the SES emulator.
 */
class AftercareEndToEndTest {
    private static final String WAREHOUSE = "after-warehouse";
    private static final String CARRIER = "after-courier";
    private static LocalStack stack;
    private static StackClient client;
    private static SesInbox inbox;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        inbox = new SesInbox(stack.sesUrl());
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, Fixtures.everyDayWarehouse("Aftercare warehouse")));
        ok(client.admin("PUT", "/admin/carriers/" + CARRIER, Fixtures.carrier("Aftercare courier")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aChangeOfMindIsRefundedWhenTheParcelIsBackAndDamageAtOnce() throws Exception {
        String product = product("refunds", 10, 5, 0);
        Delivered order = deliver("jana.refunds@example.com", "cs", product + "-S", 3);
        assertTrue(order.read().get("allowedActions").toString().contains("RETURN"), order.read().toString());

        Map<String, Object> mind = created(order.post("/returns", returnBody(product + "-S", 1, "CHANGED_MIND", "REFUND")));
        assertEquals("REQUESTED", mind.get("status"));
        assertNull(mind.get("refund"), "a change of mind is refunded once the parcel is back");
        String url = (String) ((Map<?, ?>) mind.get("label")).get("url");
        assertTrue(url.startsWith(stack.apiUrl() + "/returns/" + mind.get("returnId") + "/label?token="), url);
        Map<String, Object> damaged = created(order.post("/returns", returnBody(product + "-S", 1, "DAMAGED", "REFUND")));
        assertEquals(Map.of("amount", "40.00", "currency", "EUR"), damaged.get("refund"));

        StackClient.Answer tooMany = order.post("/returns", returnBody(product + "-S", 2, "WRONG_SIZE", "REFUND"));
        assertEquals(409, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("only 1 can be returned"), tooMany.body());

        event(order.id(), "{\"type\": \"RETURN_RECEIVED\", \"returnId\": \"" + mind.get("returnId") + "\"}");
        Map<String, Object> after = order.read();
        assertEquals("PARTIALLY_REFUNDED", ((Map<?, ?>) after.get("payment")).get("status"));
        Map<?, ?> received = ((List<?>) after.get("returns")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> mind.get("returnId").equals(r.get("returnId"))).findFirst().orElseThrow();
        assertEquals("REFUNDED", received.get("status"));
        assertEquals(Map.of("amount", "40.00", "currency", "EUR"), received.get("refund"));

        // Placed, shipped, delivered, two returns created, two refunds: one e-mail each, in Czech.
        List<Map<String, Object>> mails = inbox.awaitEmails("jana.refunds@example.com", 7);
        String mailed = mails.stream().map(AftercareEndToEndTest::body).filter(b -> b.contains(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no e-mail carries the label link " + url));
        assertTrue(mailed.contains(url), mailed);
        assertTrue(mailed.contains("Aftercare courier") && !mailed.contains(CARRIER), "the carrier by its name: " + mailed);
        String shippedMail = mails.stream().map(AftercareEndToEndTest::body).filter(b -> b.contains("/parcel/AC"))
                .findFirst().orElseThrow(() -> new AssertionError("no e-mail carries the tracking link"));
        assertTrue(shippedMail.contains("Aftercare courier") && !shippedMail.contains(CARRIER), shippedMail);

        // The link from the e-mail, with no headers: a PDF whose barcode scans as the return's code.
        java.net.http.HttpResponse<byte[]> pdf = fetch(url);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
        String code = (String) ((Map<?, ?>) mind.get("label")).get("code");
        assertEquals(code, barcode(pdf.body()));
        assertTrue(text(pdf.body()).contains(order.id()), "the label names the order");
        assertEquals(404, fetch(url.substring(0, url.length() - 3) + "abc").statusCode());
        assertEquals(404, fetch(url.replace((String) mind.get("returnId"), (String) damaged.get("returnId"))).statusCode(),
                "one return's token opens no other return's label");
        assertTrue(mails.stream().allMatch(m -> subject(m).contains(order.id())), "every subject names the order");
    }

    @Test
    void damageAfterItsDeadlineIsRefusedWithTheDeadline() {
        String product = product("late-damage", 5, 0, 0);
        Delivered order = deliver("petr.damage@example.com", "en", product + "-S", 1);
        String until = LocalDate.now().minusDays(1).toString();
        rewrite(order.id(), "damageReportUntil", until);
        StackClient.Answer refused = order.post("/returns", returnBody(product + "-S", 1, "DAMAGED", "REFUND"));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("DAMAGE_REPORT_CLOSED") && refused.body().contains(until), refused.body());
        assertEquals(List.of(), order.read().get("returns"));
    }

    @Test
    void anExchangeReservesTheOtherSizeAtOnceAndASoldOutSizeRecordsNothing() {
        String product = product("exchange", 5, 1, 0);
        Delivered order = deliver("olga.exchange@example.com", "uk", product + "-S", 2);
        Map<String, Object> exchange = created(order.post("/returns",
                returnBody(product + "-S", 1, "WRONG_SIZE", "EXCHANGE", product + "-M")));
        String exchangeId = (String) exchange.get("exchangeOrderId");
        assertEquals(order.id() + "-X1", exchangeId);
        awaitSoldOut(product, product + "-M");
        Map<String, Object> sent = json(client.send("GET", "/orders/" + exchangeId, null, null, false,
                Map.of("Authorization", "Bearer " + order.token())), 200);
        assertEquals("CONFIRMED", sent.get("status"));
        assertEquals(Map.of("amount", "0.00", "currency", "EUR"), sent.get("total"));

        StackClient.Answer soldOut = order.post("/returns", returnBody(product + "-S", 1, "WRONG_SIZE", "EXCHANGE",
                product + "-L"));
        assertEquals(409, soldOut.status(), soldOut.body());
        assertEquals(1, ((List<?>) order.read().get("returns")).size(), "the refused exchange recorded nothing");
    }

    @Test
    void twoConcurrentExchangesForTheLastUnitOneWins() throws Exception {
        String product = product("duel", 5, 1, 0);
        Delivered first = deliver("first.duel@example.com", "fr", product + "-S", 1);
        Delivered second = deliver("second.duel@example.com", "fr", product + "-S", 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<StackClient.Answer>> answers = new ArrayList<>();
        for (Delivered order : List.of(first, second)) {
            answers.add(pool.submit(() -> order.post("/returns", returnBody(product + "-S", 1, "WRONG_SIZE", "EXCHANGE",
                    product + "-M"))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<StackClient.Answer> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();
        assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
        long reserved = ((Number) ok(client.admin("PUT", "/admin/stock/" + product + "-M/" + WAREHOUSE,
                "{\"onHand\": 1}")).json().get("reserved")).longValue();
        assertEquals(1, reserved);
    }

    @Test
    void ticketsQueueAMissingPaidItemFirstAndAResolutionReachesTheShopper() {
        String product = product("tickets", 5, 0, 0);
        Delivered order = deliver("eva.tickets@example.com", "en", product + "-S", 2);
        Map<String, Object> question = created(order.post("/tickets", "{\"type\": \"OTHER\", \"message\": \"Gift wrap?\"}"));
        Map<String, Object> damaged = created(order.post("/tickets",
                "{\"type\": \"DAMAGED\", \"message\": \"The zip is broken.\"}"));
        Map<String, Object> missing = created(order.post("/tickets", """
                {"type": "MISSING_ITEM", "message": "Only one arrived <b>!</b>",
                 "lines": [{"sku": "%s-S", "quantity": 1}]}""".formatted(product)));
        assertEquals(List.of(3, 2, 1), List.of(question.get("priority"), damaged.get("priority"), missing.get("priority"))
                .stream().map(p -> ((Number) p).intValue()).toList());
        StackClient.Answer late = order.post("/tickets", "{\"type\": \"LATE\", \"message\": \"Where is it?\"}");
        assertEquals(409, late.status(), late.body());

        List<Object> queue = ((List<?>) json(client.send("GET", "/admin/tickets?status=OPEN&limit=100", null, null, true,
                Map.of()), 200).get("items")).stream().map(t -> ((Map<?, ?>) t).get("ticketId"))
                .filter(id -> ((String) id).startsWith(order.id())).map(id -> (Object) id).toList();
        assertEquals(List.of(missing.get("ticketId"), damaged.get("ticketId"), question.get("ticketId")), queue);
        assertEquals(openTickets(100), openTickets(1), "one ticket a page walks the same queue, and its last page "
                + "is the last ticket, not an empty page after it");

        Map<String, Object> resolved = json(client.send("POST", "/admin/tickets/" + missing.get("ticketId") + "/resolution",
                "application/json", "{\"message\": \"The second one is on its way.\"}", true, Map.of()), 200);
        assertEquals("RESOLVED", resolved.get("status"));
        assertEquals(409, client.send("POST", "/admin/tickets/" + missing.get("ticketId") + "/resolution",
                "application/json", "{\"message\": \"Again\"}", true, Map.of()).status());
        // Placed, shipped, delivered, three acknowledgements, one resolution.
        List<Map<String, Object>> mails = inbox.awaitEmails("eva.tickets@example.com", 7);
        assertTrue(mails.stream().anyMatch(m -> body(m).contains("The second one is on its way.")));
        assertTrue(mails.stream().anyMatch(m -> body(m).contains("Only one arrived <b>!</b>")), "the text part is plain");
        List<Map<String, Object>> merchant = inbox.emailsTo("merchant@example.com").stream()
                .filter(m -> subject(m).contains(order.id())).toList();
        assertEquals(1, merchant.size(), "the merchant hears of a missing paid item once");
    }

    // ------------------------------------------------------------------ helpers

    /** The OPEN queue's ticket ids, page after page of {@code limit}; every page but the last is full, none empty. */
    private static List<String> openTickets(int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = json(client.send("GET", "/admin/tickets?status=OPEN&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor), null, null, true, Map.of()), 200);
            List<?> items = (List<?>) page.get("items");
            cursor = (String) page.get("nextCursor");
            assertTrue(cursor == null ? !items.isEmpty() : items.size() == limit, "a page of " + items.size());
            items.forEach(ticket -> ids.add((String) ((Map<?, ?>) ticket).get("ticketId")));
        } while (cursor != null);
        return ids;
    }

    private record Delivered(String id, String token) {
        StackClient.Answer post(String route, String body) {
            return client.send("POST", "/orders/" + id + route, "application/json", body, false,
                    Map.of("Authorization", "Bearer " + token));
        }

        Map<String, Object> read() {
            return json(client.send("GET", "/orders/" + id, null, null, false, Map.of("Authorization", "Bearer " + token)),
                    200);
        }
    }

    /** Product after-NAME in sizes S, M and L with those units at the warehouse; returns the product id. */
    private static String product(String name, int small, int medium, int large) {
        String id = "after-" + name;
        String sku = id.toUpperCase();
        ok(client.admin("PUT", "/admin/products/" + id, """
                {"name": "Aftercare %s", "categoryIds": ["aftercare"], "attributes": {"brand": "Alpine"},
                 "price": {"amount": "40.00", "currency": "EUR"},
                 "variants": [{"sku": "%s-S", "size": "S"}, {"sku": "%s-M", "size": "M"}, {"sku": "%s-L", "size": "L"}]}"""
                .formatted(name, sku, sku, sku)));
        Fixtures.setStock(client, stack, sku + "-S", WAREHOUSE, small);
        Fixtures.setStock(client, stack, sku + "-M", WAREHOUSE, medium);
        Fixtures.setStock(client, stack, sku + "-L", WAREHOUSE, large);
        return sku;
    }

    /** A cash-on-delivery order taken through PACKED, SHIPPED and DELIVERED. */
    private static Delivered deliver(String email, String locale, String sku, int quantity) {
        Map<String, Object> order = json(client.send("POST", "/orders", "application/json", """
                {"customer": {"email": "%s", "name": "Jana Nováková", "locale": "%s"},
                 "lines": [{"sku": "%s", "quantity": %d}],
                 "delivery": {"method": "HOME", "carrier": "%s",
                              "address": {"street": "Dlouhá 1", "city": "Praha", "postcode": "110 00", "country": "CZ"}},
                 "payment": {"method": "CASH_ON_DELIVERY"}}""".formatted(email, locale, sku, quantity, CARRIER), false,
                Map.of()), 201);
        String id = (String) order.get("orderId");
        event(id, "{\"type\": \"PACKED\"}");
        event(id, "{\"type\": \"SHIPPED\", \"trackingNumber\": \"AC" + Math.abs(id.hashCode()) + "\"}");
        event(id, "{\"type\": \"DELIVERED\"}");
        return new Delivered(id, (String) order.get("accessToken"));
    }

    private static void event(String orderId, String body) {
        json(client.send("POST", "/admin/orders/" + orderId + "/events", "application/json", body, true, Map.of()), 200);
    }

    private static String returnBody(String sku, int quantity, String reason, String resolution) {
        return "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + ", \"reason\": \"" + reason
                + "\"}], \"resolution\": \"" + resolution + "\"}";
    }

    private static String returnBody(String sku, int quantity, String reason, String resolution, String exchangeSku) {
        return returnBody(sku, quantity, reason, resolution).replaceFirst("}$", ", \"exchangeSku\": \"" + exchangeSku + "\"}");
    }

    /** As if time had passed: one date of the stored order set directly in DynamoDB Local. */
    private static void rewrite(String orderId, String field, String value) {
        String table = stack.tableName("OrdersTable");
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("ORDER#" + orderId), "sk",
                AttributeValue.fromS("ORDER"));
        Map<String, AttributeValue> item = new java.util.HashMap<>(stack.dynamoDb().getItem(r -> r.tableName(table)
                .key(key).consistentRead(true)).item());
        Map<String, Object> doc = new java.util.LinkedHashMap<>(Json.parseObject(Attributes.string(item, "doc")));
        doc.put(field, value);
        item.put("doc", AttributeValue.fromS(Json.write(doc)));
        stack.dynamoDb().putItem(r -> r.tableName(table).item(item));
    }

    private static void awaitSoldOut(String productSku, String sku) {
        String productId = productSku.toLowerCase();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Object v : (List<?>) client.get("/products/" + productId).json().get("variants")) {
                Map<?, ?> variant = (Map<?, ?>) v;
                if (sku.equals(variant.get("sku")) && "SOLD_OUT".equals(variant.get("availability"))) {
                    return;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the exchange never reached the product page of " + sku);
    }

    private static java.net.http.HttpResponse<byte[]> fetch(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The label's page rendered as a printer would and scanned as a carrier would. */
    private static String barcode(byte[] pdf) throws Exception {
        java.awt.image.BufferedImage image;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 150,
                    org.apache.pdfbox.rendering.ImageType.GRAY);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        return new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(width, height, pixels))),
                Map.of(com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.CODE_128),
                        com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static String text(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static Map<String, Object> created(StackClient.Answer answer) {
        return json(answer, 201);
    }

    private static Map<String, Object> json(StackClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

    private static String subject(Map<String, Object> mail) {
        return String.valueOf(mail.get("subject"));
    }

    private static String body(Map<String, Object> mail) {
        Object body = mail.get("body");
        return body instanceof Map<?, ?> parts ? String.valueOf(parts.get("text")) : Json.write(mail);
    }
}
