package io.shopcare.restock.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.availability.aws.DynamoInventorySource;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.restock.RestockDetector;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.util.List;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inventory table's stream, filtered to product records: detects restocks and low-stock
 * crossings. Reports partial batch failures per product.
 */
public final class RestockDetectorHandler extends StreamHandler {
    private final RestockDetector detector;

    public RestockDetectorHandler() {
        this(System.getenv());
    }

    public RestockDetectorHandler(Map<String, String> environment) {
        this(detector(new Environment(environment)));
    }

    public RestockDetectorHandler(RestockDetector detector) {
        this.detector = detector;
    }

    private static RestockDetector detector(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        return new RestockDetector(new DynamoInventorySource(dynamoDb, env.require("INVENTORY_TABLE")),
                RestockStores.of(dynamoDb, env.require("ALERTS_TABLE")).states(), Clock.systemUTC());
    }

    /** A change of a product that cannot exist: read, found missing, nothing recorded. */
    @Override
    protected String primingEvent() {
        return primingRecord(Map.of("pk", InventoryTable.productPk("snapstart-priming"), "sk", InventoryTable.PRODUCT_SK),
                Map.of());
    }

    @Override
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.byKey(records, context,
                record -> InventoryTable.productIdOf(record.key("pk"), record.key("sk")),
                (productId, group) -> detector.productChanged(productId));
    }
}
