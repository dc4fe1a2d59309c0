package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Money;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.json.Instants;
import io.shopcare.json.Json;
import io.shopcare.orders.Allocation;
import io.shopcare.orders.Estimate;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderJson;
import io.shopcare.orders.OrderStore;
import io.shopcare.orders.aws.DynamoOrderStore;
import io.shopcare.signing.SigningKeys;
import io.shopcare.stock.aws.StockWrites;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The admin order lists on DynamoDB Local, where a query stops at the 1 MB it may read: a page
 * that large orders cut short still leads on to the rest, and nothing is lost or shown twice.
 */
class OrderListPagesTest {
    private static final String TABLE = "OrdersTable";
    private static final String EMAIL = "large.orders@example.com";
    private static LocalDynamoDb dynamo;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start(null);
        client = LocalDynamoDbClients.client(dynamo);
        client.createTable(r -> r.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("S"),
                        a -> a.attributeName("customerKey").attributeType("S"),
                        a -> a.attributeName("createdKey").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName(OrdersTable.BY_CUSTOMER)
                        .keySchema(k -> k.attributeName("customerKey").keyType("HASH"),
                                k -> k.attributeName("createdKey").keyType("RANGE"))
                        .projection(p -> p.projectionType("ALL"))));
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    @Test
    void aPageCutShortAtTheMegabyteLeadsOnAndTheWalkMissesNothing() {
        // 120 orders of ~12 KB each (as one with many lines, returns and a long timeline grows):
        // about 1.4 MB, more than one query reads.
        List<String> newestFirst = new ArrayList<>();
        Instant first = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < 120; i++) {
            Order order = order("261120-L" + String.format("%07d", i), first.plusSeconds(60L * i));
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(OrdersTable.orderPk(order.orderId())));
            item.put("sk", AttributeValue.fromS(OrdersTable.ORDER_SK));
            item.put("customerKey", AttributeValue.fromS(EMAIL));
            item.put("createdKey", AttributeValue.fromS(Instants.stored(order.createdAt()) + "#" + order.orderId()));
            item.put("doc", AttributeValue.fromS(Json.write(OrderJson.stored(order))));
            item.put("padding", AttributeValue.fromS("x".repeat(11_500)));
            client.putItem(r -> r.tableName(TABLE).item(item));
            newestFirst.add(0, order.orderId());
        }
        DynamoOrderStore store = new DynamoOrderStore(client, TABLE, new StockWrites(client, "unused", Clock.systemUTC()),
                null, () -> new SigningKeys("k1", Map.of("k1", new byte[32])));

        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            OrderStore.Page page = store.byCustomer(EMAIL, 100, cursor);
            page.orders().forEach(o -> walked.add(o.orderId()));
            pageSizes.add(page.orders().size());
            cursor = page.nextCursor();
        } while (cursor != null && pageSizes.size() < 10);

        assertTrue(pageSizes.get(0) < 100, "the first query stopped at its megabyte: " + pageSizes);
        assertEquals(newestFirst, walked, "every order once, newest first, over pages " + pageSizes);
        assertNull(cursor, "the walk ends on a page without a cursor");
    }

    private static Order order(String id, Instant createdAt) {
        Money price = new Money(new BigDecimal("20.00"), "EUR");
        return new Order(id, 1, Order.Status.CONFIRMED, createdAt, new Order.Customer(EMAIL, "Jana", "cs", null),
                List.of(new Order.Line("TEE-S", "tee", "Tee", "S", "red", price, 1, 0, 0, Order.LineStatus.RESERVED,
                        List.of(new Allocation("wh", 1)))),
                new Order.Delivery(Order.DeliveryMethod.HOME, "courier", Map.of("street", "Main 1"), null, null, null,
                        List.of(), null),
                new Money(new BigDecimal("4.90"), "EUR"), new Estimate(LocalDate.parse("2026-11-25"),
                LocalDate.parse("2026-11-26")), null,
                new Order.Payment(Order.PaymentMethod.CASH_ON_DELIVERY, Order.PaymentStatus.ON_DELIVERY, null, null,
                        BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(), null, null, null, List.of(), Order.Deadlines.NONE, Order.Aftercare.NONE);
    }
}
