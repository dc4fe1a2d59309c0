package io.shopcare.restock.aws;

import io.shopcare.restock.FollowUpStore;
import io.shopcare.restock.SkuStateStore;
import io.shopcare.restock.WaveStore;
import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.aws.AlertKeys;
import io.shopcare.alerts.SkuDetails;
import io.shopcare.dynamo.Attributes;
import io.shopcare.restock.StockTransitions.SkuState;
import io.shopcare.restock.StockTransitions.Transition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * SKU states, waves, claims, the restock log, merchant notices and follow-ups in the alerts table.
 * Keys: {@code PRODUCT#id / SKU#sku} (state), {@code SKU#sku / WAVE#waveId} (wave),
 * {@code SKU#sku / SENT#waveId#step} (message ids), {@code RESTOCKS#day / productId#sku}
 * (restock log), {@code MERCHANT#sku / version#kind} (notice), {@code FOLLOWUP / dueAt#sku}.
 */
public final class DynamoRestockStore implements SkuStateStore, WaveStore, FollowUpStore {
    static final String FOLLOW_UP_PK = "FOLLOWUP";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoRestockStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    // ------------------------------------------------------------------ SKU states

    @Override
    public Map<String, SkuState> states(String productId) {
        Map<String, SkuState> states = new HashMap<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sku)")
                .expressionAttributeValues(Map.of(":pk", s("PRODUCT#" + productId), ":sku", s("SKU#"))).build();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
            String sku = Attributes.string(item, "sk").substring("SKU#".length());
            states.put(sku, new SkuState(sku, Boolean.TRUE.equals(item.get("buyable").bool()),
                    Attributes.number(item, "available"), Attributes.number(item, "sv"),
                    Attributes.string(item, "lastEvent")));
        }
        return states;
    }

    @Override
    public boolean hasActiveAlerts(String sku) {
        return !activeAlerts(sku, null, 1).isEmpty();
    }

    @Override
    public boolean record(String productId, long version, Transition transition, SkuDetails details,
                          String restockEventId, int waveBudget, Instant now) {
        String sku = transition.now().sku();
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":b", AttributeValue.fromBool(transition.now().buyable()));
        values.put(":a", n(transition.now().available()));
        values.put(":v", n(version));
        String update = "SET buyable = :b, available = :a, sv = :v";
        if (restockEventId != null) {
            update += ", lastEvent = :e";
            values.put(":e", s(restockEventId));
        }
        String expression = update;
        // An update (not a put) keeps the last restock event when this change is not a restock.
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key("PRODUCT#" + productId, "SKU#" + sku)).updateExpression(expression)
                .conditionExpression("attribute_not_exists(sv) OR sv < :v").expressionAttributeValues(values)).build());
        if (restockEventId != null) {
            writes.add(putNew(waveItem(sku, restockEventId, 1, productId, waveBudget, now)));
        }
        if (transition.restocked()) {
            String day = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of(
                    "pk", s("RESTOCKS#" + day), "sk", s(productId + "#" + sku), "productId", s(productId),
                    "sku", s(sku), "at", s(now.toString()),
                    "expiresAt", n(now.getEpochSecond() + 35L * 24 * 3600)))).build());
        }
        if (transition.crossing() != null) {
            Map<String, AttributeValue> notice = new HashMap<>(key("MERCHANT#" + sku,
                    String.format("%015d#%s", version, transition.crossing().name())));
            notice.put("status", s("PENDING"));
            notice.put("kind", s(transition.crossing().name()));
            notice.put("sku", s(sku));
            notice.put("productId", s(productId));
            notice.put("product", s(details.productName()));
            notice.put("variant", s(details.variantLabel()));
            notice.put("available", n(transition.now().available()));
            notice.put("threshold", n(transition.now().lowStockThreshold()));
            notice.put("createdAt", s(now.toString()));
            writes.add(putNew(notice));
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (Attributes.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static Map<String, AttributeValue> waveItem(String sku, String eventId, int number, String productId,
                                                        int budget, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(AlertKeys.skuPk(sku), "WAVE#" + waveId(eventId, number)));
        item.put("sku", s(sku));
        item.put("eventId", s(eventId));
        item.put("number", n(number));
        item.put("productId", s(productId));
        item.put("budget", n(budget));
        item.put("reserved", n(0));
        item.put("step", n(0));
        item.put("phase", s(Phase.HANDOFF.name()));
        item.put("createdAt", s(now.toString()));
        return item;
    }

    static String waveId(String eventId, int number) {
        return eventId + "#" + String.format("%03d", number);
    }

    // ------------------------------------------------------------------ waves

    @Override
    public Optional<Wave> wave(String sku, String waveId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(AlertKeys.skuPk(sku), "WAVE#" + waveId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toWave(item));
    }

    private static Wave toWave(Map<String, AttributeValue> item) {
        String sk = Attributes.string(item, "sk");
        return new Wave(Attributes.string(item, "sku"), sk.substring("WAVE#".length()),
                Attributes.string(item, "productId"), Attributes.string(item, "eventId"),
                (int) Attributes.number(item, "number"), Attributes.number(item, "budget"),
                Attributes.number(item, "reserved"), Attributes.number(item, "step"),
                Phase.valueOf(Attributes.string(item, "phase")),
                item.containsKey("leaseFrom") ? Attributes.number(item, "leaseFrom") : null,
                Attributes.string(item, "cursor"),
                item.containsKey("pending") ? item.get("pending").l().stream().map(AttributeValue::s).toList() : List.of());
    }

    @Override
    public List<QueuedAlert> activeAlerts(String sku, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(AlertKeys.BY_QUEUE).limit(limit)
                .expressionAttributeNames(Map.of("#queue", "queue"));
        if (after == null) {
            query.keyConditionExpression("#queue = :q")
                    .expressionAttributeValues(Map.of(":q", s(AlertKeys.alertQueue(sku))));
        } else {
            query.keyConditionExpression("#queue = :q AND queuedAt > :after")
                    .expressionAttributeValues(Map.of(":q", s(AlertKeys.alertQueue(sku)), ":after", s(after)));
        }
        List<QueuedAlert> alerts = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.query(query.build()).items()) {
            alerts.add(new QueuedAlert(Attributes.string(item, "sk").substring("ALERT#".length()),
                    Attributes.string(item, "queuedAt")));
        }
        return alerts;
    }

    @Override
    public Optional<Wave> reserve(Wave wave, List<String> chunk, String cursor, long leaseFrom) {
        return updateWave(wave, "SET reserved = reserved + :count, step = :next, phase = :working, "
                        + "leaseFrom = :lease, #cursor = :cursor, pending = :pending",
                Map.of(":count", n(chunk.size()), ":working", s(Phase.WORKING.name()), ":lease", n(leaseFrom),
                        ":cursor", s(cursor), ":pending", AttributeValue.fromL(chunk.stream().map(Attributes::s).toList())));
    }

    @Override
    public Optional<Wave> unreserve(Wave wave, int count) {
        return updateWave(wave, "SET reserved = reserved - :count, step = :next REMOVE pending",
                Map.of(":count", n(count)));
    }

    @Override
    public Optional<Wave> handOff(Wave wave) {
        return updateWave(wave, "SET step = :next, phase = :handoff REMOVE leaseFrom, pending",
                Map.of(":handoff", s(Phase.HANDOFF.name())));
    }

    /** A compare-and-set on the wave's step: only the worker that read the current step may change it. */
    private Optional<Wave> updateWave(Wave wave, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":step", n(wave.step()));
        all.put(":next", n(wave.step() + 1));
        Map<String, String> names = expression.contains("#cursor") ? Map.of("#cursor", "cursor") : null;
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table)
                .key(key(AlertKeys.skuPk(wave.sku()), "WAVE#" + wave.waveId()))
                .updateExpression(expression).conditionExpression("step = :step")
                .expressionAttributeValues(all).returnValues(ReturnValue.ALL_NEW);
        if (names != null) {
            request.expressionAttributeNames(names);
        }
        try {
            return Optional.of(toWave(dynamoDb.updateItem(request.build()).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void finish(Wave wave, Instant followUpAt) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(AlertKeys.skuPk(wave.sku()), "WAVE#" + wave.waveId()))
                .updateExpression("SET step = :next, phase = :done, finishedAt = :now REMOVE leaseFrom, pending")
                .conditionExpression("step = :step")
                .expressionAttributeValues(Map.of(":step", n(wave.step()), ":next", n(wave.step() + 1),
                        ":done", s(Phase.DONE.name()), ":now", s(Instant.now().toString())))).build());
        if (followUpAt != null) {
            writes.add(putNew(Map.of("pk", s(FOLLOW_UP_PK), "sk", s(followUpAt + "#" + wave.sku()),
                    "sku", s(wave.sku()), "productId", s(wave.productId()), "eventId", s(wave.eventId()),
                    "nextWave", n(wave.number() + 1))));
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (!Attributes.conditionFailed(e, 0)) {
                throw e;
            }
        }
    }

    @Override
    public Claim claim(String sku, String subscriberId, String waveId, Instant now) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(AlertKeys.skuPk(sku), AlertKeys.alertSk(subscriberId)))
                    // queuedAt stays: without `queue` the item leaves the sparse index, and a released
                    // claim goes back to the same place.
                    .updateExpression("SET #status = :notified, notifiedBy = :wave, notifiedAt = :now REMOVE #queue")
                    .conditionExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                    .expressionAttributeValues(Map.of(":notified", s("NOTIFIED"), ":active", s("ACTIVE"),
                            ":wave", s(waveId), ":now", s(now.toString())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return new Claim(ClaimOutcome.CLAIMED, new ClaimedAlert(subscriberId, Attributes.string(item, "email"),
                    Attributes.string(item, "lang")));
        } catch (ConditionalCheckFailedException e) {
            // The old image tells a claim of this wave (made before a crash) from an alert gone elsewhere.
            Map<String, AttributeValue> old = e.item();
            boolean ours = old != null && waveId.equals(Attributes.string(old, "notifiedBy"));
            return new Claim(ours ? ClaimOutcome.CLAIMED_BEFORE : ClaimOutcome.UNAVAILABLE, null);
        }
    }

    @Override
    public void release(String sku, String subscriberId, String waveId) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(AlertKeys.skuPk(sku), AlertKeys.alertSk(subscriberId)))
                    .updateExpression("SET #status = :active, #queue = :queue REMOVE notifiedBy, notifiedAt")
                    .conditionExpression("#status = :notified AND notifiedBy = :wave")
                    .expressionAttributeNames(Map.of("#status", "status", "#queue", "queue"))
                    .expressionAttributeValues(Map.of(":notified", s("NOTIFIED"), ":active", s("ACTIVE"),
                            ":wave", s(waveId), ":queue", s(AlertKeys.alertQueue(sku)))));
        } catch (ConditionalCheckFailedException e) {
            // Unsubscribed meanwhile: stays ended.
        }
    }

    @Override
    public void recordSends(String sku, String waveId, long step, Map<String, String> messageIds) {
        Map<String, AttributeValue> ids = new HashMap<>();
        messageIds.forEach((alert, id) -> ids.put(alert, s(id)));
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", s(AlertKeys.skuPk(sku)),
                "sk", s("SENT#" + waveId + "#" + String.format("%09d", step)), "messageIds", AttributeValue.fromM(ids))));
    }

    // ------------------------------------------------------------------ follow-ups

    @Override
    public List<FollowUp> due(Instant now, int limit) {
        List<FollowUp> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.query(q -> q.tableName(table).limit(limit)
                .keyConditionExpression("pk = :pk AND sk < :now")
                .expressionAttributeValues(Map.of(":pk", s(FOLLOW_UP_PK), ":now", s(now.toString())))).items()) {
            due.add(new FollowUp(Attributes.string(item, "sk"), Attributes.string(item, "sku"),
                    Attributes.string(item, "productId"), Attributes.string(item, "eventId"),
                    (int) Attributes.number(item, "nextWave")));
        }
        return due;
    }

    @Override
    public Optional<String> lastRestockEvent(String productId, String sku) {
        return Optional.ofNullable(states(productId).get(sku)).map(SkuState::lastEventId);
    }

    @Override
    public void startWave(FollowUp followUp, int budget, Instant now) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    putNew(waveItem(followUp.sku(), followUp.eventId(), followUp.nextWave(), followUp.productId(),
                            budget, now)),
                    drop(followUp)));
        } catch (TransactionCanceledException e) {
            if (!Attributes.conditionFailed(e, 0)) {
                throw e;
            }
            dynamoDb.transactWriteItems(t -> t.transactItems(drop(followUp)));
        }
    }

    @Override
    public void discard(FollowUp followUp) {
        dynamoDb.transactWriteItems(t -> t.transactItems(drop(followUp)));
    }

    private TransactWriteItem drop(FollowUp followUp) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(FOLLOW_UP_PK, followUp.key())))
                .build();
    }
}
