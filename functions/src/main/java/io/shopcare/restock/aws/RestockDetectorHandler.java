package io.shopcare.restock.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.availability.aws.DynamoInventorySource;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.restock.RestockDetector;
import io.shopcare.streams.StreamBatchProcessor;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inventory table's stream, filtered to product records: detects restocks and low-stock
 * crossings. Reports partial batch failures per product.
 */
public final class RestockDetectorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
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

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatchProcessor.byKey(event, context, record -> InventoryTable.productIdOf(
                        StreamBatchProcessor.key(record, "pk"), StreamBatchProcessor.key(record, "sk")),
                (productId, records) -> detector.productChanged(productId));
    }
}
