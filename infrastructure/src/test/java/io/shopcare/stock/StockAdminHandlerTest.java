package io.shopcare.stock;

import static io.shopcare.testing.EmbeddedTables.IDEMPOTENCY;
import static io.shopcare.testing.EmbeddedTables.INVENTORY;
import static io.shopcare.testing.EmbeddedTables.httpEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.catalog.CatalogService;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.catalog.aws.PutLocationHandler;
import io.shopcare.catalog.aws.PutProductHandler;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.json.Json;
import io.shopcare.stock.aws.DynamoStockRepository;
import io.shopcare.stock.aws.StockAdminHandler;
import io.shopcare.testing.EmbeddedTables;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stock levels and idempotent adjustments through the real handler, on DynamoDB Local. */
class StockAdminHandlerTest {
    private static EmbeddedTables tables;
    private static StockAdminHandler handler;
    private static PutProductHandler products;

    @BeforeAll
    static void setUp() {
        tables = new EmbeddedTables();
        CatalogService catalog = new CatalogService(new DynamoCatalogRepository(tables.client(), INVENTORY,
                Clock.systemUTC()));
        DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(tables.client(), IDEMPOTENCY, "test",
                Clock.systemUTC());
        handler = new StockAdminHandler(new StockService(new DynamoStockRepository(tables.client(), INVENTORY,
                idempotency, Clock.systemUTC()), idempotency));
        products = new PutProductHandler(catalog);
        assertEquals(200, new PutLocationHandler(catalog).handleRequest(httpEvent("put-location.json"), null).getStatusCode());
        assertEquals(200, products.handleRequest(httpEvent("put-product.json"), null).getStatusCode());
    }

    @AfterAll
    static void tearDown() {
        tables.close();
    }

    @Test
    void anAdjustmentWithAKeyAppliesOnceAndReplaysTheFirstAnswer() {
        put("SJ-M", 10);
        APIGatewayV2HTTPResponse first = adjust("SJ-M", "{\"delta\": -2, \"reason\": \"damaged\"}", "key-once");
        assertEquals(200, first.getStatusCode());
        assertEquals(8L, ((Number) Json.parseObject(first.getBody()).get("onHand")).longValue());
        APIGatewayV2HTTPResponse again = adjust("SJ-M", "{\"delta\": -2, \"reason\": \"damaged\"}", "key-once");
        assertEquals(first.getBody(), again.getBody());
        assertEquals(8L, onHand("SJ-M"));

        TreeSet<String> before = tables.snapshot(INVENTORY);
        APIGatewayV2HTTPResponse reused = adjust("SJ-M", "{\"delta\": -3, \"reason\": \"damaged\"}", "key-once");
        assertEquals(422, reused.getStatusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", error(reused));
        assertEquals(before, tables.snapshot(INVENTORY));
    }

    @Test
    void belowZeroUnknownSkuAndUnknownLocationChangeNothing() {
        put("SJ-S", 1);
        TreeSet<String> before = tables.snapshot(INVENTORY);
        TreeSet<String> keysBefore = tables.snapshot(IDEMPOTENCY);
        APIGatewayV2HTTPResponse below = adjust("SJ-S", "{\"delta\": -2, \"reason\": \"count\"}", "key-below");
        assertEquals(409, below.getStatusCode());
        assertEquals("STOCK_BELOW_ZERO", error(below));
        assertEquals(404, handler.handleRequest(putEvent("NO-SUCH", "sample-warehouse", 3), null).getStatusCode());
        assertEquals(404, handler.handleRequest(putEvent("SJ-S", "no-such-place", 3), null).getStatusCode());
        assertEquals(before, tables.snapshot(INVENTORY));
        assertEquals(keysBefore, tables.snapshot(IDEMPOTENCY));
    }

    @Test
    void anAdjustmentWithoutAnIdempotencyKeyIsRefusedAndChangesNothing() {
        put("SJ-S", 4);
        TreeSet<String> before = tables.snapshot(INVENTORY);
        APIGatewayV2HTTPResponse response = adjust("SJ-S", "{\"delta\": 1, \"reason\": \"found one\"}", null);
        assertEquals(400, response.getStatusCode());
        assertEquals("Idempotency-Key", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parseObject(response.getBody())
                .get("error")).get("details")).get(0)).get("field"));
        assertEquals(before, tables.snapshot(INVENTORY));
    }

    @Test
    void anUnchangedCountWritesNothingAndAChangeBumpsTheProductVersion() {
        put("SJ-M", 5);
        long productVersion = productVersion();
        TreeSet<String> before = tables.snapshot(INVENTORY);
        put("SJ-M", 5);
        assertEquals(before, tables.snapshot(INVENTORY), "no write, so no stream record for nothing");
        put("SJ-M", 6);
        assertNotEquals(productVersion, productVersion(), "the product version orders every stock change");
    }

    @Test
    void concurrentAdjustmentsAreNeverLost() throws Exception {
        put("SJ-S", 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<APIGatewayV2HTTPResponse>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "concurrent-" + i;
                results.add(pool.submit(() -> adjust("SJ-S", "{\"delta\": 1, \"reason\": \"return\"}", key)));
            }
            for (Future<APIGatewayV2HTTPResponse> result : results) {
                assertEquals(200, result.get().getStatusCode(), result.get().getBody());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(120L, onHand("SJ-S"));
    }

    @Test
    void aSkuOwnedByAnotherProductIsAConflict() {
        TreeSet<String> before = tables.snapshot(INVENTORY);
        APIGatewayV2HTTPEvent other = httpEvent("put-product.json", Map.of("productId", "other-product"),
                httpEvent("put-product.json").getBody());
        APIGatewayV2HTTPResponse response = products.handleRequest(other, null);
        assertEquals(409, response.getStatusCode());
        assertEquals(before, tables.snapshot(INVENTORY));
    }

    private static void put(String sku, int onHand) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(putEvent(sku, "sample-warehouse", onHand), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
    }

    private static APIGatewayV2HTTPEvent putEvent(String sku, String location, int onHand) {
        return httpEvent("put-stock.json", Map.of("sku", sku, "locationId", location), "{\"onHand\": " + onHand + "}");
    }

    private static APIGatewayV2HTTPResponse adjust(String sku, String body, String key) {
        APIGatewayV2HTTPEvent event = httpEvent("post-stock-adjustment.json",
                Map.of("sku", sku, "locationId", "sample-warehouse"), body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("idempotency-key");
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        event.setHeaders(headers);
        return handler.handleRequest(event, null);
    }

    private static long onHand(String sku) {
        return Long.parseLong(tables.client().getItem(r -> r.tableName(INVENTORY).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("SKU#" + sku), "sk", AttributeValue.fromS("STOCK#sample-warehouse"))))
                .item().get("onHand").n());
    }

    private static long productVersion() {
        return Long.parseLong(tables.client().getItem(r -> r.tableName(INVENTORY).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("PRODUCT#sample-jacket"), "sk", AttributeValue.fromS("PRODUCT"))))
                .item().get("version").n());
    }

    private static String error(APIGatewayV2HTTPResponse response) {
        return (String) ((Map<?, ?>) Json.parseObject(response.getBody()).get("error")).get("code");
    }
}
