package io.shopcare.stock.aws;

import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.http.JsonInput;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.outcome.Refusal;
import io.shopcare.stock.StockService;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * PUT /admin/stock/{sku}/{locationId} (the on-hand count) and
 * POST /admin/stock/{sku}/{locationId}/adjustments (a delta, idempotent with Idempotency-Key).
 */
public final class StockAdminHandler extends JsonApiHandler {
    private static final long MAX_UNITS = 10_000_000;
    private final StockService stock;

    public StockAdminHandler() {
        this(System.getenv());
    }

    public StockAdminHandler(Map<String, String> environment) {
        this(stockService(new Environment(environment)));
    }

    public StockAdminHandler(StockService stock) {
        this.stock = stock;
    }

    private static StockService stockService(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        Clock clock = Clock.systemUTC();
        DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamoDb, env.require("IDEMPOTENCY_TABLE"),
                "stock-adjustment", clock);
        return new StockService(new DynamoStockRepository(dynamoDb, env.require("INVENTORY_TABLE"), idempotency, clock),
                idempotency);
    }

    /** A SKU that cannot exist is refused (404) after its ownership is read, before anything is written. */
    @Override
    protected String primingEvent() {
        return primingRequest("PUT", "/admin/stock/SNAPSTART-PRIMING/snapstart-priming",
                Map.of("sku", "SNAPSTART-PRIMING", "locationId", "snapstart-priming"), "{\"onHand\": 0}");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String sku = request.pathId("sku");
        String locationId = request.pathId("locationId");
        if ("POST".equals(request.method())) {
            // A retried delta must never apply twice, so the key is not optional here.
            IdempotencyKey key = request.idempotencyKey().orElseThrow(() -> Refusal.invalid("Idempotency-Key",
                    "is required: a retried adjustment without one could apply twice"));
            JsonInput body = request.jsonBody().allowOnly("delta", "reason");
            Long delta = body.requiredLong("delta", -MAX_UNITS, MAX_UNITS);
            body.requiredString("reason", 1, 200);
            if (delta != null && delta == 0) {
                body.problem("delta", "must not be zero");
            }
            body.validate();
            return ApiResponse.ok(stock.adjust(sku, locationId, delta, key).toJson());
        }
        JsonInput body = request.jsonBody().allowOnly("onHand");
        Long onHand = body.requiredLong("onHand", 0, MAX_UNITS);
        body.validate();
        return ApiResponse.ok(stock.setOnHand(sku, locationId, onHand).toJson());
    }
}
