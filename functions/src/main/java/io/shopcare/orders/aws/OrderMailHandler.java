package io.shopcare.orders.aws;

import static io.shopcare.dynamo.Attributes.key;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.json.Json;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.aws.SesMailer;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderEmails;
import io.shopcare.orders.OrderJson;
import io.shopcare.orders.OrderMailing;
import io.shopcare.orders.OrderSettings;
import io.shopcare.orders.OrderTokens;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import io.shopcare.dynamo.Attributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The orders table's stream, filtered to orders: the shopper's e-mail for each new timeline event, once. */
public final class OrderMailHandler extends StreamHandler {
    private final OrderMailing mailing;

    public OrderMailHandler() {
        this(System.getenv());
    }

    public OrderMailHandler(Map<String, String> environment) {
        this(mailing(new Environment(environment)));
    }

    public OrderMailHandler(OrderMailing mailing) {
        this.mailing = mailing;
    }

    private static OrderMailing mailing(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        OrderSettings settings = OrderServices.settings(env);
        return new OrderMailing(new DynamoMailClaims(dynamoDb, env.require("ORDERS_TABLE")), SesMailer.fromEnvironment(env),
                new OrderEmails(new EmailRenderer(), OrderEmails.DEFAULT_ZONE, settings.damageReportDays()),
                new OrderTokens(AwsClients.signingKeys(env)), settings, env.optional("MERCHANT_ALERT_EMAIL", null));
    }

    @Override
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.eachRecord(records, context,
                record -> mailing.deliver(order(record.oldImage("doc")), order(record.newImage("doc"))));
    }

    private static Order order(String doc) {
        return doc == null ? null : OrderJson.fromStored(Json.parseObject(doc));
    }

    /**
     * {@code ORDER#id / MAIL#seq} items: putting one that is absent (or was given back) is the claim;
     * giving it back marks it {@code RELEASED}, so one permission (PutItem) serves both.
     */
    static final class DynamoMailClaims implements OrderMailing.Claims {
        private final DynamoDbClient dynamoDb;
        private final String table;

        DynamoMailClaims(DynamoDbClient dynamoDb, String table) {
            this.dynamoDb = dynamoDb;
            this.table = table;
        }

        @Override
        public boolean claim(String orderId, int seq) {
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(item(orderId, seq, "SENDING"))
                        .conditionExpression("attribute_not_exists(pk) OR #state = :released")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":released", Attributes.s("RELEASED"))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        }

        @Override
        public void release(String orderId, int seq) {
            dynamoDb.putItem(r -> r.tableName(table).item(item(orderId, seq, "RELEASED")));
        }

        private static Map<String, AttributeValue> item(String orderId, int seq, String state) {
            Map<String, AttributeValue> item = new HashMap<>(key(OrdersTable.orderPk(orderId), OrdersTable.mailSk(seq)));
            item.put("state", Attributes.s(state));
            return item;
        }
    }
}
