package io.shopcare.merchant.aws;

import io.shopcare.merchant.MerchantNotices;
import static io.shopcare.dynamo.Attributes.key;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.Attributes;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Merchant notices in the alerts table ({@code MERCHANT#sku / version#kind}). */
public final class DynamoNoticeStore implements MerchantNotices.NoticeStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoNoticeStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<MerchantNotices.Notice> claim(String pk, String sk) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table).key(key(pk, sk))
                    .updateExpression("SET #status = :sending").conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":pending", s("PENDING")))
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
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":id", s(messageId))));
    }

    @Override
    public void unclaim(String pk, String sk) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(pk, sk))
                .updateExpression("SET #status = :pending").conditionExpression("#status = :sending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":pending", s("PENDING"))));
    }
}
