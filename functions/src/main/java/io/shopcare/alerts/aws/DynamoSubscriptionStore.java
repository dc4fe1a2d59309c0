package io.shopcare.alerts.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.alerts.Subscription;
import io.shopcare.alerts.SubscriptionStore;
import io.shopcare.concurrency.Backoff;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import io.shopcare.json.Instants;
import io.shopcare.mail.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Subscriptions and subscribers in the alerts table (see {@link AlertsTable}). A subscription's
 * confirmation e-mail is a small state on the item ({@code mail}: REQUESTED → SENDING → SENT or
 * FAILED, under the {@code mailRequest} id of the sign-up that asked for it); the table's stream
 * carries REQUESTED to the sender.
 */
public final class DynamoSubscriptionStore implements SubscriptionStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoSubscriptionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static String pk(Ref ref) {
        return ref.isDigest() ? AlertsTable.digestPk(ref.subscriberId()) : AlertsTable.skuPk(ref.sku());
    }

    static String sk(Ref ref) {
        return ref.isDigest() ? AlertsTable.DIGEST_SK : AlertsTable.alertSk(ref.subscriberId());
    }

    static String queue(Ref ref) {
        return ref.isDigest() ? AlertsTable.DIGEST_QUEUE : AlertsTable.alertQueue(ref.sku());
    }

    /** The subscription an item's keys name, or null when they name none. */
    public static Ref refOf(String pk, String sk) {
        String digest = AlertsTable.subscriberOfDigest(pk, sk);
        if (digest != null) {
            return Ref.digest(digest);
        }
        String sku = AlertsTable.skuOf(pk);
        String subscriber = AlertsTable.subscriberOfAlert(sk);
        return sku != null && subscriber != null ? Ref.alert(sku, subscriber) : null;
    }

    /** The values of the confirmation-mail state, as the stream filter in template.yaml names REQUESTED. */
    enum MailState { REQUESTED, SENDING, SENT, FAILED }

    @Override
    public String subscriberId(String addressKey, String newId) {
        return Attributes.string(dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(AlertsTable.addressPk(addressKey), AlertsTable.SUBSCRIBER_SK))
                .updateExpression("SET subscriberId = if_not_exists(subscriberId, :new)")
                .expressionAttributeValues(Map.of(":new", s(newId)))
                .returnValues(ReturnValue.ALL_NEW)).attributes(), "subscriberId");
    }

    @Override
    public Optional<String> findSubscriberId(String addressKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(AlertsTable.addressPk(addressKey), AlertsTable.SUBSCRIBER_SK)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attributes.string(item, "subscriberId"));
    }

    @Override
    public String suppressAddress(String addressKey, String newId) {
        return Attributes.string(dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(AlertsTable.addressPk(addressKey), AlertsTable.SUBSCRIBER_SK))
                .updateExpression("SET subscriberId = if_not_exists(subscriberId, :new), suppressed = :yes")
                .expressionAttributeValues(Map.of(":new", s(newId), ":yes", AttributeValue.fromBool(true)))
                .returnValues(ReturnValue.ALL_NEW)).attributes(), "subscriberId");
    }

    @Override
    public boolean isSuppressed(String addressKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(AlertsTable.addressPk(addressKey), AlertsTable.SUBSCRIBER_SK)).consistentRead(true)).item();
        return item != null && item.containsKey("suppressed") && Boolean.TRUE.equals(item.get("suppressed").bool());
    }

    @Override
    public Optional<Subscription> find(Ref ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(pk(ref), sk(ref))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(ref, item));
    }

    static Subscription fromItem(Ref ref, Map<String, AttributeValue> item) {
        List<String> categories = item.containsKey("categoryIds") ? item.get("categoryIds").ss() : List.of();
        return new Subscription(ref, Attributes.string(item, "email"), Language.ofTag(Attributes.string(item, "lang")),
                Status.valueOf(Attributes.string(item, "status")), Instant.parse(Attributes.string(item, "requestedAt")),
                categories);
    }

    @Override
    public boolean admitSignUp(String mailboxKey, Instant now, int limit, Duration window) {
        Map<String, AttributeValue> rateKey = key(AlertsTable.ratePk(mailboxKey), AlertsTable.RATE_SK);
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
    public boolean requestConfirmation(Subscription pending, String requestId) {
        Ref ref = pending.ref();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":email", s(pending.email()));
        values.put(":lang", s(pending.language().tag()));
        values.put(":owner", s(AlertsTable.owner(ref.subscriberId())));
        values.put(":now", s(Instants.stored(pending.createdAt())));
        values.put(":pending", s(Status.PENDING_CONFIRMATION.name()));
        // Where the subscription will sit in its queue once confirmed: sign-up time, then id.
        values.put(":order", s(Instants.stored(pending.createdAt()) + "#" + ref.subscriberId()));
        values.put(":requested", s(MailState.REQUESTED.name()));
        values.put(":request", s(requestId));
        values.put(":zero", n(0));
        values.put(":active", s(Status.ACTIVE.name()));
        values.put(":suppressed", s(Status.SUPPRESSED.name()));
        StringBuilder update = new StringBuilder("SET email = :email, lang = :lang, #owner = :owner, requestedAt = :now, "
                + "#status = :pending, queueOrder = if_not_exists(queueOrder, :order), mail = :requested, "
                + "mailRequest = :request, mailAttempts = :zero");
        if (ref.sku() != null) {
            update.append(", sku = :sku");
            values.put(":sku", s(ref.sku()));
        }
        if (!pending.categoryIds().isEmpty()) {
            update.append(", categoryIds = :categories");
            values.put(":categories", AttributeValue.fromSs(pending.categoryIds()));
        } else if (ref.isDigest()) {
            update.append(" REMOVE categoryIds");
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_not_exists(pk) OR NOT (#status IN (:active, :suppressed))")
                    .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyOnTheListOrSuppressed) {
            return false;
        }
    }

    @Override
    public void saveConfirmed(Subscription subscription) {
        Ref ref = subscription.ref();
        Map<String, AttributeValue> item = new HashMap<>(key(pk(ref), sk(ref)));
        item.put("email", s(subscription.email()));
        item.put("lang", s(subscription.language().tag()));
        item.put("status", s(Status.ACTIVE.name()));
        item.put("requestedAt", s(Instants.stored(subscription.createdAt())));
        item.put("owner", s(AlertsTable.owner(ref.subscriberId())));
        item.put("queue", s(queue(ref)));
        item.put("queuedAt", s(Instants.stored(subscription.createdAt()) + "#" + ref.subscriberId()));
        if (ref.sku() != null) {
            item.put("sku", s(ref.sku()));
        }
        if (!subscription.categoryIds().isEmpty()) {
            item.put("categoryIds", AttributeValue.fromSs(subscription.categoryIds()));
        }
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Status> activate(Ref ref, Instant now) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                    .updateExpression("SET #status = :active, confirmedAt = :now, #queue = :queue, queuedAt = queueOrder "
                            + "REMOVE queueOrder")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                    .expressionAttributeValues(Map.of(":active", s(Status.ACTIVE.name()),
                            ":pending", s(Status.PENDING_CONFIRMATION.name()), ":now", s(Instants.stored(now)),
                            ":queue", s(queue(ref))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.of(Status.ACTIVE);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            return old == null || old.isEmpty() ? Optional.empty()
                    : Optional.of(Status.valueOf(Attributes.string(old, "status")));
        }
    }

    @Override
    public Ended endAll(String subscriberId, Status status) {
        int changed = 0;
        // The language of the latest sign-up comes back with the writes (the index holds keys only).
        String latestAt = null;
        Language language = null;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(AlertsTable.BY_OWNER)
                    .keyConditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(AlertsTable.owner(subscriberId))));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamoDb.query(query.build());
            for (Map<String, AttributeValue> found : page.items()) {
                Map<String, AttributeValue> item;
                try {
                    item = dynamoDb.updateItem(r -> r.tableName(table)
                            .key(key(Attributes.string(found, "pk"), Attributes.string(found, "sk")))
                            .updateExpression("SET #status = :status REMOVE #queue, queuedAt, queueOrder")
                            .conditionExpression("attribute_exists(pk) AND #status <> :status")
                            .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                            .expressionAttributeValues(Map.of(":status", s(status.name())))
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                            .attributes();
                    changed++;
                } catch (ConditionalCheckFailedException alreadyEnded) {
                    // Nothing to change: redelivered feedback or a second click.
                    item = alreadyEnded.hasItem() ? alreadyEnded.item() : Map.of();
                }
                Language itemLanguage = Language.ofTag(Attributes.string(item, "lang"));
                String at = Objects.requireNonNullElse(Attributes.string(item, "requestedAt"), "");
                if (itemLanguage != null && (latestAt == null || at.compareTo(latestAt) > 0)) {
                    language = itemLanguage;
                    latestAt = at;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new Ended(changed, Optional.ofNullable(language));
    }

    // ------------------------------------------------------------------ queues: restock waves and the digest

    /** What a wave's claim of an alert found: now ours, ours already (a retried worker), or gone elsewhere. */
    public enum ClaimOutcome { CLAIMED, CLAIMED_BEFORE, UNAVAILABLE }

    /** The outcome of a claim and, when CLAIMED, the subscription to write to. */
    public record Claim(ClaimOutcome outcome, Subscription subscription) {
    }

    /** True when at least one alert on the SKU is ACTIVE. */
    public boolean hasActiveAlerts(String sku) {
        return !activeAlerts(sku, null, 1).isEmpty();
    }

    /** The oldest ACTIVE alerts of the SKU placed after {@code after} (null: from the start), from the sparse index. */
    public List<Subscription.Queued> activeAlerts(String sku, String after, int limit) {
        List<Subscription.Queued> alerts = new ArrayList<>();
        for (Map<String, AttributeValue> item : queue(AlertsTable.alertQueue(sku), after, limit)) {
            alerts.add(new Subscription.Queued(AlertsTable.subscriberOfAlert(Attributes.string(item, "sk")),
                    Attributes.string(item, "queuedAt")));
        }
        return alerts;
    }

    /** The ACTIVE digest subscribers placed after {@code after}, oldest first. */
    public List<Subscription.Queued> activeDigests(String after, int limit) {
        List<Subscription.Queued> subscribers = new ArrayList<>();
        for (Map<String, AttributeValue> item : queue(AlertsTable.DIGEST_QUEUE, after, limit)) {
            subscribers.add(new Subscription.Queued(AlertsTable.subscriberOfDigest(Attributes.string(item, "pk"),
                    Attributes.string(item, "sk")), Attributes.string(item, "queuedAt")));
        }
        return subscribers;
    }

    private List<Map<String, AttributeValue>> queue(String queue, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(AlertsTable.BY_QUEUE).limit(limit)
                .expressionAttributeNames(Map.of("#queue", "queue"));
        if (after == null) {
            query.keyConditionExpression("#queue = :q").expressionAttributeValues(Map.of(":q", s(queue)));
        } else {
            query.keyConditionExpression("#queue = :q AND queuedAt > :after")
                    .expressionAttributeValues(Map.of(":q", s(queue), ":after", s(after)));
        }
        return dynamoDb.query(query.build()).items();
    }

    /** An ACTIVE alert becomes NOTIFIED for this wave; it leaves the queue index but keeps its place. */
    public Claim claimAlert(String sku, String subscriberId, String waveId, Instant now) {
        Ref ref = Ref.alert(sku, subscriberId);
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                    // queuedAt stays: without `queue` the item is out of the sparse index, and a released
                    // claim goes back to the same place.
                    .updateExpression("SET #status = :notified, notifiedBy = :wave, notifiedAt = :now REMOVE #queue")
                    .conditionExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                    .expressionAttributeValues(Map.of(":notified", s(Status.NOTIFIED.name()),
                            ":active", s(Status.ACTIVE.name()), ":wave", s(waveId), ":now", s(Instants.stored(now))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return new Claim(ClaimOutcome.CLAIMED, fromItem(ref, item));
        } catch (ConditionalCheckFailedException e) {
            // The old image tells a claim of this wave (made before a crash) from an alert gone elsewhere.
            Map<String, AttributeValue> old = e.item();
            boolean ours = old != null && waveId.equals(Attributes.string(old, "notifiedBy"));
            return new Claim(ours ? ClaimOutcome.CLAIMED_BEFORE : ClaimOutcome.UNAVAILABLE, null);
        }
    }

    /** Undoes this wave's claim of an alert whose e-mail was certainly not sent. */
    public void releaseAlert(String sku, String subscriberId, String waveId) {
        Ref ref = Ref.alert(sku, subscriberId);
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                    .updateExpression("SET #status = :active, #queue = :queue REMOVE notifiedBy, notifiedAt")
                    .conditionExpression("#status = :notified AND notifiedBy = :wave")
                    .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                    .expressionAttributeValues(Map.of(":notified", s(Status.NOTIFIED.name()),
                            ":active", s(Status.ACTIVE.name()), ":wave", s(waveId), ":queue", s(queue(ref)))));
        } catch (ConditionalCheckFailedException e) {
            // Unsubscribed meanwhile: stays ended.
        }
    }

    /** Marks the subscriber's digest as sent for {@code week} if still ACTIVE and not sent yet. */
    public Optional<Subscription> claimDigest(String subscriberId, String week) {
        Ref ref = Ref.digest(subscriberId);
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                    .updateExpression("SET digestWeek = :week")
                    .conditionExpression("#status = :active AND (attribute_not_exists(digestWeek) OR digestWeek <> :week)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":week", s(week), ":active", s(Status.ACTIVE.name())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(fromItem(ref, item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    public void recordDigestSent(String subscriberId, String messageId) {
        Ref ref = Ref.digest(subscriberId);
        dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                .updateExpression("SET digestMessageId = :id")
                .expressionAttributeValues(Map.of(":id", s(messageId))));
    }

    // ------------------------------------------------------------------ confirmation e-mails

    @Override
    public Optional<ConfirmationMail> claimConfirmationMail(Ref ref, String requestId, int maxAttempts) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(pk(ref), sk(ref)))
                    .updateExpression("SET mail = :sending, mailAttempts = mailAttempts + :one")
                    .conditionExpression("#status = :pending AND mail = :requested AND mailRequest = :request "
                            + "AND mailAttempts < :max")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", s(MailState.SENDING.name()), ":one", n(1),
                            ":pending", s(Status.PENDING_CONFIRMATION.name()),
                            ":requested", s(MailState.REQUESTED.name()), ":request", s(requestId),
                            ":max", n(maxAttempts)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(new ConfirmationMail(fromItem(ref, item), (int) Attributes.number(item, "mailAttempts")));
        } catch (ConditionalCheckFailedException sentSupersededOrEnded) {
            return Optional.empty();
        }
    }

    @Override
    public void confirmationMailSent(Ref ref, String requestId, String messageId) {
        settleMail(ref, requestId, "SET mail = :state, mailMessageId = :id",
                Map.of(":state", s(MailState.SENT.name()), ":id", s(messageId)));
    }

    @Override
    public void confirmationMailFailed(Ref ref, String requestId, boolean retry) {
        // Back to REQUESTED is itself a stream record: the sender gets it again, up to its attempts.
        settleMail(ref, requestId, "SET mail = :state",
                Map.of(":state", s((retry ? MailState.REQUESTED : MailState.FAILED).name())));
    }

    private void settleMail(Ref ref, String requestId, String update, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":sending", s(MailState.SENDING.name()));
        all.put(":request", s(requestId));
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(pk(ref), sk(ref)))
                    .updateExpression(update).conditionExpression("mail = :sending AND mailRequest = :request")
                    .expressionAttributeValues(all));
        } catch (ConditionalCheckFailedException superseded) {
            // A newer sign-up asked for a new e-mail meanwhile; its own record takes it from here.
        }
    }
}
