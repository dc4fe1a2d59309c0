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
    private static final List<String> TABLES = List.of("InventoryTable", "ReadModelTable", "IdempotencyTable", "AlertsTable");
    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        Fixtures.createCatalog(client, "bad-input");
        stack.awaitIdle(Duration.ofSeconds(30));
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
        List<MalformedRequests.Request> requests = MalformedRequests.all(
                Fixtures.sku("bad-input", "M"), Fixtures.warehouse("bad-input"), Fixtures.category("bad-input"));
        assertTrue(requests.size() >= 100, "the catalogue must hold at least 100 requests, has " + requests.size());

        List<String> failures = new ArrayList<>();
        for (MalformedRequests.Request request : requests) {
            StackClient.Answer answer = client.send(request.method(), request.path(), request.contentType(),
                    request.body(), request.withAdminToken(), request.headers());
            String problem = problemWith(answer);
            if (problem != null) {
                failures.add(request.name() + " -> " + answer.status() + " " + abbreviate(answer.body()) + ": " + problem);
            }
        }
        assertEquals(List.of(), failures);

        stack.awaitIdle(Duration.ofSeconds(30));
        assertEquals(before, snapshot(), "a refused request changed stored data");
        assertEquals(List.of(), new SesInbox(stack.sesUrl()).emailsTo("x@example.com"), "a refused sign-up sent e-mail");
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
                "idempotencytable", "alertstable", "\tat ")) {
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
