package io.shopcare.stock.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.json.Instants;
import io.shopcare.stock.PreorderCount;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What other capabilities may do to stock levels, as items of their own transactions: reserve,
 * give back and ship units. The stock capability keeps the item's format; every change bumps the
 * level's version (so the merchant's compare-and-set count never overwrites a reservation) and,
 * through {@link #touchProduct}, the owning product's version (so the projection and restock
 * detection see it on the stream, as they see a merchant's change). The SKU's pre-order queue is
 * stock too: its counter and entries live beside the levels, and new orders hold its units back.
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

    /** Returned units back on hand (a return received in a sellable state). */
    public TransactWriteItem receive(String sku, String locationId, long units) {
        return update(sku, locationId, "SET onHand = onHand + :units, version = version + :one, updatedAt = :now",
                "attribute_exists(pk)", Map.of(":units", n(units)));
    }

    public TransactWriteItem touchProduct(String productId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(InventoryTable.productPk(productId), InventoryTable.PRODUCT_SK))
                .updateExpression("SET version = version + :one, updatedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", n(1), ":now", s(Instants.stored(clock.instant())))).build()).build();
    }

    private TransactWriteItem update(String sku, String locationId, String expression, String condition,
                                     Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":one", n(1));
        all.put(":now", s(Instants.stored(clock.instant())));
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(InventoryTable.skuPk(sku), InventoryTable.stockSk(locationId)))
                .updateExpression(expression).conditionExpression(condition).expressionAttributeValues(all).build())
                .build();
    }

    // ---------------------------------------------------------------- the pre-order queue

    /**
     * Changes the SKU's pre-order counts (one item per SKU: the one place the variant's limit holds
     * under concurrency). Units pre-ordered ({@code preordered} > 0) are taken only while at most
     * {@code limit} are pre-ordered in all; {@code waiting} units join or leave the queue.
     */
    public TransactWriteItem countPreorders(String sku, long preordered, long waiting, long limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":preordered", n(preordered), ":waiting", n(waiting)));
        String condition;
        if (preordered > 0) {
            condition = "attribute_not_exists(preordered) OR preordered <= :cap";
            values.put(":cap", n(limit - preordered));
        } else {
            // Taking back what is not there would mean the counts drifted from the orders: refuse.
            condition = "preordered >= :minusPreordered AND waiting >= :minusWaiting";
            values.put(":minusPreordered", n(-preordered));
            values.put(":minusWaiting", n(Math.max(0, -waiting)));
        }
        return queueCounter(sku, "ADD preordered :preordered, waiting :waiting SET updatedAt = :now", condition, values);
    }

    /** A new order takes units only if no more wait than its sourcing held back for the queue. */
    public TransactWriteItem queueUnchanged(String sku, long seenWaiting) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(key(InventoryTable.skuPk(sku), InventoryTable.PREORDERS_SK))
                .conditionExpression("attribute_not_exists(waiting) OR waiting <= :seen")
                .expressionAttributeValues(Map.of(":seen", n(seenWaiting))).build()).build();
    }

    /** One order's place in the queue, keyed by when it was placed so the queue reads oldest first. */
    public TransactWriteItem queueEntry(String sku, String queuedAt, String orderId, long units) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of(
                "pk", s(InventoryTable.skuPk(sku)), "sk", s(InventoryTable.preorderSk(queuedAt, orderId)),
                "orderId", s(orderId), "units", n(units))).build()).build();
    }

    public TransactWriteItem removeQueueEntry(String sku, String queuedAt, String orderId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(InventoryTable.skuPk(sku), InventoryTable.preorderSk(queuedAt, orderId)))
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    /** The SKU's pre-order counts. */
    public PreorderCount preorders(String sku) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(key(InventoryTable.skuPk(sku), InventoryTable.PREORDERS_SK)).build()).item();
        return item == null || !item.containsKey("preordered") ? PreorderCount.NONE
                : new PreorderCount(Attributes.number(item, "preordered"), Attributes.number(item, "waiting"));
    }

    /** The queue, oldest first: orderId -> units, at most {@code limit} entries. */
    public Map<String, Long> queue(String sku, int limit) {
        Map<String, Long> entries = new LinkedHashMap<>();
        var page = dynamoDb.query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :queue)")
                .expressionAttributeValues(Map.of(":pk", s(InventoryTable.skuPk(sku)), ":queue",
                        s(InventoryTable.PREORDER_PREFIX)))
                .limit(limit).build());
        page.items().forEach(item -> entries.put(Attributes.string(item, "orderId"), Attributes.number(item, "units")));
        return entries;
    }

    private TransactWriteItem queueCounter(String sku, String expression, String condition,
                                           Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":now", s(Instants.stored(clock.instant())));
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(InventoryTable.skuPk(sku), InventoryTable.PREORDERS_SK))
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
