package io.shopcare.availability;

import static io.shopcare.testing.EmbeddedTables.INVENTORY;
import static io.shopcare.testing.EmbeddedTables.READ_MODEL;
import static io.shopcare.testing.EmbeddedTables.httpEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.shopcare.availability.aws.CategoryProductsHandler;
import io.shopcare.availability.aws.DynamoInventorySource;
import io.shopcare.availability.aws.DynamoReadModel;
import io.shopcare.availability.aws.InventoryStreamHandler;
import io.shopcare.availability.aws.ProductDetailHandler;
import io.shopcare.availability.aws.SkuStoresHandler;
import io.shopcare.catalog.CatalogService;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.catalog.aws.PutLocationHandler;
import io.shopcare.catalog.aws.PutProductHandler;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.json.Json;
import io.shopcare.stock.StockService;
import io.shopcare.stock.aws.DynamoStockRepository;
import io.shopcare.stock.aws.StockAdminHandler;
import io.shopcare.testing.EmbeddedTables;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The projector on DynamoDB Local, driven by the sample stream event: redelivery and stale
 * records change nothing, an older projection never overwrites a newer one, and a bad record is
 * reported alone.
 */
class InventoryStreamHandlerTest {
    private static EmbeddedTables tables;
    private static InventoryStreamHandler projector;
    private static StockAdminHandler stock;
    private static ProductDetailHandler detail;
    private static DynamoReadModel readModel;

    @BeforeAll
    static void setUp() {
        tables = new EmbeddedTables();
        var dynamo = tables.client();
        CatalogService catalog = new CatalogService(new DynamoCatalogRepository(dynamo, INVENTORY, Clock.systemUTC()));
        DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, EmbeddedTables.IDEMPOTENCY, "test",
                Clock.systemUTC());
        stock = new StockAdminHandler(new StockService(new DynamoStockRepository(dynamo, INVENTORY, idempotency,
                Clock.systemUTC()), idempotency));
        readModel = new DynamoReadModel(dynamo, READ_MODEL);
        projector = new InventoryStreamHandler(new AvailabilityProjector(new DynamoInventorySource(dynamo, INVENTORY),
                readModel));
        detail = new ProductDetailHandler(new AvailabilityQueries(readModel));

