package io.shopcare.merchant.aws;

import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import io.shopcare.json.Instants;
import io.shopcare.merchant.MerchantNotices;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Merchant notices in the alerts table ({@code MERCHANT#sku / version#kind}): created PENDING with
 * the stock transition that caused them, claimed SENDING before the e-mail, SENT after it.
 */
public final class DynamoNoticeStore implements MerchantNotices.NoticeStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** A notice's delivery state. */
    enum NoticeState { PENDING, SENDING, SENT }

    public DynamoNoticeStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** A new notice at the product {@code version}, as a transaction item of the write that records the transition. */
    public static TransactWriteItem newNotice(String table, long version, MerchantNotices.Notice notice, String productId,
                                              Instant now) {
        String kind = notice.soldOut() ? "SOLD_OUT" : "LOW_STOCK";
        Map<String, AttributeValue> item = new HashMap<>(key(AlertsTable.noticePk(notice.sku()),
                AlertsTable.noticeSk(version, kind)));
        item.put("status", s(NoticeState.PENDING.name()));
        item.put("kind", s(kind));
        item.put("sku", s(notice.sku()));
        item.put("productId", s(productId));
        item.put("product", s(notice.product()));
        item.put("variant", s(notice.variant()));
        item.put("available", n(notice.available()));
        item.put("threshold", n(notice.threshold()));
        item.put("createdAt", s(Instants.stored(now)));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    @Override
    public Optional<MerchantNotices.Notice> claim(String pk, String sk) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table).key(key(pk, sk))
                    .updateExpression("SET #status = :sending").conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", s(NoticeState.SENDING.name()),
                            ":pending", s(NoticeState.PENDING.name())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(new MerchantNotices.Notice(Attributes.string(item, "sku"),
                    Attributes.string(item, "product"), Attributes.string(item, "variant"),
                    Attributes.number(item, "available"), Attributes.number(item, "threshold"),
                    "SOLD_OUT".equals(Attributes.string(item, "kind"))));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void markSent(String pk, String sk, String messageId) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(pk, sk))
                .updateExpression("SET #status = :sent, messageId = :id")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", s(NoticeState.SENT.name()), ":id", s(messageId))));
    }

    @Override
    public void unclaim(String pk, String sk) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(pk, sk))
                .updateExpression("SET #status = :pending").conditionExpression("#status = :sending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sending", s(NoticeState.SENDING.name()),
                        ":pending", s(NoticeState.PENDING.name()))));
    }
}
