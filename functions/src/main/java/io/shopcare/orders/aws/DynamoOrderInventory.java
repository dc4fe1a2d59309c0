package io.shopcare.orders.aws;

import static io.shopcare.dynamo.Attributes.key;

import io.shopcare.catalog.CatalogRepository;
import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderInventory;
import io.shopcare.stock.PreorderCount;
import io.shopcare.stock.aws.StockWrites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What orders read of the merchant's data, through the owners of each item: the catalog
 * (products, locations, carriers), the stock capability (levels) and the orders table's backlog
 * counters (kept by {@link BacklogHandler} from the orders stream).
 */
public final class DynamoOrderInventory implements OrderInventory {
    private final CatalogRepository catalog;
    private final StockWrites stock;
    private final DynamoDbClient dynamoDb;
    private final String ordersTable;

    public DynamoOrderInventory(CatalogRepository catalog, StockWrites stock, DynamoDbClient dynamoDb, String ordersTable) {
        this.catalog = catalog;
        this.stock = stock;
        this.dynamoDb = dynamoDb;
        this.ordersTable = ordersTable;
    }

    @Override
    public Map<String, SkuInfo> skus(Collection<String> skus) {
        Map<String, SkuInfo> infos = new LinkedHashMap<>();
        Map<String, Product> products = new HashMap<>();
        for (String sku : skus) {
            catalog.productOfSku(sku).ifPresent(productId -> {
                Product product = products.computeIfAbsent(productId,
                        id -> catalog.findProduct(id).map(CatalogRepository.Versioned::value).orElse(null));
                if (product != null) {
                    product.variants().stream().filter(v -> v.sku().equals(sku)).findFirst()
                            .ifPresent(variant -> infos.put(sku, new SkuInfo(product, variant)));
                }
            });
        }
        return infos;
    }

    @Override
    public Map<String, Map<String, StockCount>> stock(Collection<String> skus) {
        Map<String, Map<String, StockCount>> all = new LinkedHashMap<>();
        stock.levels(skus).forEach((sku, levels) -> {
            Map<String, StockCount> counts = new LinkedHashMap<>();
            levels.forEach((location, level) -> counts.put(location, new StockCount(level[0], level[1])));
            all.put(sku, counts);
        });
        return all;
    }

    @Override
    public Map<String, PreorderCount> preorders(Collection<String> skus) {
        Map<String, PreorderCount> counts = new HashMap<>();
        skus.forEach(sku -> counts.put(sku, stock.preorders(sku)));
        return counts;
    }

    @Override
    public List<QueuedPreorder> preorderQueue(String sku, int limit) {
        List<QueuedPreorder> queue = new ArrayList<>();
        stock.queue(sku, limit).forEach((orderId, units) -> queue.add(new QueuedPreorder(orderId, units.intValue())));
        return queue;
    }

    @Override
    public List<Location> locations() {
        return catalog.locations();
    }

    @Override
    public List<CarrierTerms> carriers() {
        return catalog.carriers().stream().map(DynamoOrderInventory::terms).toList();
    }

    static CarrierTerms terms(Carrier carrier) {
        return new CarrierTerms(carrier.carrierId(), carrier.name(),
                carrier.methods().stream().map(m -> Order.DeliveryMethod.valueOf(m.name())).toList(),
                carrier.transitDays().min(), carrier.transitDays().max(), carrier.price(), carrier.freeFrom(),
                carrier.trackingUrl(), carrier.deliverySlots().stream().map(slot -> slot.from() + "-" + slot.to()).toList());
    }

    @Override
    public Map<String, Long> backlog(Collection<String> locationIds) {
        Map<String, Long> counts = new HashMap<>();
        if (locationIds.isEmpty()) {
            return counts;
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        locationIds.forEach(id -> keys.add(key(OrdersTable.backlogPk(id), OrdersTable.COUNT_SK)));
        // At most 100 keys per request; a shop with more locations reads in chunks.
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> request = Map.of(ordersTable, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            while (!request.isEmpty()) {
                var response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(ordersTable, List.of())) {
                    String pk = Attributes.string(item, "pk");
                    counts.put(pk.substring(pk.indexOf('#') + 1), Math.max(0, Attributes.number(item, "count")));
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return counts;
    }
}
