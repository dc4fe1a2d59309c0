package io.shopcare.local.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Sends well over 100 malformed, unauthorised or impossible requests through the real local stack
 * and checks that each gets a 4xx in the contract's error shape, none a 5xx, nothing leaks
 * internals, and no table changed.
 */
class BadInputTest {
    private static final List<String> TABLES = List.of("InventoryTable", "ReadModelTable", "IdempotencyTable", "AlertsTable",
            "OrdersTable");
    private static final String CARRIER = "bad-input-courier";
    private static final String STORE = "bad-input-store";
    private static LocalStack stack;
    private static StackClient client;
    /** Two orders placed before the hostile requests: their ids and access tokens. */
    private static Map<String, Object> order;
    private static Map<String, Object> otherOrder;
    /** A delivered order with returns and tickets, for the aftercare routes. */
    private static MalformedRequests.Aftercare aftercare;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        Fixtures.createCatalog(client, "bad-input");
        Fixtures.ok(client.admin("PUT", "/admin/carriers/" + CARRIER, Fixtures.carrier("Bad input courier")));
        Fixtures.ok(client.admin("PUT", "/admin/locations/" + STORE, Fixtures.location("STORE", "Bad input store", false)));
        // The fixture bodies of the catalogue, placed as they are: each hostile case is one of them broken once.
        order = place(MalformedRequests.validOrder(Fixtures.sku("bad-input", "M"), CARRIER), "first.order@example.com");
        otherOrder = place(MalformedRequests.validStoreOrder(Fixtures.sku("bad-input", "M"), STORE),
                "second.order@example.com");
        aftercare = aftercareFixtures();
        stack.awaitIdle(Duration.ofSeconds(30));
    }

    /**
     * For the aftercare part: a delivered cash-on-delivery order of three units with two returns (so
     * one unit is left to return) and three tickets, the second resolved, and genuine list cursors
     * (of lists that have a second page).
     */
    private static MalformedRequests.Aftercare aftercareFixtures() {
        String sku = Fixtures.sku("bad-input", "M");
        Map<String, Object> placed = place(MalformedRequests.validOrder(sku, CARRIER)
                .replace("\"quantity\": 1", "\"quantity\": 3").replace("\"CARD\"", "\"CASH_ON_DELIVERY\""),
                "delivered.order@example.com");
        String id = (String) placed.get("orderId");
        String token = (String) placed.get("accessToken");
        // A second delivered order, so that the DELIVERED list has a page after its first at limit=1.
        String second = (String) place(MalformedRequests.validOrder(sku, CARRIER)
                .replace("\"CARD\"", "\"CASH_ON_DELIVERY\""), "delivered.second@example.com").get("orderId");
        for (String delivered : List.of(id, second)) {
            for (String event : List.of("{\"type\": \"PACKED\"}", "{\"type\": \"SHIPPED\", \"trackingNumber\": \"BAD1\"}",
                    "{\"type\": \"DELIVERED\"}")) {
                assertEquals(200, client.send("POST", "/admin/orders/" + delivered + "/events", MalformedRequests.JSON,
                        event, true, Map.of()).status(), event);
            }
        }
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String[] returnIds = new String[2];
        String[] returnTokens = new String[2];
        for (int i = 0; i < 2; i++) {
            StackClient.Answer created = client.send("POST", "/orders/" + id + "/returns", MalformedRequests.JSON,
                    MalformedRequests.validReturn(sku), false, bearer);
            assertEquals(201, created.status(), created.body());
            returnIds[i] = (String) created.json().get("returnId");
            String url = (String) ((Map<?, ?>) created.json().get("label")).get("url");
            returnTokens[i] = url.substring(url.indexOf("token=") + "token=".length());
        }
        // Three tickets, the second resolved: two stay OPEN, so that list too has a second page at limit=1.
        String[] ticketIds = new String[3];
        for (int i = 0; i < 3; i++) {
            StackClient.Answer opened = client.send("POST", "/orders/" + id + "/tickets", MalformedRequests.JSON,
                    "{\"type\": \"OTHER\", \"message\": \"Question " + i + "\"}", false, bearer);
            assertEquals(201, opened.status(), opened.body());
            ticketIds[i] = (String) opened.json().get("ticketId");
        }
        StackClient.Answer resolved = client.send("POST", "/admin/tickets/" + ticketIds[1] + "/resolution",
                MalformedRequests.JSON, "{\"message\": \"Answered.\"}", true, Map.of());
        assertEquals(200, resolved.status(), resolved.body());
        String ordersCursor = (String) client.send("GET", "/admin/orders?status=DELIVERED&limit=1", null, null, true,
                Map.of()).json().get("nextCursor");
        String ticketsCursor = (String) client.send("GET", "/admin/tickets?status=OPEN&limit=1", null, null, true,
                Map.of()).json().get("nextCursor");
        assertTrue(ordersCursor != null && ticketsCursor != null, "both lists give a cursor at limit=1");
        return new MalformedRequests.Aftercare(sku, Fixtures.sku("bad-input", "S"), id, token, returnIds[0],
                returnTokens[0], returnIds[1], returnTokens[1], ticketIds[0], ticketIds[1],
                (String) order.get("orderId"), (String) order.get("accessToken"), ordersCursor, ticketsCursor,
                stack.adminToken());
    }

    private static Map<String, Object> place(String body, String email) {
        StackClient.Answer placed = client.send("POST", "/orders", "application/json",
                body.replace("hostile@example.com", email), false, Map.of());
        assertEquals(201, placed.status(), placed.body());
        return placed.json();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyMalformedRequestIsRefusedInTheErrorShapeAndChangesNothing() {
        Map<String, TreeSet<String>> before = snapshot();
        List<MalformedRequests.Request> requests = new ArrayList<>(MalformedRequests.all(
                Fixtures.sku("bad-input", "M"), Fixtures.warehouse("bad-input"), Fixtures.category("bad-input")));
        assertTrue(requests.size() >= 100, "the catalogue must hold at least 100 requests, has " + requests.size());
        List<MalformedRequests.Request> orderRequests = MalformedRequests.orders(Fixtures.sku("bad-input", "M"), CARRIER,
                STORE, Fixtures.warehouse("bad-input"), (String) order.get("orderId"), (String) order.get("accessToken"),
                (String) otherOrder.get("accessToken"), stack.adminToken());
        assertTrue(orderRequests.size() >= 250, "the order routes' part must hold at least 250 requests, has "
                + orderRequests.size());
        requests.addAll(orderRequests);
        List<MalformedRequests.Request> aftercareRequests = MalformedRequests.aftercare(aftercare);
        assertTrue(aftercareRequests.size() >= 300, "the aftercare part must hold at least 300 requests, has "
                + aftercareRequests.size());
        requests.addAll(aftercareRequests);
        SesInbox inbox = new SesInbox(stack.sesUrl());
        int deliveredMails = inbox.emailsTo("delivered.order@example.com").size();
        int merchantMails = inbox.emailsTo("merchant@example.com").size();

        List<String> failures = new ArrayList<>();
        for (MalformedRequests.Request request : requests) {
            StackClient.Answer answer;
            try {
                answer = client.send(request.method(), request.path(), request.contentType(), request.body(),
                        request.withAdminToken(), request.headers());
            } catch (AssertionError undocumented) {
                // The answer is not one openapi.yaml allows: list it with the others, then fail.
                failures.add(request.name() + " -> " + undocumented.getMessage());
                continue;
            }
            String problem = request.expect() != 0 && answer.status() != request.expect()
                    ? "expected " + request.expect() : problemWith(answer);
            if (problem == null && request.code() != null && !request.code().equals(errorCode(answer))) {
                problem = "expected code " + request.code();
            }
            if (problem != null) {
                failures.add(request.name() + " -> " + answer.status() + " " + abbreviate(answer.body()) + ": " + problem);
            }
        }
        assertEquals(List.of(), failures);

        stack.awaitIdle(Duration.ofSeconds(30));
        assertEquals(before, snapshot(), "a refused request changed stored data");
        assertEquals(List.of(), inbox.emailsTo("x@example.com"), "a refused sign-up sent e-mail");
        assertEquals(List.of(), inbox.emailsTo("hostile@example.com"), "a refused order sent e-mail");
        assertEquals(List.of(), inbox.emailsTo("victim@example.com"), "an injected address got e-mail");
        assertEquals(1, inbox.emailsTo("first.order@example.com").size(), "the order's confirmation, nothing since");
        assertEquals(1, inbox.emailsTo("second.order@example.com").size(), "the order's confirmation, nothing since");
        assertEquals(deliveredMails, inbox.emailsTo("delivered.order@example.com").size(),
                "a refused return, ticket or resolution e-mailed the shopper");
        assertEquals(merchantMails, inbox.emailsTo("merchant@example.com").size(),
                "a refused return or ticket e-mailed the merchant");
    }

    private static String problemWith(StackClient.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "status is not 4xx";
        }
        if (!answer.contentType().startsWith("application/json")) {
            return "not JSON";
        }
        Map<String, Object> body;
        try {
            body = answer.json();
        } catch (RuntimeException e) {
            return "body does not parse";
        }
        if (!(body.get("error") instanceof Map<?, ?> error) || body.size() != 1) {
            return "no error object";
        }
        if (!(error.get("code") instanceof String code) || !code.matches("[A-Z_]+")) {
            return "no error code";
        }
        if (!(error.get("message") instanceof String message) || message.isBlank()) {
            return "no error message";
        }
        if (error.containsKey("details")) {
            assertInstanceOf(List.class, error.get("details"));
        }
        String lower = answer.body().toLowerCase();
        for (String leak : List.of("exception", "java.", "io.shopcare", "inventorytable", "readmodeltable",
                "idempotencytable", "alertstable", "orderstable", "\tat ")) {
            if (lower.contains(leak)) {
                return "reveals internals (" + leak + ")";
            }
        }
        return null;
    }

    private static String errorCode(StackClient.Answer answer) {
        try {
            return answer.json().get("error") instanceof Map<?, ?> error ? String.valueOf(error.get("code")) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, TreeSet<String>> snapshot() {
        Map<String, TreeSet<String>> tables = new java.util.TreeMap<>();
        for (String table : TABLES) {
            TreeSet<String> items = new TreeSet<>();
            stack.dynamoDb().scanPaginator(ScanRequest.builder().tableName(stack.tableName(table)).consistentRead(true).build())
                    .items().forEach(item -> items.add(canonical(item)));
            tables.put(table, items);
        }
        assertFalse(tables.get("InventoryTable").isEmpty(), "the fixture catalogue should be stored");
        return tables;
    }

    private static String canonical(Map<String, AttributeValue> item) {
        return new java.util.TreeMap<>(item).toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
