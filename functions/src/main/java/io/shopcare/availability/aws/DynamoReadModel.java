package io.shopcare.availability.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.availability.ListingEntry;
import io.shopcare.availability.ProductProjection;
import io.shopcare.availability.ReadModel;
import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.ReadModelTable;
import io.shopcare.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The read model table. Layout (documents are compact JSON strings, served with little work):
 * <ul>
 * <li>{@code PRODUCT#id / DETAIL} the product detail; {@code PRODUCT#id / ALTERNATIVES} its
 *     substitutes. GET /products/{id} is one Query on the partition.</li>
 * <li>{@code CATEGORY#id / PRODUCT#id} one listing entry per product in the category.
 *     GET /categories/{id}/products is one Query on the partition.</li>
 * <li>{@code SKU#sku / STORES} the stores that carry the SKU. GET /skus/{sku}/stores is one GetItem.</li>
 * </ul>
 * Projected items carry {@code sv}, the product version they were computed from, and are only
 * overwritten by a newer one.
 */
public final class DynamoReadModel implements ReadModel {
    private static final String OLDER = "attribute_not_exists(sv) OR sv < :sv";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DoubleConsumer readCapacity;

    public DynamoReadModel(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, units -> { });
    }

    /** {@code readCapacity} receives the read units each storefront read consumed (for the benchmark). */
    public DynamoReadModel(DynamoDbClient dynamoDb, String table, DoubleConsumer readCapacity) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.readCapacity = readCapacity;
    }

    @Override
    public void save(ProductProjection projection, Collection<String> droppedCategories,
                     Collection<String> droppedSkus) {
        long version = projection.version();
        Map<String, Object> detail = new LinkedHashMap<>(projection.detail());
        putIfNewer(ReadModelTable.productPk(projection.productId()), ReadModelTable.DETAIL_SK, Json.write(detail),
                version,
                Map.of("needsAlternatives", AttributeValue.fromBool(projection.needsAlternatives())));
        String entry = Json.write(projection.entry().toJson());
        for (String category : projection.categoryIds()) {
            putIfNewer(ReadModelTable.categoryPk(category), ReadModelTable.productPk(projection.productId()), entry, version, Map.of());
        }
        projection.storesBySku().forEach((sku, stores) ->
                putIfNewer(ReadModelTable.skuPk(sku), ReadModelTable.STORES_SK, Json.write(stores), version, Map.of()));
        for (String category : droppedCategories) {
            deleteIfNewer(ReadModelTable.categoryPk(category), ReadModelTable.productPk(projection.productId()), version);
        }
        for (String sku : droppedSkus) {
            deleteIfNewer(ReadModelTable.skuPk(sku), ReadModelTable.STORES_SK, version);
        }
    }

    private void putIfNewer(String pk, String sk, String doc, long version, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> item = new HashMap<>(extra);
        item.putAll(key(pk, sk));
        item.put("doc", s(doc));
        item.put("sv", n(version));
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(OLDER)
                    .expressionAttributeValues(Map.of(":sv", n(version))).build());
        } catch (ConditionalCheckFailedException e) {
            // the same or a newer version is stored already: a redelivery or an out-of-order record
        }
    }

    private void deleteIfNewer(String pk, String sk, long version) {
        try {
            dynamoDb.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(pk, sk))
                    .conditionExpression(OLDER).expressionAttributeValues(Map.of(":sv", n(version))).build());
        } catch (ConditionalCheckFailedException e) {
            // a newer projection put it back
        }
    }

    @Override
    public List<ListingEntry> categoryEntries(String categoryId) {
        List<ListingEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(ReadModelTable.categoryPk(categoryId))))
                    .exclusiveStartKey(start)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            reportCapacity(page.consumedCapacity());
            page.items().forEach(i -> entries.add(ListingEntry.fromJson(Json.parseObject(Attributes.string(i, "doc")))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    @Override
    public boolean hasCategory(String categoryId) {
        return dynamoDb.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(ReadModelTable.categoryPk(categoryId)))).limit(1).build()).count() > 0;
    }

    @Override
    public void saveAlternatives(String productId, List<Map<String, Object>> alternatives) {
        dynamoDb.putItem(PutItemRequest.builder().tableName(table)
                .item(Map.of("pk", s(ReadModelTable.productPk(productId)), "sk", s(ReadModelTable.ALTERNATIVES_SK),
                        "doc", s(Json.write(alternatives))))
                .build());
    }

    @Override
    public Optional<Map<String, Object>> productDetail(String productId) {
        QueryResponse response = dynamoDb.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(ReadModelTable.productPk(productId))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        reportCapacity(response.consumedCapacity());
        Map<String, Object> detail = null;
        Object alternatives = null;
        boolean needsAlternatives = false;
        for (Map<String, AttributeValue> item : response.items()) {
            if (ReadModelTable.DETAIL_SK.equals(Attributes.string(item, "sk"))) {
                detail = Json.parseObject(Attributes.string(item, "doc"));
                needsAlternatives = Boolean.TRUE.equals(item.get("needsAlternatives").bool());
            } else if (ReadModelTable.ALTERNATIVES_SK.equals(Attributes.string(item, "sk"))) {
                alternatives = Json.parseArray(Attributes.string(item, "doc"));
            }
        }
        if (detail == null) {
            return Optional.empty();
        }
        if (needsAlternatives) {
            detail.put("alternatives", alternatives == null ? List.of() : alternatives);
        }
        return Optional.of(detail);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<List<Map<String, Object>>> skuStores(String sku) {
        GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(key(ReadModelTable.skuPk(sku), ReadModelTable.STORES_SK))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        reportCapacity(response.consumedCapacity());
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        List<Object> stores = Json.parseArray(Attributes.string(response.item(), "doc"));
        return Optional.of((List<Map<String, Object>>) (List<?>) stores);
    }

    private void reportCapacity(software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            readCapacity.accept(capacity.capacityUnits());
        }
    }
}
