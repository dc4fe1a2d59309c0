package io.shopcare.restock.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.availability.aws.DynamoInventorySource;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.restock.RestockDetector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inventory table's stream, filtered to product records: detects restocks and low-stock
 * crossings. Reports partial batch failures per product.
 */
public final class RestockDetectorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final String PRODUCT_PREFIX = "PRODUCT#";
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
        List<RestockDetector.ProductChange> changes = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var keys = record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
            String pk = keys == null || keys.get("pk") == null ? null : keys.get("pk").getS();
            if (pk != null && pk.startsWith(PRODUCT_PREFIX)) {
                changes.add(new RestockDetector.ProductChange(pk.substring(PRODUCT_PREFIX.length()),
                        record.getDynamodb().getSequenceNumber()));
            }
        }
        List<StreamsEventResponse.BatchItemFailure> failures = detector.process(changes).stream()
                .map(sequence -> StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build())
                .toList();
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}
