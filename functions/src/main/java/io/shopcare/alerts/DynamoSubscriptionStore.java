package io.shopcare.alerts;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.concurrency.Backoff;
import io.shopcare.dynamo.Attributes;
import io.shopcare.mail.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Subscriptions in the alerts table (see {@link AlertKeys}). */
public final class DynamoSubscriptionStore implements SubscriptionStore {
    private static final String RATE_SK = "CONFIRMATIONS";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoSubscriptionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Subscription> find(Ref ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(AlertKeys.pk(ref), AlertKeys.sk(ref))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(ref, item));
    }

    static Subscription fromItem(Ref ref, Map<String, AttributeValue> item) {
        List<String> categories = item.containsKey("categoryIds") ? item.get("categoryIds").ss() : List.of();
        return new Subscription(ref, Attributes.string(item, "email"), Language.ofTag(Attributes.string(item, "lang")),
                Status.valueOf(Attributes.string(item, "status")), Instant.parse(Attributes.string(item, "createdAt")),
                categories);
    }

    @Override
    public boolean admitConfirmationMail(String emailKey, Instant now, int limit, Duration window) {
        Map<String, AttributeValue> rateKey = key("RATE#" + emailKey, RATE_SK);
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(rateKey).consistentRead(true))
                    .item();
            long version = item == null ? 0 : Attributes.number(item, "version");
            List<AttributeValue> recent = new ArrayList<>();
            if (item != null && item.containsKey("sentAt")) {
                long cutoff = now.minus(window).getEpochSecond();
                item.get("sentAt").l().stream().filter(t -> Long.parseLong(t.n()) > cutoff).forEach(recent::add);
            }
            if (recent.size() >= limit) {
                return false;
            }
            recent.add(n(now.getEpochSecond()));
            Map<String, AttributeValue> updated = new HashMap<>(rateKey);
            updated.put("sentAt", AttributeValue.fromL(recent));
            updated.put("version", n(version + 1));
            updated.put("expiresAt", n(now.plus(window).getEpochSecond()));
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(updated)
                        .conditionExpression("attribute_not_exists(pk) OR version = :v")
                        .expressionAttributeValues(Map.of(":v", n(version))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                if (attempt == 5) {
                    throw e;
                }
                Backoff.pause(attempt);
            }
        }
    }

    @Override
    public boolean savePending(Subscription subscription) {
        Ref ref = subscription.ref();
        Map<String, AttributeValue> item = new HashMap<>(key(AlertKeys.pk(ref), AlertKeys.sk(ref)));
        item.put("email", s(subscription.email()));
        item.put("lang", s(subscription.language().tag()));
        item.put("status", s(Status.PENDING_CONFIRMATION.name()));
        item.put("createdAt", s(subscription.createdAt().toString()));
        item.put("owner", s(AlertKeys.owner(ref.emailKey())));
        // Where the subscription will sit in its queue once confirmed: sign-up time, then key.
        item.put("queueOrder", s(subscription.createdAt() + "#" + ref.emailKey()));
        if (ref.sku() != null) {
            item.put("sku", s(ref.sku()));
        }
        if (!subscription.categoryIds().isEmpty()) {
            item.put("categoryIds", AttributeValue.fromSs(subscription.categoryIds()));
        }
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #status <> :active")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":active", s(Status.ACTIVE.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Status> activate(Ref ref, Instant now) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(AlertKeys.pk(ref), AlertKeys.sk(ref)))
                    .updateExpression("SET #status = :active, confirmedAt = :now, #queue = :queue, queuedAt = queueOrder")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                    .expressionAttributeValues(Map.of(":active", s(Status.ACTIVE.name()),
                            ":pending", s(Status.PENDING_CONFIRMATION.name()), ":now", s(now.toString()),
                            ":queue", s(AlertKeys.queue(ref))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.of(Status.ACTIVE);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            return old == null || old.isEmpty() ? Optional.empty()
                    : Optional.of(Status.valueOf(Attributes.string(old, "status")));
        }
    }

    @Override
    public int endAll(String emailKey, Status status) {
        int changed = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(AlertKeys.BY_OWNER)
                    .keyConditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(AlertKeys.owner(emailKey))));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamoDb.query(query.build());
            for (Map<String, AttributeValue> found : page.items()) {
                try {
                    dynamoDb.updateItem(r -> r.tableName(table)
                            .key(key(Attributes.string(found, "pk"), Attributes.string(found, "sk")))
                            .updateExpression("SET #status = :status REMOVE #queue, queuedAt")
                            .conditionExpression("attribute_exists(pk) AND #status <> :status")
                            .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                            .expressionAttributeValues(Map.of(":status", s(status.name()))));
                    changed++;
                } catch (ConditionalCheckFailedException alreadyEnded) {
                    // Nothing to change: redelivered feedback or a second click.
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return changed;
    }
}
