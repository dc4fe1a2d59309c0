package io.shopcare.stock.aws;

import static io.shopcare.dynamo.Attributes.conditionFailed;
import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.json.Instants;
import io.shopcare.stock.StockLevel;
import io.shopcare.stock.StockRepository.WriteRefusedException.Reason;
import io.shopcare.stock.StockRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Stock levels in the inventory table. One transaction checks the location and the SKU's owner,
 * writes the level, bumps the owning product's version (so the product version orders every
 * change of the product aggregate, which keeps the projection monotonic) and, with an
 * idempotency key, stores the reply.
 */
public final class DynamoStockRepository implements StockRepository {
    private static final int LOCATION = 0;
    private static final int SKU_OWNER = 1;
    private static final int PRODUCT = 2;
    private static final int LEVEL = 3;
    private static final int REPLY = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoIdempotencyStore idempotency;
    private final Clock clock;

    public DynamoStockRepository(DynamoDbClient dynamoDb, String table, DynamoIdempotencyStore idempotency, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Optional<String> productOfSku(String sku) {
        return get(InventoryTable.skuPk(sku), InventoryTable.SKU_SK).map(item -> Attributes.string(item, "productId"));
    }

    @Override
    public Optional<StoredLevel> find(String sku, String locationId) {
        return get(InventoryTable.skuPk(sku), InventoryTable.stockSk(locationId)).map(item -> new StoredLevel(
                new StockLevel(sku, locationId, Attributes.number(item, "onHand"), Attributes.number(item, "reserved")),
                Attributes.number(item, "version")));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk, sk)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public void write(StockLevel level, String productId, long expectedVersion, IdempotencyKey key, String replyBody)
            throws WriteRefusedException {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(key(InventoryTable.LOCATIONS_PK, InventoryTable.locationSk(level.locationId())))
                .conditionExpression("attribute_exists(pk)").build()).build());
        items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(key(InventoryTable.skuPk(level.sku()), InventoryTable.SKU_SK))
                .conditionExpression("productId = :product")
                .expressionAttributeValues(Map.of(":product", s(productId))).build()).build());
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(InventoryTable.productPk(productId), InventoryTable.PRODUCT_SK))
                .updateExpression("SET version = version + :one, updatedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", n(1), ":now", s(Instants.stored(clock.instant())))).build()).build());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(level, productId, expectedVersion + 1))
                .conditionExpression("attribute_not_exists(pk) OR version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build()).build());
        if (key != null) {
            items.add(idempotency.claim(key, replyBody));
        }
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, LOCATION)) {
                throw new WriteRefusedException(Reason.UNKNOWN_LOCATION);
            }
            if (conditionFailed(e, SKU_OWNER) || conditionFailed(e, PRODUCT)) {
                throw new WriteRefusedException(Reason.UNKNOWN_SKU);
            }
            if (key != null && conditionFailed(e, REPLY)) {
                throw new WriteRefusedException(Reason.KEY_ALREADY_USED);
            }
            // The level changed meanwhile, or a concurrent transaction touched the same items.
            throw new WriteRefusedException(Reason.CONCURRENT_CHANGE);
        }
    }

    private Map<String, AttributeValue> item(StockLevel level, String productId, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(InventoryTable.skuPk(level.sku())));
        item.put("sk", s(InventoryTable.stockSk(level.locationId())));
        item.put("entity", s("STOCK"));
        item.put("sku", s(level.sku()));
        item.put("locationId", s(level.locationId()));
        item.put("productId", s(productId));
        item.put("onHand", n(level.onHand()));
        item.put("reserved", n(level.reserved()));
        item.put("version", n(version));
        item.put("updatedAt", s(Instants.stored(clock.instant())));
        item.put("gsi1pk", s(InventoryTable.locationIndexPk(level.locationId())));
        item.put("gsi1sk", s(InventoryTable.skuPk(level.sku())));
        return item;
    }
}
