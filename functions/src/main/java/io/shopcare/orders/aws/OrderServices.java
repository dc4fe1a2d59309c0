package io.shopcare.orders.aws;

import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.orders.AftercareService;
import io.shopcare.orders.OrderService;
import io.shopcare.orders.OrderSettings;
import io.shopcare.orders.OrderTokens;
import io.shopcare.returns.label.LabelLinks;
import io.shopcare.signing.KeyRing;
import io.shopcare.stock.aws.StockWrites;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the order service as a function's environment describes it (template.yaml sets every name). */
final class OrderServices {
    private static final int PARALLEL_READS = 5;

    private OrderServices() {
    }

    static OrderService create(Environment env, String idempotencyScope, Clock clock) {
        return wire(env, idempotencyScope, clock).orders();
    }

    /** The order service and, for functions that serve returns and tickets, the aftercare service on the same adapters. */
    record Services(OrderService orders, AftercareService aftercare) {
    }

    static Services wire(Environment env, String idempotencyScope, Clock clock) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        KeyRing keys = keys(env);
        String inventoryTable = env.require("INVENTORY_TABLE");
        String ordersTable = env.require("ORDERS_TABLE");
        StockWrites stock = new StockWrites(dynamoDb, inventoryTable, clock);
        DynamoIdempotencyStore idempotency = idempotencyScope == null ? null
                : new DynamoIdempotencyStore(dynamoDb, env.require("IDEMPOTENCY_TABLE"), idempotencyScope, clock);
        DynamoOrderStore store = new DynamoOrderStore(dynamoDb, ordersTable, stock, idempotency, keys);
        DynamoOrderInventory inventory = new DynamoOrderInventory(new DynamoCatalogRepository(dynamoDb, inventoryTable,
                clock), stock, dynamoDb, ordersTable, reads());
        OrderTokens tokens = new OrderTokens(keys);
        OrderService orders = new OrderService(store, inventory, tokens, settings(env), clock, new SecureRandom());
        String linkBase = env.optional("API_BASE_URL", null);
        return new Services(orders, linkBase == null ? null
                : new AftercareService(orders, store, inventory, new LabelLinks(keys), clock, linkBase));
    }

    /**
     * The threads a decision's reads run on, side by side ({@link DynamoOrderInventory#read}): at
     * most 5 in flight, as many connections as {@code HttpURLConnection} (under the SDK's
     * URL-connection client) keeps alive per host ({@code http.maxConnections}), so no read opens a
     * new connection (a TLS handshake in AWS). One pool per function: its threads, started when
     * first needed and gone after a minute without work, are daemons.
     */
    private static ExecutorService reads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(PARALLEL_READS, PARALLEL_READS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "order-reads-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The signing keys, for functions that issue or check tokens and cursors; the others (quotes,
     * the deadline sweep) have no SIGNING_SECRET_ID and no permission to read the secret.
     */
    private static KeyRing keys(Environment env) {
        if (env.optional("SIGNING_SECRET_ID", null) == null) {
            return () -> {
                throw new IllegalStateException("this function signs nothing: it has no SIGNING_SECRET_ID");
            };
        }
        return AwsClients.signingKeys(env);
    }

    static OrderSettings settings(Environment env) {
        return new OrderSettings(number(env, "CARD_PAYMENT_MINUTES"), number(env, "TRANSFER_PAYMENT_HOURS"),
                number(env, "PAYMENT_REMINDER_HOURS"), env.require("PAYMENT_PAGE_URL"), env.require("BANK_ACCOUNT_IBAN"),
                env.require("STOREFRONT_URL"), number(env, "RETURN_DAYS"), number(env, "DAMAGE_REPORT_DAYS"));
    }

    private static int number(Environment env, String name) {
        return Integer.parseInt(env.require(name));
    }
}
