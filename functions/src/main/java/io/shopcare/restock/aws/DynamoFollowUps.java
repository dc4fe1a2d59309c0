package io.shopcare.restock.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import io.shopcare.json.Instants;
import io.shopcare.restock.FollowUpStore;
import io.shopcare.restock.WaveStore.Wave;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Follow-up waves waiting for their time ({@code FOLLOWUP / dueAt#sku}): one partition sorted by
 * due time, so the schedule finds what is due with one Query and scans nothing.
 */
public final class DynamoFollowUps implements FollowUpStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoSkuStates states;

    public DynamoFollowUps(DynamoDbClient dynamoDb, String table, DynamoSkuStates states) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.states = states;
    }

    /** The follow-up of a wave that used its budget, as a transaction item of the write that ends the wave. */
    TransactWriteItem newFollowUp(Wave wave, Instant dueAt) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", s(AlertsTable.FOLLOW_UP_PK),
                        "sk", s(AlertsTable.followUpSk(Instants.stored(dueAt), wave.sku())), "sku", s(wave.sku()),
                        "productId", s(wave.productId()), "eventId", s(wave.eventId()), "nextWave", n(wave.number() + 1)))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    @Override
    public List<FollowUp> due(Instant now, int limit) {
        List<FollowUp> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.query(q -> q.tableName(table).limit(limit)
                .keyConditionExpression("pk = :pk AND sk < :now")
                .expressionAttributeValues(Map.of(":pk", s(AlertsTable.FOLLOW_UP_PK), ":now", s(Instants.stored(now))))).items()) {
            due.add(new FollowUp(Attributes.string(item, "sk"), Attributes.string(item, "sku"),
                    Attributes.string(item, "productId"), Attributes.string(item, "eventId"),
                    (int) Attributes.number(item, "nextWave")));
        }
        return due;
    }

    @Override
    public Optional<String> lastRestockEvent(String productId, String sku) {
        return states.lastRestockEvent(productId, sku);
    }

    @Override
    public void startWave(FollowUp followUp, int budget, Instant now) {
        TransactWriteItem wave = DynamoWaves.newWave(table, followUp.sku(), followUp.eventId(), followUp.nextWave(),
                followUp.productId(), budget, now);
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(wave, drop(followUp)));
        } catch (TransactionCanceledException e) {
            if (!Attributes.conditionFailed(e, 0)) {
                throw e;
            }
            discard(followUp); // that wave exists already: a repeated run
        }
    }

    @Override
    public void discard(FollowUp followUp) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key(AlertsTable.FOLLOW_UP_PK, followUp.key())));
    }

    private TransactWriteItem drop(FollowUp followUp) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(AlertsTable.FOLLOW_UP_PK, followUp.key())))
                .build();
    }
}
