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
        stack.awaitIdle(Duration.ofSeconds(30));
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
            if (problem != null) {
                failures.add(request.name() + " -> " + answer.status() + " " + abbreviate(answer.body()) + ": " + problem);
            }
        }
        assertEquals(List.of(), failures);

        stack.awaitIdle(Duration.ofSeconds(30));
        assertEquals(before, snapshot(), "a refused request changed stored data");
        SesInbox inbox = new SesInbox(stack.sesUrl());
        assertEquals(List.of(), inbox.emailsTo("x@example.com"), "a refused sign-up sent e-mail");
        assertEquals(List.of(), inbox.emailsTo("hostile@example.com"), "a refused order sent e-mail");
        assertEquals(List.of(), inbox.emailsTo("victim@example.com"), "an injected address got e-mail");
        assertEquals(1, inbox.emailsTo("first.order@example.com").size(), "the order's confirmation, nothing since");
        assertEquals(1, inbox.emailsTo("second.order@example.com").size(), "the order's confirmation, nothing since");
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
