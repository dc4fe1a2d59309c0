package io.shopcare.idempotency;

import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency records in their own table (TTL {@code expiresAt}). {@link #claim} is a transaction
 * item, so a caller stores the reply in the same transaction as the effect: both or neither.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
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
        if (item == null || item.isEmpty()
                || Attributes.number(item, "expiresAt") < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new StoredReply(Attributes.string(item, "fingerprint"), Attributes.string(item, "reply")));
    }

    /** A transaction item that stores the reply, failing its condition if the key was taken meanwhile. */
    public TransactWriteItem claim(IdempotencyKey key, String replyBody) {
        return TransactWriteItem.builder().put(put(key, replyBody)).build();
    }

    @Override
    public boolean take(IdempotencyKey key, String replyBody) {
        Put put = put(key, replyBody);
        try {
            dynamoDb.putItem(r -> r.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeValues(put.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void giveBack(IdempotencyKey key) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of("pk", s(pk(key.key()))))
                    .conditionExpression("fingerprint = :fingerprint")
                    .expressionAttributeValues(Map.of(":fingerprint", s(key.fingerprint()))));
        } catch (ConditionalCheckFailedException e) {
            // Already gone (expired and reused by another request): nothing of ours to free.
        }
    }

    private Put put(IdempotencyKey key, String replyBody) {
        long expiresAt = clock.instant().plus(RETENTION).getEpochSecond();
        return Put.builder().tableName(table)
                .item(Map.of("pk", s(pk(key.key())), "fingerprint", s(key.fingerprint()), "reply", s(replyBody),
                        "expiresAt", n(expiresAt)))
                // An expired record may be reused: DynamoDB deletes expired items only eventually.
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", n(clock.instant().getEpochSecond())))
                .build();
    }

    private String pk(String key) {
        return scope + "#" + key;
    }
}