        assertEquals(200, new PutLocationHandler(catalog).handleRequest(httpEvent("put-location.json"), null).getStatusCode());
        assertEquals(200, new PutProductHandler(catalog).handleRequest(httpEvent("put-product.json"), null).getStatusCode());
        assertEquals(200, stock.handleRequest(httpEvent("put-stock.json"), null).getStatusCode());
    }

    @AfterAll
    static void tearDown() {
        tables.close();
    }

    private static DynamodbEvent sampleBatch() {
        return EventLoader.loadDynamoDbEvent(EmbeddedTables.eventsDir().resolve("inventory-stream-product-change.json").toString());
    }

    @Test
    void aRedeliveredBatchAndAStaleRecordChangeNothing() {
        setStock("SJ-S", 2);
        StreamsEventResponse first = projector.handleRequest(sampleBatch(), null);
        assertEquals(List.of(), first.getBatchItemFailures(), "sample-boot does not exist: skipped, not failed");
        assertEquals("LOW_STOCK", variantAvailability("SJ-S"), "2 units against a threshold of 3");
        TreeSet<String> before = tables.snapshot(READ_MODEL);

        projector.handleRequest(sampleBatch(), null);
        assertEquals(before, tables.snapshot(READ_MODEL), "the same batch delivered twice must change nothing");

        // A newer change lands; then the old record arrives again (out of order).
        setStock("SJ-S", 40);
        projector.handleRequest(sampleBatch(), null);
        TreeSet<String> newer = tables.snapshot(READ_MODEL);
        assertNotEquals(before, newer);
        assertEquals("IN_STOCK", variantAvailability("SJ-S"));
        projector.handleRequest(sampleBatch(), null);
        assertEquals(newer, tables.snapshot(READ_MODEL), "an older record after a newer one must change nothing");
    }

    @Test
    void anOlderProjectionNeverOverwritesANewerOne() {
        projector.handleRequest(sampleBatch(), null);
        Map<String, Object> current = product("sample-jacket");
        long version = Long.parseLong(tables.client().getItem(r -> r.tableName(READ_MODEL)
                .key(Map.of("pk", AttributeValue.fromS("PRODUCT#sample-jacket"), "sk", AttributeValue.fromS("DETAIL"))))
                .item().get("sv").n());
        ProductProjection stale = new ProductProjection("sample-jacket", version - 1, List.of("sample-cat"),
                Map.of("productId", "sample-jacket", "name", "STALE"), new ListingEntry(Map.of("productId", "sample-jacket"),
                2, null, "STALE", List.of(), Map.of(), "sample-cat", true), Map.of());
        readModel.save(stale, List.of(), List.of());
        assertEquals(current, product("sample-jacket"));
    }

    @Test
    void aRecordThatCannotBeProjectedIsReportedAloneAndTheRestSucceed() {
        tables.client().putItem(r -> r.tableName(INVENTORY).item(Map.of(
                "pk", AttributeValue.fromS("PRODUCT#sample-boot"), "sk", AttributeValue.fromS("PRODUCT"),
                "entity", AttributeValue.fromS("PRODUCT"), "doc", AttributeValue.fromS("{not json"),
                "version", AttributeValue.fromN("5"))));
        try {
            StreamsEventResponse response = projector.handleRequest(sampleBatch(), null);
            assertEquals(1, response.getBatchItemFailures().size());
            assertEquals("111100000000000000002", response.getBatchItemFailures().get(0).getItemIdentifier());
            assertFalse(product("sample-jacket").isEmpty());
        } finally {
            tables.client().deleteItem(r -> r.tableName(INVENTORY).key(Map.of(
                    "pk", AttributeValue.fromS("PRODUCT#sample-boot"), "sk", AttributeValue.fromS("PRODUCT"))));
        }
    }

    @Test
    void theSampleReadEventsAreAnsweredFromTheReadModel() {
        projector.handleRequest(sampleBatch(), null);
        APIGatewayV2HTTPResponse listing = new CategoryProductsHandler(new CategoryPages(readModel,
                () -> io.shopcare.signing.SigningKeys.fromSecret("{\"current\": \"k1\", \"k1\": \"" + "k".repeat(40) + "\"}")))
                .handleRequest(httpEvent("get-category-products.json"), null);
        assertEquals(200, listing.getStatusCode());
        Map<String, Object> page = Json.parseObject(listing.getBody());
        assertEquals(1, ((List<?>) page.get("items")).size(), "size=M is buyable for sample-jacket");
        APIGatewayV2HTTPResponse stores = new SkuStoresHandler(new AvailabilityQueries(readModel))
                .handleRequest(httpEvent("get-sku-stores.json"), null);
        assertEquals(200, stores.getStatusCode());
        assertTrue(((List<?>) Json.parseObject(stores.getBody()).get("items")).isEmpty(), "no store carries SJ-M");
    }

    private static void setStock(String sku, int onHand) {
        assertEquals(200, stock.handleRequest(httpEvent("put-stock.json", Map.of("sku", sku,
                "locationId", "sample-warehouse"), "{\"onHand\": " + onHand + "}"), null).getStatusCode());
    }

    private static String variantAvailability(String sku) {
        for (Object variant : (List<?>) product("sample-jacket").get("variants")) {
            if (sku.equals(((Map<?, ?>) variant).get("sku"))) {
                return (String) ((Map<?, ?>) variant).get("availability");
            }
        }
        throw new AssertionError("no variant " + sku);
    }

    private static Map<String, Object> product(String id) {
        APIGatewayV2HTTPResponse response = detail.handleRequest(httpEvent("get-product.json",
                Map.of("productId", id), null), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parseObject(response.getBody());
    }
}
