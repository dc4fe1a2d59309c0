package io.shopcare.catalog.aws;

import static io.shopcare.dynamo.Attributes.conditionFailed;
import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.catalog.CatalogRepository;
import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.json.Instants;
import io.shopcare.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Locations, carriers and products in the inventory table. The domain record is stored as a JSON
 * document ({@code doc}) next to the keys and {@code version}: nothing queries inside it, and the
 * stream consumers read it back with the same codec.
 */
public final class DynamoCatalogRepository implements CatalogRepository {
    private static final String VERSION_MATCHES = "attribute_not_exists(pk) OR version = :expected";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoCatalogRepository(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<Versioned<Location>> findLocation(String locationId) {
        return find(InventoryTable.LOCATIONS_PK, InventoryTable.locationSk(locationId))
                .map(item -> new Versioned<>(Location.fromJson(Json.parseObject(Attributes.string(item, "doc"))),
                        Attributes.number(item, "version")));
    }

    @Override
    public List<Location> locations() {
        return documents(InventoryTable.LOCATIONS_PK, Location::fromJson);
    }

    @Override
    public Optional<Versioned<Carrier>> findCarrier(String carrierId) {
        return find(InventoryTable.CARRIERS_PK, InventoryTable.carrierSk(carrierId))
                .map(item -> new Versioned<>(Carrier.fromJson(Json.parseObject(Attributes.string(item, "doc"))),
                        Attributes.number(item, "version")));
    }

    @Override
    public List<Carrier> carriers() {
        return documents(InventoryTable.CARRIERS_PK, Carrier::fromJson);
    }

    /** The documents of one partition, in sort-key order: one Query (more pages only past 1 MB). */
    private <T> List<T> documents(String pk, Function<Map<String, Object>, T> codec) {
        List<T> documents = new ArrayList<>();
        dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(pk))).build())
                .items().forEach(item -> documents.add(codec.apply(Json.parseObject(Attributes.string(item, "doc")))));
        return List.copyOf(documents);
    }

    @Override
    public Optional<Versioned<Product>> findProduct(String productId) {
        return find(InventoryTable.productPk(productId), InventoryTable.PRODUCT_SK)
                .map(item -> new Versioned<>(Product.fromJson(Json.parseObject(Attributes.string(item, "doc"))),
                        Attributes.number(item, "version")));
    }

    @Override
    public Optional<String> productOfSku(String sku) {
        return find(InventoryTable.skuPk(sku), InventoryTable.SKU_SK).map(item -> Attributes.string(item, "productId"));
    }

    private Optional<Map<String, AttributeValue>> find(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table).key(key(pk, sk)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public void writeLocation(Location location, long expectedVersion) throws ConcurrentChangeException {
        Map<String, AttributeValue> item = document(InventoryTable.LOCATIONS_PK,
                InventoryTable.locationSk(location.locationId()), "LOCATION", location.toJson(), expectedVersion + 1);
        item.put("locationId", s(location.locationId()));
        putIfVersion(item, expectedVersion);
    }

    @Override
    public void writeCarrier(Carrier carrier, long expectedVersion) throws ConcurrentChangeException {
        Map<String, AttributeValue> item = document(InventoryTable.CARRIERS_PK,
                InventoryTable.carrierSk(carrier.carrierId()), "CARRIER", carrier.toJson(), expectedVersion + 1);
        item.put("carrierId", s(carrier.carrierId()));
        putIfVersion(item, expectedVersion);
    }

    private void putIfVersion(Map<String, AttributeValue> item, long expectedVersion) throws ConcurrentChangeException {
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(VERSION_MATCHES)
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException();
        }
    }

    @Override
    public void writeProduct(Product product, Product previous, long expectedVersion)
            throws ConcurrentChangeException, SkuOwnedElsewhereException {
        Map<String, AttributeValue> item = document(InventoryTable.productPk(product.productId()),
                InventoryTable.PRODUCT_SK, "PRODUCT", product.toJson(), expectedVersion + 1);
        item.put("productId", s(product.productId()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(VERSION_MATCHES)
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build()).build());
        Set<String> kept = Set.copyOf(product.skus());
        List<String> claimed = new ArrayList<>();
        for (String sku : product.skus()) {
            if (previous == null || !previous.skus().contains(sku)) {
                claimed.add(sku);
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(Map.of("pk", s(InventoryTable.skuPk(sku)), "sk", s(InventoryTable.SKU_SK),
                                "entity", s("SKU"), "sku", s(sku), "productId", s(product.productId())))
                        .conditionExpression("attribute_not_exists(pk) OR productId = :product")
                        .expressionAttributeValues(Map.of(":product", s(product.productId()))).build()).build());
            }
        }
        if (previous != null) {
            for (String sku : previous.skus()) {
                if (!kept.contains(sku)) {
                    writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(key(InventoryTable.skuPk(sku), InventoryTable.SKU_SK))
                            .conditionExpression("attribute_not_exists(pk) OR productId = :product")
                            .expressionAttributeValues(Map.of(":product", s(product.productId()))).build()).build());
                }
            }
        }
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                throw new ConcurrentChangeException();
            }
            for (int i = 0; i < claimed.size(); i++) {
                if (conditionFailed(e, i + 1)) {
                    throw new SkuOwnedElsewhereException(claimed.get(i));
                }
            }
            throw e;
        }
    }

    private Map<String, AttributeValue> document(String pk, String sk, String entity, Map<String, Object> doc,
                                                 long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("entity", s(entity));
        item.put("doc", s(Json.write(doc)));
        item.put("version", n(version));
        item.put("updatedAt", s(Instants.stored(clock.instant())));
        return item;
    }
}
