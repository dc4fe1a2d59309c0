package io.shopcare.orders.aws;

import static io.shopcare.dynamo.Attributes.conditionFailed;
import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.idempotency.StoredReply;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.json.Instants;
import io.shopcare.json.Json;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderIds;
import io.shopcare.orders.OrderJson;
import io.shopcare.orders.OrderStore;
import io.shopcare.orders.Ticket;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;
import io.shopcare.stock.aws.StockWrites;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Orders in the orders table, written in one transaction with the stock they reserve, give back or
 * ship (items the stock capability builds), the variable symbol they claim and the idempotency
 * record of the request. The order is one item: {@code GET /orders/{id}} is one GetItem.
 */
public final class DynamoOrderStore implements OrderStore {
    /** How far back the sweep looks for missed deadlines (a sweep that failed for days still finds them). */
    private static final int DUE_LOOKBACK_DAYS = 7;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final StockWrites stock;
    private final DynamoIdempotencyStore idempotency;
    private final Signer cursors;

    public DynamoOrderStore(DynamoDbClient dynamoDb, String table, StockWrites stock, DynamoIdempotencyStore idempotency,
                            KeyRing keys) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.stock = stock;
        this.idempotency = idempotency;
        this.cursors = new Signer(keys, "orders-cursor");
    }

    @Override
    public Optional<Order> find(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(key(OrdersTable.orderPk(orderId), OrdersTable.ORDER_SK)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(order(item));
    }

    static Order order(Map<String, AttributeValue> item) {
        return OrderJson.fromStored(Json.parseObject(Attributes.string(item, "doc")));
    }

    @Override
    public Optional<StoredReply> reply(String key) {
        return idempotency == null ? Optional.empty() : idempotency.find(key);
    }

    @Override
    public void write(Write write) throws WriteRefused {
        List<TransactWriteItem> items = new ArrayList<>();
        List<WriteRefused.Reason> reasons = new ArrayList<>();
        Order order = write.order();
        Map<String, AttributeValue> item = item(order, write.nextDeadline());
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (write.expectedVersion() == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(write.expectedVersion())));
        }
        items.add(TransactWriteItem.builder().put(put.build()).build());
        reasons.add(WriteRefused.Reason.ORDER_CHANGED);
        Set<String> products = new LinkedHashSet<>();
        for (StockChange change : write.stock()) {
            if (change.receive() > 0) {
                items.add(stock.receive(change.sku(), change.locationId(), change.receive()));
            } else if (change.reserve() > 0) {
                items.add(stock.reserve(change.sku(), change.locationId(), change.reserve(), change.seenOnHand()));
            } else if (change.reserve() < 0) {
                items.add(stock.release(change.sku(), change.locationId(), -change.reserve()));
            } else {
                items.add(stock.ship(change.sku(), change.locationId(), change.ship()));
            }
            reasons.add(WriteRefused.Reason.STOCK_CHANGED);
            products.add(change.productId());
        }
        String queuedAt = Instants.stored(order.createdAt());
        for (PreorderChange change : write.preorders()) {
            items.add(stock.countPreorders(change.sku(), change.preordered(), change.waiting(), change.limit()));
            reasons.add(WriteRefused.Reason.STOCK_CHANGED);
            if (change.remaining() != null) {
                items.add(change.remaining() > 0
                        ? stock.queueEntry(change.sku(), queuedAt, order.orderId(), change.remaining())
                        : stock.removeQueueEntry(change.sku(), queuedAt, order.orderId()));
                reasons.add(WriteRefused.Reason.STOCK_CHANGED);
            }
            products.add(change.productId());
        }
        for (PreorderGuard guard : write.guards()) {
            items.add(stock.queueUnchanged(guard.sku(), guard.seenWaiting()));
            reasons.add(WriteRefused.Reason.STOCK_CHANGED);
        }
        for (String productId : products) {
            items.add(stock.touchProduct(productId));
            reasons.add(WriteRefused.Reason.STOCK_CHANGED);
        }
        if (write.claimSymbol() != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(Map.of("pk", s(OrdersTable.symbolPk(write.claimSymbol())), "sk", s(OrdersTable.SYMBOL_SK),
                            "orderId", s(order.orderId())))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            reasons.add(WriteRefused.Reason.SYMBOL_TAKEN);
        }
        for (Order created : write.created()) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(created, null))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            reasons.add(WriteRefused.Reason.ORDER_CHANGED);
        }
        if (write.ticket() != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ticketItem(write.ticket())).build())
                    .build());
            reasons.add(WriteRefused.Reason.ORDER_CHANGED);
        }
        if (write.key() != null) {
            items.add(idempotency.claim(write.key(), write.reply()));
            reasons.add(WriteRefused.Reason.KEY_USED);
        }
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
        } catch (TransactionCanceledException e) {
            for (int i = items.size() - 1; i >= 0; i--) {
                if (conditionFailed(e, i)) {
                    throw new WriteRefused(reasons.get(i));
                }
            }
            // A conflicting transaction on one of the items (AWS: TransactionConflict): decide again.
            throw new WriteRefused(WriteRefused.Reason.ORDER_CHANGED);
        }
    }

    private Map<String, AttributeValue> item(Order order, Instant nextDeadline) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(OrdersTable.orderPk(order.orderId())));
        item.put("sk", s(OrdersTable.ORDER_SK));
        item.put("entity", s("ORDER"));
        item.put("version", n(order.version()));
        item.put("status", s(order.status().name()));
        item.put("customerKey", s(order.customer().email().toLowerCase(Locale.ROOT)));
        item.put("createdKey", s(Instants.stored(order.createdAt()) + "#" + order.orderId()));
        item.put("doc", s(Json.write(OrderJson.stored(order))));
        if (nextDeadline != null) {
            item.put("dueDay", s(OrdersTable.dueDay(LocalDate.ofInstant(nextDeadline, ZoneOffset.UTC).toString())));
            item.put("dueAt", s(Instants.stored(nextDeadline) + "#" + order.orderId()));
        }
        return item;
    }

    private static Map<String, AttributeValue> ticketItem(Ticket ticket) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(OrdersTable.orderPk(ticket.orderId())));
        item.put("sk", s(OrdersTable.ticketSk(ticket.ticketId())));
        item.put("entity", s("TICKET"));
        item.put("ticketStatus", s(ticket.status().name()));
        item.put("ticketRank", s(ticket.priority() + "#" + Instants.stored(ticket.createdAt()) + "#" + ticket.ticketId()));
        item.put("doc", s(Json.write(ticket.toStoredJson())));
        return item;
    }

    @Override
    public Optional<Ticket> findTicket(String ticketId) {
        String orderId = OrderIds.orderOf(ticketId);
        if (orderId == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(key(OrdersTable.orderPk(orderId), OrdersTable.ticketSk(ticketId))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(Ticket.fromJson(Json.parseObject(Attributes.string(item, "doc"))));
    }

    @Override
    public TicketPage ticketsByStatus(Ticket.Status status, int limit, String cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(OrdersTable.BY_TICKET_QUEUE)
                .keyConditionExpression("ticketStatus = :status")
                .expressionAttributeValues(Map.of(":status", s(status.name()))).scanIndexForward(true);
        if (cursor != null) {
            query.exclusiveStartKey(startKey(cursor, "ticketStatus", status.name(), "ticketRank"));
        }
        ItemPage page = itemPage(query, limit, "ticketStatus", "ticketRank");
        return new TicketPage(page.items().stream()
                .map(item -> Ticket.fromJson(Json.parseObject(Attributes.string(item, "doc")))).toList(), page.next());
    }

    @Override
    public Page byStatus(Order.Status status, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(table).indexName(OrdersTable.BY_STATUS)
                .keyConditionExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(status.name()))).scanIndexForward(true), limit, cursor,
                "status", status.name());
    }

    @Override
    public Page byCustomer(String email, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(table).indexName(OrdersTable.BY_CUSTOMER)
                .keyConditionExpression("customerKey = :email")
                .expressionAttributeValues(Map.of(":email", s(email.toLowerCase(Locale.ROOT)))).scanIndexForward(false),
                limit, cursor, "customerKey", email.toLowerCase(Locale.ROOT));
    }

    private Page page(QueryRequest.Builder query, int limit, String cursor, String partition, String value) {
        if (cursor != null) {
            query.exclusiveStartKey(startKey(cursor, partition, value, "createdKey"));
        }
        ItemPage page = itemPage(query, limit, partition, "createdKey");
        return new Page(page.items().stream().map(DynamoOrderStore::order).toList(), page.next());
    }

    private record ItemPage(List<Map<String, AttributeValue>> items, String next) {
    }

    /**
     * One page of an index query, read one item further than the page: a cursor is given only when
     * something follows, so a page that ends the list never sends the client on to an empty one.
     * Neither query filters, so {@code Limit} counts exactly the items answered; a query that stops
     * short of it at the 1 MB it may read (large orders, a long page) still names where it stopped,
     * and that is the cursor. Otherwise the cursor is the page's last item's position in the index,
     * the same keys DynamoDB's own {@code LastEvaluatedKey} would name.
     */
    private ItemPage itemPage(QueryRequest.Builder query, int limit, String partition, String sort) {
        QueryResponse response = dynamoDb.query(query.limit(limit + 1).build());
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() <= limit) {
            boolean cut = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            return new ItemPage(items, cut ? cursor(response.lastEvaluatedKey()) : null);
        }
        Map<String, AttributeValue> last = items.get(limit - 1);
        Map<String, AttributeValue> position = new LinkedHashMap<>();
        for (String name : List.of("pk", "sk", partition, sort)) {
            position.put(name, last.get(name));
        }
        return new ItemPage(items.subList(0, limit), cursor(position));
    }

    /** A signed, opaque cursor: the index position, which only this service can make. */
    private String cursor(Map<String, AttributeValue> lastKey) {
        Map<String, String> key = new LinkedHashMap<>();
        lastKey.forEach((name, value) -> key.put(name, value.s()));
        return cursors.sign(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The position a cursor holds, if it is a position in this very list: one index shares the
     * signing key with the others, so a cursor of another list (or of another status or customer
     * in this one) is refused here rather than by DynamoDB, which would fail the query.
     */
    private Map<String, AttributeValue> startKey(String cursor, String partition, String value, String sort) {
        Refusal invalid = Refusal.malformed("INVALID_CURSOR", "The cursor is not one this API gave out.");
        String payload = cursors.verify(cursor).orElseThrow(() -> invalid);
        Map<String, Object> position = Json.parseObject(new String(Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8));
        if (!position.keySet().equals(java.util.Set.of("pk", "sk", partition, sort)) || !value.equals(position.get(partition))
                || !position.values().stream().allMatch(String.class::isInstance)) {
            throw invalid;
        }
        Map<String, AttributeValue> key = new HashMap<>();
        position.forEach((name, v) -> key.put(name, s((String) v)));
        return key;
    }

    @Override
    public List<String> due(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int back = DUE_LOOKBACK_DAYS; back >= 0 && ids.size() < limit; back--) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                        .indexName(OrdersTable.BY_DEADLINE)
                        .keyConditionExpression("dueDay = :day AND dueAt <= :now")
                        .expressionAttributeValues(Map.of(":day", s(OrdersTable.dueDay(today.minusDays(back).toString())),
                                ":now", s(Instants.stored(now) + "#~")))
                        .limit(limit - ids.size()).exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    String dueAt = Attributes.string(item, "dueAt");
                    ids.add(dueAt.substring(dueAt.indexOf('#') + 1));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && ids.size() < limit);
        }
        return ids;
    }
}
