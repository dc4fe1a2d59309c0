package io.shopcare.idempotency.aws;

import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.idempotency.IdempotencyStore;
import io.shopcare.idempotency.StoredReply;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency records in their own table (TTL {@code expiresAt}), scoped by route so one key can
 * never replay another route's answer. {@link #claim} is a transaction item that stores a
 * completed reply in the same transaction as its effect: both or neither.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    private static final String FREE = "attribute_not_exists(pk) OR expiresAt < :now";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String scope;
    private final Clock clock;

    public DynamoIdempotencyStore(DynamoDbClient dynamoDb, String table, String scope, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public Optional<StoredReply> find(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("pk", s(pk(key)))).consistentRead(true).build()).item();
        // DynamoDB deletes expired items only eventually: an expired record is no record.
        if (item == null || item.isEmpty() || Attributes.number(item, "expiresAt") < now()) {
            return Optional.empty();
        }
        return Optional.of(new StoredReply(StoredReply.Status.valueOf(Attributes.string(item, "status")),
                Attributes.string(item, "fingerprint"), Attributes.string(item, "reply")));
    }

    /** A transaction item that stores the completed reply, failing its condition if the key is held. */
    public TransactWriteItem claim(IdempotencyKey key, String replyBody) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(record(key, StoredReply.Status.COMPLETED, replyBody, RETENTION))
                .conditionExpression(FREE).expressionAttributeValues(Map.of(":now", n(now()))).build()).build();
    }

    @Override
    public boolean take(IdempotencyKey key, Duration lease) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(record(key, StoredReply.Status.IN_PROGRESS, null, lease))
                    .conditionExpression(FREE).expressionAttributeValues(Map.of(":now", n(now()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void complete(IdempotencyKey key, String replyBody) {
        dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("pk", s(pk(key.key()))))
                .updateExpression("SET #status = :completed, reply = :reply, expiresAt = :expires")
                .conditionExpression("fingerprint = :fingerprint AND #status = :inProgress")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":completed", s(StoredReply.Status.COMPLETED.name()),
                        ":inProgress", s(StoredReply.Status.IN_PROGRESS.name()), ":reply", s(replyBody),
                        ":expires", n(now() + RETENTION.toSeconds()), ":fingerprint", s(key.fingerprint()))));
    }

    @Override
    public void giveBack(IdempotencyKey key) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of("pk", s(pk(key.key()))))
                    .conditionExpression("fingerprint = :fingerprint AND #status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":fingerprint", s(key.fingerprint()),
                            ":inProgress", s(StoredReply.Status.IN_PROGRESS.name()))));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more (the lease ran out and another request took it): nothing to free.
        }
    }

    private Map<String, AttributeValue> record(IdempotencyKey key, StoredReply.Status status, String reply,
                                               Duration keep) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(key.key())));
        item.put("status", s(status.name()));
        item.put("fingerprint", s(key.fingerprint()));
        item.put("expiresAt", n(now() + keep.toSeconds()));
        if (reply != null) {
            item.put("reply", s(reply));
        }
        return item;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private String pk(String key) {
        return scope + "#" + key;
    }
}
