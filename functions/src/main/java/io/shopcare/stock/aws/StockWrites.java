package io.shopcare.stock.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.InventoryTable;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What other capabilities may do to stock levels, as items of their own transactions: reserve,
 * give back and ship units. The stock capability keeps the item's format; every change bumps the
 * level's version (so the merchant's compare-and-set count never overwrites a reservation) and,
 * through {@link #touchProduct}, the owning product's version (so the projection and restock
 * detection see it on the stream, as they see a merchant's change).
 */
public final class StockWrites {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public StockWrites(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** On-hand and reserved units of a SKU at each location holding it (one Query per SKU). */
    public Map<String, long[]> levels(String sku) {
        Map<String, long[]> levels = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamoDb.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :stock)")
                    .expressionAttributeValues(Map.of(":pk", s(InventoryTable.skuPk(sku)), ":stock",
                            s(InventoryTable.STOCK_PREFIX)))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                levels.put(Attributes.string(item, "locationId"),
                        new long[] {Attributes.number(item, "onHand"), Attributes.number(item, "reserved")});
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return levels;
    }

    /**
     * Takes {@code units}, only if on hand is still {@code seenOnHand} and that many are free now
     * ({@code reserved <= seenOnHand - units}): DynamoDB conditions cannot subtract, so the
     * on-hand count read by the caller stands in, and a merchant's count in between fails it.
     */
    public TransactWriteItem reserve(String sku, String locationId, long units, long seenOnHand) {
        return update(sku, locationId, "SET reserved = reserved + :units, version = version + :one, updatedAt = :now",
                "onHand = :seen AND reserved <= :cap", Map.of(":units", n(units), ":seen", n(seenOnHand),
                        ":cap", n(seenOnHand - units)));
    }

    public TransactWriteItem release(String sku, String locationId, long units) {
        return update(sku, locationId, "SET reserved = reserved - :units, version = version + :one, updatedAt = :now",
                "attribute_exists(pk)", Map.of(":units", n(units)));
    }

    /** Units that left the building: out of on hand and out of reserved. */
    public TransactWriteItem ship(String sku, String locationId, long units) {
        return update(sku, locationId,
                "SET onHand = onHand - :units, reserved = reserved - :units, version = version + :one, updatedAt = :now",
                "attribute_exists(pk)", Map.of(":units", n(units)));
    }

    public TransactWriteItem touchProduct(String productId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(InventoryTable.productPk(productId), InventoryTable.PRODUCT_SK))
                .updateExpression("SET version = version + :one, updatedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", n(1), ":now", s(clock.instant().toString()))).build()).build();
    }

    private TransactWriteItem update(String sku, String locationId, String expression, String condition,
                                     Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":one", n(1));
        all.put(":now", s(clock.instant().toString()));
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(InventoryTable.skuPk(sku), InventoryTable.stockSk(locationId)))
                .updateExpression(expression).conditionExpression(condition).expressionAttributeValues(all).build())
                .build();
    }

    /** The SKUs' levels, for callers that read several. */
    public Map<String, Map<String, long[]>> levels(Collection<String> skus) {
        Map<String, Map<String, long[]>> all = new LinkedHashMap<>();
        skus.forEach(sku -> all.put(sku, levels(sku)));
        return all;
    }
}
