package io.shopcare.digest.aws;

import io.shopcare.digest.DigestStore;
import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.aws.AlertKeys;
import io.shopcare.dynamo.Attributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The digest's view of the alerts table: restock log days, subscriber queue, weekly runs. */
public final class DynamoDigestStore implements DigestStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDigestStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<Restock> restockedOn(LocalDate day) {
        List<Restock> restocks = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("RESTOCKS#" + day))).build();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
            restocks.add(new Restock(Attributes.string(item, "productId"), Attributes.string(item, "sku")));
        }
        return restocks;
    }

    @Override
    public Optional<String> runCursor(String week) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key("DIGEST_RUN", week))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attributes.string(item, "cursor"));
    }

    @Override
    public void saveRunCursor(String week, String cursor) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", s("DIGEST_RUN"), "sk", s(week), "cursor", s(cursor))));
    }

    @Override
    public List<Subscriber> subscribers(String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(AlertKeys.BY_QUEUE).limit(limit)
                .expressionAttributeNames(Map.of("#queue", "queue"));
        if (after == null) {
            query.keyConditionExpression("#queue = :q").expressionAttributeValues(Map.of(":q", s(AlertKeys.DIGEST_QUEUE)));
        } else {
            query.keyConditionExpression("#queue = :q AND queuedAt > :after")
                    .expressionAttributeValues(Map.of(":q", s(AlertKeys.DIGEST_QUEUE), ":after", s(after)));
        }
        List<Subscriber> subscribers = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.query(query.build()).items()) {
            subscribers.add(new Subscriber(Attributes.string(item, "pk").substring("DIGEST#".length()),
                    Attributes.string(item, "queuedAt")));
        }
        return subscribers;
    }

    @Override
    public Optional<Recipient> claim(String subscriberId, String week) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(AlertKeys.digestPk(subscriberId), AlertKeys.DIGEST_SK))
                    .updateExpression("SET digestWeek = :week")
                    .conditionExpression("#status = :active AND (attribute_not_exists(digestWeek) OR digestWeek <> :week)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":week", s(week), ":active", s("ACTIVE")))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            List<String> categories = item.containsKey("categoryIds") ? item.get("categoryIds").ss() : List.of();
            return Optional.of(new Recipient(subscriberId, Attributes.string(item, "email"), Attributes.string(item, "lang"),
                    categories));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void recordSent(String subscriberId, String messageId) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(AlertKeys.digestPk(subscriberId), AlertKeys.DIGEST_SK))
                .updateExpression("SET digestMessageId = :id")
                .expressionAttributeValues(Map.of(":id", s(messageId))));
    }
}
