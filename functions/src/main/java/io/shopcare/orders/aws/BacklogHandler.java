package io.shopcare.orders.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.json.Json;
import io.shopcare.orders.Backlog;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderJson;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The orders table's stream, filtered to orders: keeps each location's backlog counter. A marker
 * per (location, order) is put or deleted in the same transaction as the counter's update, on the
 * condition that it was absent or present, so a redelivered record never counts twice.
 */
public final class BacklogHandler extends StreamHandler {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public BacklogHandler() {
        this(System.getenv());
    }

    public BacklogHandler(Map<String, String> environment) {
        this(new Environment(environment));
    }

    private BacklogHandler(Environment env) {
        this(AwsClients.dynamoDb(env), env.require("ORDERS_TABLE"));
    }

    public BacklogHandler(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.eachRecord(records, context, record -> {
            Order before = order(record.oldImage("doc"));
            Order after = order(record.newImage("doc"));
            String orderId = after != null ? after.orderId() : before.orderId();
            Backlog.Change change = Backlog.change(before, after);
            change.joined().forEach(location -> move(location, orderId, true));
            change.left().forEach(location -> move(location, orderId, false));
        });
    }

    private static Order order(String doc) {
        return doc == null ? null : OrderJson.fromStored(Json.parseObject(doc));
    }

    private void move(String locationId, String orderId, boolean join) {
        var markerKey = key(OrdersTable.backlogPk(locationId), OrdersTable.backlogMarkerSk(orderId));
        TransactWriteItem marker = join
                ? TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(Map.of("pk", markerKey.get("pk"), "sk", markerKey.get("sk")))
                        .conditionExpression("attribute_not_exists(pk)").build()).build()
                : TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(markerKey)
                        .conditionExpression("attribute_exists(pk)").build()).build();
        TransactWriteItem counter = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(OrdersTable.backlogPk(locationId), OrdersTable.COUNT_SK))
                .updateExpression("ADD #count :delta").expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":delta", n(join ? 1 : -1))).build()).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(marker, counter));
        } catch (TransactionCanceledException e) {
            if (!io.shopcare.dynamo.Attributes.conditionFailed(e, 0)) {
                throw e;
            }
            // Already counted (or already out): a redelivered record.
        }
    }

}
