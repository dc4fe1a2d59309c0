package io.shopcare.testing;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * DynamoDB Local, embedded in the test JVM, with the project's tables as template.yaml declares
 * them. Close it: {@code shutdownNow()} also stops DynamoDB Local's streams thread.
 */
public final class EmbeddedTables implements AutoCloseable {
    public static final String INVENTORY = "InventoryTable";
    public static final String READ_MODEL = "ReadModelTable";
    public static final String IDEMPOTENCY = "IdempotencyTable";
    private final AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
    private final DynamoDbClient client = local.dynamoDbClient();

    public EmbeddedTables() {
        client.createTable(r -> r.tableName(INVENTORY).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("gsi1pk"), attribute("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byLocation")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("productId")).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.createTable(r -> r.tableName(READ_MODEL).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
        client.createTable(r -> r.tableName(IDEMPOTENCY).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk")).keySchema(key("pk", KeyType.HASH)));
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Every item of a table in a stable textual form, to prove that something changed nothing. */
    public TreeSet<String> snapshot(String table) {
        TreeSet<String> items = new TreeSet<>();
        client.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build()).items()
                .forEach(item -> items.add(new TreeMap<>(item).toString()));
        return items;
    }

    /** A sample API Gateway event from the repository's events/ folder. */
    public static APIGatewayV2HTTPEvent httpEvent(String file) {
        return EventLoader.loadApiGatewayHttpEvent(eventsDir().resolve(file).toString());
    }

    public static Path eventsDir() {
        return Path.of(System.getProperty("shopcare.events.dir", "../events"));
    }

    /** An HTTP API event for another path or body, built from a sample file. */
    public static APIGatewayV2HTTPEvent httpEvent(String file, Map<String, String> pathParameters, String body) {
        APIGatewayV2HTTPEvent event = httpEvent(file);
        event.setPathParameters(pathParameters);
        event.setBody(body);
        return event;
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void close() {
        client.close();
        local.shutdownNow();
    }
}
