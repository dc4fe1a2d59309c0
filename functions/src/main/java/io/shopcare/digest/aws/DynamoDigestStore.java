package io.shopcare.digest.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.Subscription;
import io.shopcare.alerts.aws.DynamoSubscriptionStore;
import io.shopcare.digest.DigestStore;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import io.shopcare.restock.aws.DynamoRestockLog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The digest's weekly runs ({@code DIGEST_RUN / week}: how far this week's run got), which it owns;
 * the restock log and the subscribers are read through their owners.
 */
public final class DynamoDigestStore implements DigestStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoSubscriptionStore subscriptions;
    private final DynamoRestockLog restocks;

    public DynamoDigestStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.subscriptions = new DynamoSubscriptionStore(dynamoDb, table);
        this.restocks = new DynamoRestockLog(dynamoDb, table);
    }

    @Override
    public List<Restock> restockedOn(LocalDate day) {
        return restocks.restockedOn(day).stream().map(e -> new Restock(e.productId(), e.sku())).toList();
    }

    @Override
    public Optional<String> runCursor(String week) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(AlertsTable.DIGEST_RUN_PK, week)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attributes.string(item, "cursor"));
    }

    @Override
    public void saveRunCursor(String week, String cursor) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", s(AlertsTable.DIGEST_RUN_PK), "sk", s(week),
                "cursor", s(cursor))));
    }

    @Override
    public List<Subscriber> subscribers(String after, int limit) {
        return subscriptions.activeDigests(after, limit).stream()
                .map(q -> new Subscriber(q.subscriberId(), q.position())).toList();
    }

    @Override
    public Optional<Recipient> claim(String subscriberId, String week) {
        return subscriptions.claimDigest(subscriberId, week).map((Subscription s) -> new Recipient(subscriberId,
                s.email(), s.language().tag(), s.categoryIds()));
    }

    @Override
    public void recordSent(String subscriberId, String messageId) {
        subscriptions.recordDigestSent(subscriberId, messageId);
    }
}
