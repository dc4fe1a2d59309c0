package io.shopcare.local.bench;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.orders.OrderInventory;
import io.shopcare.orders.OrderService;
import io.shopcare.orders.OrderSettings;
import io.shopcare.orders.OrderTokens;
import io.shopcare.orders.aws.DynamoOrderInventory;
import io.shopcare.orders.aws.DynamoOrderStore;
import io.shopcare.signing.KeyRing;
import io.shopcare.stock.PreorderCount;
import io.shopcare.stock.aws.StockWrites;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order bench's floor probe, not a design: a decision's reads ({@link OrderInventory#read})
 * answered from the first reading of the same SKUs, every other read passed through. With it an
 * order makes no DynamoDB call before its write, so the bench shows what the rest of a placement
 * costs (the handler's code, its write, the gateway). Safe only where the bench uses it: nothing but
 * orders changes the stock, and the write's conditions name on-hand counts that never move.
 */
final class ReadsFromMemory implements OrderInventory {
    private final OrderInventory real;
    private final Map<List<String>, Reading> first = new ConcurrentHashMap<>();

    private ReadsFromMemory(OrderInventory real) {
        this.real = real;
    }

    /** The PlaceOrder function's service, wired as {@code OrderServices} wires it, on this inventory. */
    static OrderService orderService(Map<String, String> environment) {
        Environment env = new Environment(environment);
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        KeyRing keys = AwsClients.signingKeys(env);
        String inventoryTable = env.require("INVENTORY_TABLE");
        String ordersTable = env.require("ORDERS_TABLE");
        StockWrites stock = new StockWrites(dynamoDb, inventoryTable, clock);
        DynamoOrderStore store = new DynamoOrderStore(dynamoDb, ordersTable, stock,
                new DynamoIdempotencyStore(dynamoDb, env.require("IDEMPOTENCY_TABLE"), "place-order", clock), keys);
        OrderInventory inventory = new ReadsFromMemory(new DynamoOrderInventory(
                new DynamoCatalogRepository(dynamoDb, inventoryTable, clock), stock, dynamoDb, ordersTable));
        OrderSettings settings = new OrderSettings(number(env, "CARD_PAYMENT_MINUTES"),
                number(env, "TRANSFER_PAYMENT_HOURS"), number(env, "PAYMENT_REMINDER_HOURS"),
                env.require("PAYMENT_PAGE_URL"), env.require("BANK_ACCOUNT_IBAN"), env.require("STOREFRONT_URL"),
                number(env, "RETURN_DAYS"), number(env, "DAMAGE_REPORT_DAYS"));
        return new OrderService(store, inventory, new OrderTokens(keys), settings, clock, new SecureRandom());
    }

    private static int number(Environment env, String name) {
        return Integer.parseInt(env.require(name));
    }

    @Override
    public Reading read(Collection<String> skus) {
        return first.computeIfAbsent(List.copyOf(skus), real::read);
    }

    @Override
    public Map<String, SkuInfo> skus(Collection<String> skus) {
        return real.skus(skus);
    }

    @Override
    public Map<String, Map<String, StockCount>> stock(Collection<String> skus) {
        return real.stock(skus);
    }

    @Override
    public Map<String, PreorderCount> preorders(Collection<String> skus) {
        return real.preorders(skus);
    }

    @Override
    public List<QueuedPreorder> preorderQueue(String sku, int limit) {
        return real.preorderQueue(sku, limit);
    }

    @Override
    public List<Location> locations() {
        return real.locations();
    }

    @Override
    public List<CarrierTerms> carriers() {
        return real.carriers();
    }

    @Override
    public Map<String, Long> backlog(Collection<String> locationIds) {
        return real.backlog(locationIds);
    }
}
