package io.shopcare.restock.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.alerts.SkuDetails;
import io.shopcare.alerts.aws.DynamoSubscriptionStore;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import io.shopcare.merchant.MerchantNotices;
import io.shopcare.merchant.aws.DynamoNoticeStore;
import io.shopcare.restock.SkuStateStore;
import io.shopcare.restock.StockTransitions.SkuState;
import io.shopcare.restock.StockTransitions.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The last recorded state of each SKU ({@code PRODUCT#id / SKU#sku}), guarded by the product
 * version. Recording a transition writes, in the same transaction, what it causes: the first
 * wave (restock), the restock log entry and the merchant notice, each in its owner's format.
 */
public final class DynamoSkuStates implements SkuStateStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoSubscriptionStore subscriptions;
    private final DynamoRestockLog log;

    public DynamoSkuStates(DynamoDbClient dynamoDb, String table, DynamoSubscriptionStore subscriptions,
                           DynamoRestockLog log) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.subscriptions = subscriptions;
        this.log = log;
    }

    @Override
    public Map<String, SkuState> states(String productId) {
        Map<String, SkuState> states = new HashMap<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sku)")
                .expressionAttributeValues(Map.of(":pk", s(AlertsTable.statesPk(productId)),
                        ":sku", s(AlertsTable.stateSkPrefix()))).build();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
            String sku = AlertsTable.skuOfState(Attributes.string(item, "sk"));
            states.put(sku, new SkuState(sku, Boolean.TRUE.equals(item.get("buyable").bool()),
                    Attributes.number(item, "available"), Attributes.number(item, "sv"),
                    Attributes.string(item, "lastEvent")));
        }
        return states;
    }

    Optional<String> lastRestockEvent(String productId, String sku) {
        return Optional.ofNullable(states(productId).get(sku)).map(SkuState::lastEventId);
    }

    @Override
    public boolean hasActiveAlerts(String sku) {
        return subscriptions.hasActiveAlerts(sku);
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
                .key(key(AlertsTable.statesPk(productId), AlertsTable.stateSk(sku))).updateExpression(expression)
                .conditionExpression("attribute_not_exists(sv) OR sv < :v").expressionAttributeValues(values)).build());
        if (restockEventId != null) {
            writes.add(DynamoWaves.newWave(table, sku, restockEventId, 1, productId, waveBudget, now));
        }
        if (transition.restocked()) {
            writes.add(log.entry(productId, sku, now));
        }
        if (transition.crossing() != null) {
            writes.add(DynamoNoticeStore.newNotice(table, version, new MerchantNotices.Notice(sku, details.productName(),
                    details.variantLabel(), transition.now().available(), transition.now().lowStockThreshold(),
                    transition.crossing() == io.shopcare.restock.StockTransitions.Crossing.SOLD_OUT), productId, now));
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
}
