package io.shopcare.availability.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.availability.InventorySnapshot;
import io.shopcare.availability.InventorySource;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.json.Json;
import io.shopcare.stock.PreorderCount;
import io.shopcare.stock.StockLevel;
import io.shopcare.stock.aws.StockWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Reads product aggregates from the inventory table. The product item is read first: every stock
 * change of the product bumps its version in the same transaction, so stock read afterwards is
 * at least as new as that version.
 */
public final class DynamoInventorySource implements InventorySource {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final StockWrites stockWrites;

    public DynamoInventorySource(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        // Stock levels and pre-order queues are read through their owner, the stock capability.
        this.stockWrites = new StockWrites(dynamoDb, table, Clock.systemUTC());
    }

    @Override
    public Optional<InventorySnapshot> load(String productId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(key(InventoryTable.productPk(productId), InventoryTable.PRODUCT_SK)).consistentRead(true).build())
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Product product = Product.fromJson(Json.parseObject(Attributes.string(item, "doc")));
        long version = Attributes.number(item, "version");
        Map<String, List<StockLevel>> stock = new LinkedHashMap<>();
        Map<String, PreorderCount> preorders = new LinkedHashMap<>();
        for (Product.Variant variant : product.variants()) {
            stock.put(variant.sku(), stockOf(variant.sku()));
            if (variant.preorder() != null) {
                preorders.put(variant.sku(), stockWrites.preorders(variant.sku()));
            }
        }
        return Optional.of(new InventorySnapshot(product, version, stock, locations(), preorders));
    }

    private List<StockLevel> stockOf(String sku) {
        List<StockLevel> levels = new ArrayList<>();
        stockWrites.levels(sku).forEach((locationId, level) -> levels.add(new StockLevel(sku, locationId, level[0], level[1])));
        return levels;
    }

    private Map<String, Location> locations() {
        Map<String, Location> locations = new HashMap<>();
        dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(InventoryTable.LOCATIONS_PK))).build())
                .items().forEach(i -> {
                    Location location = Location.fromJson(Json.parseObject(Attributes.string(i, "doc")));
                    locations.put(location.locationId(), location);
                });
        return locations;
    }

    @Override
    public List<String> productsStockedAt(String locationId) {
        List<String> products = new ArrayList<>();
        dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).indexName(InventoryTable.BY_LOCATION)
                        .keyConditionExpression("gsi1pk = :location")
                        .expressionAttributeValues(Map.of(":location", s(InventoryTable.locationIndexPk(locationId))))
                        .build())
                .items().forEach(i -> products.add(Attributes.string(i, "productId")));
        return products.stream().distinct().toList();
    }

    @Override
    public void touch(String productId) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(InventoryTable.productPk(productId), InventoryTable.PRODUCT_SK))
                    .updateExpression("SET version = version + :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":one", n(1))).build());
        } catch (ConditionalCheckFailedException e) {
            // the product is gone: nothing to re-project
        }
    }
}
