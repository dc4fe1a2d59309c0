package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Carriers and the locations' dispatch fields through the real local stack: what the merchant
 * PUTs is answered, stored under the template's function role, and read back by the repository the
 * order service will use; hostile bodies are refused in the contract's shape and store nothing.
 * Every answer is checked against openapi.yaml by the client.
 */
class CarriersEndToEndTest {
    private static LocalStack stack;
    private static StackClient client;
    private static DynamoCatalogRepository repository;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        repository = new DynamoCatalogRepository(stack.dynamoDb(), stack.tableName("InventoryTable"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String courier(String price) {
        return """
                {"name": "E2E courier", "methods": ["HOME"], "transitDays": {"min": 1, "max": 2},
                 "price": {"amount": "%s", "currency": "EUR"}, "freeFrom": {"amount": "100", "currency": "EUR"},
                 "trackingUrl": "https://track.example.com/parcel/{trackingNumber}",
                 "deliverySlots": [{"from": "08:00", "to": "12:00"}, {"from": "12:00", "to": "16:00"},
                                   {"from": "16:00", "to": "20:00"}]}""".formatted(price);
    }

    @Test
    void aCarrierIsAnsweredStoredAndReadBack() {
        Map<String, Object> answer = ok(client.admin("PUT", "/admin/carriers/e2e-courier", courier("4.9"))).json();
        assertEquals("e2e-courier", answer.get("carrierId"));
        assertEquals(Map.of("amount", "4.90", "currency", "EUR"), answer.get("price"));
        assertEquals(Map.of("amount", "100.00", "currency", "EUR"), answer.get("freeFrom"));
        assertEquals(List.of("HOME"), answer.get("methods"));
        assertEquals(3, ((List<?>) answer.get("deliverySlots")).size());

        Carrier stored = repository.carrier("e2e-courier").orElseThrow();
        assertEquals(answer, stored.toJson(), "what is stored is what was answered");
        assertEquals(LocalTime.of(16, 0), stored.deliverySlots().get(2).from());

        // A PUT replaces the carrier; the same PUT again changes nothing.
        ok(client.admin("PUT", "/admin/carriers/e2e-courier", courier("5.90")));
        long version = repository.findCarrier("e2e-courier").orElseThrow().version();
        assertEquals(2, version);
        ok(client.admin("PUT", "/admin/carriers/e2e-courier", courier("5.90")));
        assertEquals(version, repository.findCarrier("e2e-courier").orElseThrow().version());
        assertEquals("5.90", repository.carrier("e2e-courier").orElseThrow().price().toJson().get("amount"));
    }

    @Test
    void oneQueryReadsEveryCarrierAndNothingElse() {
        ok(client.admin("PUT", "/admin/carriers/e2e-list-b", """
                {"name": "Pickup points", "methods": ["PICKUP_POINT"], "transitDays": {"min": 1, "max": 3},
                 "price": {"amount": "2.90", "currency": "EUR"}, "trackingUrl": "https://p.example.com/?n={trackingNumber}"}"""));
        ok(client.admin("PUT", "/admin/carriers/e2e-list-a", courier("4.90")));
        ok(client.admin("PUT", "/admin/locations/e2e-carriers-store", Fixtures.location("STORE", "Carrier store", false)));

        List<String> ids = repository.carriers().stream().map(Carrier::carrierId).toList();
        assertTrue(ids.containsAll(List.of("e2e-list-a", "e2e-list-b")), ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids, "in id order");
        assertFalse(ids.contains("e2e-carriers-store"));
        Carrier pickup = repository.carrier("e2e-list-b").orElseThrow();
        assertEquals(List.of(), pickup.deliverySlots());
        assertEquals(null, pickup.freeFrom());
        assertEquals(Optional.empty(), repository.carrier("no-such-carrier"));
    }

    @Test
    void theDispatchFieldsOfALocationAreAnsweredWithDefaultsAndStored() {
        Map<String, Object> defaults = ok(client.admin("PUT", "/admin/locations/e2e-dispatch-default",
                Fixtures.location("WAREHOUSE", "Default warehouse", true))).json();
        assertEquals("14:00", defaults.get("dispatchCutoff"));
        assertEquals(200, defaults.get("dailyCapacity"));
        assertEquals(7, defaults.get("storageDays"));

        String explicit = Fixtures.location("STORE", "Explicit store", false)
                .replace("\"processingDays\": 1", "\"processingDays\": 1, \"dispatchCutoff\": \"11:30\", "
                        + "\"dailyCapacity\": 40, \"storageDays\": 10");
        Map<String, Object> answer = ok(client.admin("PUT", "/admin/locations/e2e-dispatch-store", explicit)).json();
        assertEquals("11:30", answer.get("dispatchCutoff"));
        assertEquals(40, answer.get("dailyCapacity"));
        assertEquals(10, answer.get("storageDays"));

        Location stored = repository.locations().stream().filter(l -> l.locationId().equals("e2e-dispatch-store"))
                .findFirst().orElseThrow();
        assertEquals(LocalTime.of(11, 30), stored.dispatchCutoff());
        assertEquals(40, stored.dailyCapacity());
        assertEquals(10, stored.storageDays());
    }

    @Test
    void aLocationStoredBeforeTheDispatchFieldsReadsWithDefaults() {
        // The item exactly as the previous version of PutLocation wrote it.
        String doc = """
                {"locationId":"e2e-old-store","type":"STORE","name":"Old store","address":{"street":"Nádražní 1",
                "city":"Brno","postcode":"602 00","country":"CZ"},"phone":"+420 542 000 000","timezone":"Europe/Prague",
                "openingHours":[{"day":"MON","opens":"09:00","closes":"18:00"}],"shipsOnline":false,"pickup":true,
                "processingDays":0}""";
        stack.dynamoDb().putItem(PutItemRequest.builder().tableName(stack.tableName("InventoryTable")).item(Map.of(
                "pk", AttributeValue.fromS("LOCATIONS"), "sk", AttributeValue.fromS("LOC#e2e-old-store"),
                "entity", AttributeValue.fromS("LOCATION"), "locationId", AttributeValue.fromS("e2e-old-store"),
                "doc", AttributeValue.fromS(doc), "version", AttributeValue.fromN("1"),
                "updatedAt", AttributeValue.fromS("2026-11-01T10:00:00Z"))).build());

        Location old = repository.findLocation("e2e-old-store").orElseThrow().value();
        assertEquals(Location.DEFAULT_DISPATCH_CUTOFF, old.dispatchCutoff());
        assertEquals(Location.DEFAULT_DAILY_CAPACITY, old.dailyCapacity());
        assertEquals(Location.DEFAULT_STORAGE_DAYS, old.storageDays());
        assertTrue(repository.locations().contains(old));

        // The merchant's next PUT with the same content answers the defaults; a new value is stored.
        String same = Json.write(Map.of("type", "STORE", "name", "Old store",
                "address", Map.of("street", "Nádražní 1", "city", "Brno", "postcode", "602 00", "country", "CZ"),
                "phone", "+420 542 000 000", "timezone", "Europe/Prague",
                "openingHours", List.of(Map.of("day", "MON", "opens", "09:00", "closes", "18:00")),
                "shipsOnline", false, "pickup", true, "processingDays", 0));
        assertEquals(old.toJson(), ok(client.admin("PUT", "/admin/locations/e2e-old-store", same)).json());
        ok(client.admin("PUT", "/admin/locations/e2e-old-store", same.replace("\"processingDays\":0",
                "\"processingDays\":0,\"storageDays\":14")));
        assertEquals(14, repository.findLocation("e2e-old-store").orElseThrow().value().storageDays());
    }

    @Test
    void hostileCarrierBodiesAreRefusedInTheErrorShapeAndStoreNothing() {
        for (String[] attempt : new String[][] {
                {courier("4.90").replace("\"max\": 2", "\"max\": 0"), "transitDays.max"},
                {courier("4.90").replace("\"from\": \"12:00\"", "\"from\": \"11:00\""), "deliverySlots[1]"},
                {courier("4.90").replace("\"amount\": \"100\", \"currency\": \"EUR\"",
                        "\"amount\": \"100\", \"currency\": \"CZK\""), "freeFrom.currency"},
                {courier("4.90").replace("https://track", "http://track"), "trackingUrl"},
                {courier("4.90").replace("\"methods\": [\"HOME\"]", "\"methods\": [\"HOME\", \"HOME\"]"), "methods[1]"},
                {courier("4.90").replace("\"name\": \"E2E courier\",", "\"name\": \"E2E courier\", \"version\": 9,"),
                        "version"},
                {courier("4.90").replace("\"amount\": \"4.90\"", "\"amount\": \"-1.00\""), "price.amount"},
        }) {
            StackClient.Answer answer = client.admin("PUT", "/admin/carriers/e2e-hostile", attempt[0]);
            assertEquals(400, answer.status(), attempt[1] + ": " + answer.body());
            Map<?, ?> error = (Map<?, ?>) answer.json().get("error");
            assertEquals("VALIDATION_FAILED", error.get("code"));
            List<?> fields = ((List<?>) error.get("details")).stream().map(d -> ((Map<?, ?>) d).get("field")).toList();
            assertEquals(List.of(attempt[1]), fields, answer.body());
        }

        StackClient.Answer noToken = client.send("PUT", "/admin/carriers/e2e-hostile", "application/json",
                courier("4.90"), false, Map.of());
        assertEquals(401, noToken.status());
        assertEquals("UNAUTHORIZED", ((Map<?, ?>) noToken.json().get("error")).get("code"));
        StackClient.Answer wrongToken = client.send("PUT", "/admin/carriers/e2e-hostile", "application/json",
                courier("4.90"), false, Map.of("Authorization", "Bearer guessed"));
        assertEquals(401, wrongToken.status());

        assertEquals(400, client.admin("PUT", "/admin/carriers/e2e-hostile", "{\"name\": ").status());
        assertEquals(400, client.admin("PUT", "/admin/carriers/e2e-hostile", "[]").status());
        assertEquals(415, client.send("PUT", "/admin/carriers/e2e-hostile", "text/plain", courier("4.90"), true,
                Map.of()).status());
        assertEquals(413, client.admin("PUT", "/admin/carriers/e2e-hostile",
                courier("4.90").replace("E2E courier", "x".repeat(70 * 1024))).status());
        assertEquals(400, client.admin("PUT", "/admin/carriers/bad%20id", courier("4.90")).status());

        assertEquals(Optional.empty(), repository.carrier("e2e-hostile"), "a refused carrier is not stored");
    }
}
