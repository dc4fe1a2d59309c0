package io.shopcare.restock.aws;

import static io.shopcare.dynamo.Attributes.n;
import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.AlertsTable;
import io.shopcare.dynamo.Attributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The restock log in the alerts table ({@code RESTOCKS#day / productId#sku}): which SKUs came
 * back on a day, written with the restock that caused it, read by the weekly digest; kept 35 days.
 */
public final class DynamoRestockLog {
    private static final long KEEP_SECONDS = 35L * 24 * 3600;
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** A logged restock: the SKU and its product. */
    public record Entry(String productId, String sku) {
    }

    public DynamoRestockLog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The log entry for a restock, as a transaction item of the write that records it. */
    TransactWriteItem entry(String productId, String sku, Instant at) {
        String day = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of(
                "pk", s(AlertsTable.restocksPk(day)), "sk", s(AlertsTable.restockSk(productId, sku)),
                "productId", s(productId), "sku", s(sku), "at", s(at.toString()),
                "expiresAt", n(at.getEpochSecond() + KEEP_SECONDS)))).build();
    }

    public List<Entry> restockedOn(LocalDate day) {
        List<Entry> entries = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(AlertsTable.restocksPk(day.toString())))).build();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
            entries.add(new Entry(Attributes.string(item, "productId"), Attributes.string(item, "sku")));
        }
        return entries;
    }
}
