package io.shopcare.restock.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.Subscription;
import io.shopcare.alerts.aws.DynamoSubscriptionStore;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import io.shopcare.json.Instants;
import io.shopcare.restock.WaveStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Restock waves ({@code SKU#sku / WAVE#waveId}) and their records of message ids
 * ({@code SKU#sku / SENT#waveId#step}). The alerts a wave works through are the subscriptions'
 * own items: reading their queue and claiming them is the subscription store's job.
 */
public final class DynamoWaves implements WaveStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoSubscriptionStore subscriptions;
    private final DynamoFollowUps followUps;

    public DynamoWaves(DynamoDbClient dynamoDb, String table, DynamoSubscriptionStore subscriptions,
                       DynamoFollowUps followUps) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.subscriptions = subscriptions;
        this.followUps = followUps;
    }

    static String waveId(String eventId, int number) {
        return eventId + "#" + String.format("%03d", number);
    }

    /** A new wave, put only if it does not exist (a redelivered restock starts nothing twice). */
    static TransactWriteItem newWave(String table, String sku, String eventId, int number, String productId, int budget,
                                     Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(AlertsTable.skuPk(sku),
                AlertsTable.waveSk(waveId(eventId, number))));
        item.put("sku", s(sku));
        item.put("eventId", s(eventId));
        item.put("number", n(number));
        item.put("productId", s(productId));
        item.put("budget", n(budget));
        item.put("reserved", n(0));
        item.put("step", n(0));
        item.put("phase", s(Phase.HANDOFF.name()));
        item.put("createdAt", s(Instants.stored(now)));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    @Override
    public Optional<Wave> wave(String sku, String waveId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(key(AlertsTable.skuPk(sku), AlertsTable.waveSk(waveId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toWave(item));
    }

    private static Wave toWave(Map<String, AttributeValue> item) {
        return new Wave(Attributes.string(item, "sku"), AlertsTable.waveIdOf(Attributes.string(item, "sk")),
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
        List<QueuedAlert> alerts = new ArrayList<>();
        for (Subscription.Queued queued : subscriptions.activeAlerts(sku, after, limit)) {
            alerts.add(new QueuedAlert(queued.subscriberId(), queued.position()));
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
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table)
                .key(key(AlertsTable.skuPk(wave.sku()), AlertsTable.waveSk(wave.waveId())))
                .updateExpression(expression).conditionExpression("step = :step")
                .expressionAttributeValues(all).returnValues(ReturnValue.ALL_NEW);
        if (expression.contains("#cursor")) {
            request.expressionAttributeNames(Map.of("#cursor", "cursor"));
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
                .key(key(AlertsTable.skuPk(wave.sku()), AlertsTable.waveSk(wave.waveId())))
                .updateExpression("SET step = :next, phase = :done, finishedAt = :now REMOVE leaseFrom, pending")
                .conditionExpression("step = :step")
                .expressionAttributeValues(Map.of(":step", n(wave.step()), ":next", n(wave.step() + 1),
                        ":done", s(Phase.DONE.name()), ":now", s(Instants.stored(Instant.now()))))).build());
        if (followUpAt != null) {
            writes.add(followUps.newFollowUp(wave, followUpAt));
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
        DynamoSubscriptionStore.Claim claim = subscriptions.claimAlert(sku, subscriberId, waveId, now);
        return switch (claim.outcome()) {
            case CLAIMED -> new Claim(ClaimOutcome.CLAIMED, new ClaimedAlert(subscriberId,
                    claim.subscription().email(), claim.subscription().language().tag()));
            case CLAIMED_BEFORE -> new Claim(ClaimOutcome.CLAIMED_BEFORE, null);
            case UNAVAILABLE -> new Claim(ClaimOutcome.UNAVAILABLE, null);
        };
    }

    @Override
    public void release(String sku, String subscriberId, String waveId) {
        subscriptions.releaseAlert(sku, subscriberId, waveId);
    }

    @Override
    public void recordSends(String sku, String waveId, long step, Map<String, String> messageIds) {
        Map<String, AttributeValue> ids = new HashMap<>();
        messageIds.forEach((alert, id) -> ids.put(alert, s(id)));
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", s(AlertsTable.skuPk(sku)),
                "sk", s(AlertsTable.sentSk(waveId, step)), "messageIds", AttributeValue.fromM(ids))));
    }
}
