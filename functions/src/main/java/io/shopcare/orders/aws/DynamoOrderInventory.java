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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What orders read of the merchant's data, through the owners of each item: the catalog
 * (products, locations, carriers), the stock capability (levels) and the orders table's backlog
 * counters (kept by {@link BacklogHandler} from the orders stream).
 * <p>
 * {@link #read} issues the reads of one decision side by side on {@code reads}, in one round
 * trip when it can. Two reads depend on another: a SKU's product on the SKU's item (which product
 * owns it), the backlog counters on the list of locations. Both are read ahead from what this
 * container saw before, as hints checked by the round itself, never as answers: a product read by
 * its id answers for a SKU only if it lists that SKU (a product's write claims and releases its SKUs'
 * items in the same transaction, so a consistent read of a product that lists a SKU proves that it
 * owns it; the SKU's item need not be read at all), and the counters read ahead answer only for the
 * locations the round's own list names. A SKU never seen, moved to another product or no longer
 * sold, and a location new since, cost one more round; the reads' answers are the same either way.
 */
public final class DynamoOrderInventory implements OrderInventory {
    /** Hints kept per container, at most this many SKUs (then forgotten and learnt again). */
    private static final int MAX_OWNER_HINTS = 10_000;
    private final CatalogRepository catalog;
    private final StockWrites stock;
    private final DynamoDbClient dynamoDb;
    private final String ordersTable;
    private final Executor reads;
    /** sku -> the product that owned it when last read: which product to read ahead. */
    private final Map<String, String> ownerHints = new ConcurrentHashMap<>();
    /** The location ids of the last list read: whose backlog counters to read ahead. */
    private volatile List<String> locationHints = List.of();

    /** Reads one after the other, on the caller's thread. */
    public DynamoOrderInventory(CatalogRepository catalog, StockWrites stock, DynamoDbClient dynamoDb, String ordersTable) {
        this(catalog, stock, dynamoDb, ordersTable, Runnable::run);
    }

    public DynamoOrderInventory(CatalogRepository catalog, StockWrites stock, DynamoDbClient dynamoDb, String ordersTable,
                                Executor reads) {
        this.catalog = catalog;
        this.stock = stock;
        this.dynamoDb = dynamoDb;
        this.ordersTable = ordersTable;
        this.reads = reads;
    }

    /**
     * The reads side by side: each SKU's stock levels, its product (by the hint, or after its SKU
     * item), the carriers, the locations and their backlog counters. A failed read fails the whole,
     * with its own exception, after every read started has ended.
     */
    @Override
    public Reading read(Collection<String> skus) {
        List<String> distinct = skus.stream().distinct().toList();
        Map<String, CompletableFuture<Optional<Product>>> productReads = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Map<String, long[]>>> levels = new LinkedHashMap<>();
        Map<String, CompletableFuture<Optional<Product>>> products = new LinkedHashMap<>();
        for (String sku : distinct) {
            levels.put(sku, async(() -> stock.levels(sku)));
            String hint = ownerHints.get(sku);
            products.put(sku, hint == null ? productOwning(sku, productReads)
                    : product(hint, productReads).thenCompose(product -> product.filter(p -> lists(p, sku)).isPresent()
                            ? CompletableFuture.completedFuture(product) : productOwning(sku, productReads)));
        }
        CompletableFuture<List<CarrierTerms>> carriers = async(this::carriers);
        CompletableFuture<List<Location>> locations = async(catalog::locations);
        CompletableFuture<Map<String, Long>> backlog = backlogOf(locations);
        List<CompletableFuture<?>> started = new ArrayList<>(products.values());
        started.addAll(levels.values());
        started.addAll(List.of(carriers, locations, backlog));
        // Nothing is left running behind an answer or a failure.
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Map<String, SkuInfo> infos = new LinkedHashMap<>();
        for (String sku : skus) {
            join(products.get(sku)).ifPresent(product -> product.variants().stream()
                    .filter(v -> v.sku().equals(sku)).findFirst()
                    .ifPresent(variant -> infos.put(sku, new SkuInfo(product, variant))));
        }
        Map<String, Map<String, StockCount>> counts = new LinkedHashMap<>();
        levels.forEach((sku, level) -> counts.put(sku, counts(join(level))));
        return new Reading(infos, counts, join(locations), join(carriers), join(backlog));
    }

    /** The product that owns {@code sku} by its SKU item (none when the SKU is not sold); remembered as the next hint. */
    private CompletableFuture<Optional<Product>> productOwning(String sku,
                                                              Map<String, CompletableFuture<Optional<Product>>> productReads) {
        return async(() -> catalog.productOfSku(sku)).thenCompose(owner -> {
            if (owner.isEmpty()) {
                ownerHints.remove(sku);
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (ownerHints.size() >= MAX_OWNER_HINTS) {
                ownerHints.clear();
            }
            ownerHints.put(sku, owner.get());
            return product(owner.get(), productReads);
        });
    }

    /** One read per product and decision, however many of its SKUs are ordered. */
    private CompletableFuture<Optional<Product>> product(String productId,
                                                        Map<String, CompletableFuture<Optional<Product>>> productReads) {
        return productReads.computeIfAbsent(productId,
                id -> async(() -> catalog.findProduct(id).map(CatalogRepository.Versioned::value)));
    }

    private static boolean lists(Product product, String sku) {
        return product.variants().stream().anyMatch(variant -> variant.sku().equals(sku));
    }

    /**
     * The backlog counters of the locations {@code locations} lists: those of the last list read
     * alongside it, then any location new since; a location gone since is left out.
     */
    private CompletableFuture<Map<String, Long>> backlogOf(CompletableFuture<List<Location>> locations) {
        List<String> hinted = locationHints;
        CompletableFuture<Map<String, Long>> ahead = hinted.isEmpty()
                ? CompletableFuture.completedFuture(Map.of()) : async(() -> backlog(hinted));
        return locations.thenCombine(ahead, (all, counted) -> {
            List<String> ids = OrderInventory.locationIds(all);
            locationHints = ids;
            Map<String, Long> known = new HashMap<>(counted);
            known.keySet().retainAll(ids);
            List<String> unseen = ids.stream().filter(id -> !hinted.contains(id)).toList();
            if (unseen.isEmpty()) {
                return CompletableFuture.completedFuture(known);
            }
            return async(() -> {
                known.putAll(backlog(unseen));
                return known;
            });
        }).thenCompose(Function.identity());
    }

    private <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, reads);
    }

    /** The read's answer, or its own exception (not wrapped). */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
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
        stock.levels(skus).forEach((sku, levels) -> all.put(sku, counts(levels)));
        return all;
    }

    private static Map<String, StockCount> counts(Map<String, long[]> levels) {
        Map<String, StockCount> counts = new LinkedHashMap<>();
        levels.forEach((location, level) -> counts.put(location, new StockCount(level[0], level[1])));
        return counts;
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
