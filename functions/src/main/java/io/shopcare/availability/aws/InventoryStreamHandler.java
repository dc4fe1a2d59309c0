package io.shopcare.availability.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.shopcare.availability.AvailabilityProjector;
import io.shopcare.availability.InventoryChange;
import io.shopcare.catalog.Product;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inventory table's stream (filtered to product and location records): keeps the
 * availability read model current. Reports partial batch failures so one bad product never
 * blocks or repeats the others.
 */
public final class InventoryStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = Logger.getLogger(InventoryStreamHandler.class.getName());
    private final AvailabilityProjector projector;

    public InventoryStreamHandler() {
        this(System.getenv());
    }

    public InventoryStreamHandler(Map<String, String> environment) {
        this(projector(new Environment(environment)));
    }

    public InventoryStreamHandler(AvailabilityProjector projector) {
        this.projector = projector;
    }

    private static AvailabilityProjector projector(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        return new AvailabilityProjector(new DynamoInventorySource(dynamoDb, env.require("INVENTORY_TABLE")),
                new DynamoReadModel(dynamoDb, env.require("READ_MODEL_TABLE")));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<InventoryChange> changes = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            InventoryChange change = toChange(record);
            if (change != null) {
                changes.add(change);
            }
        }
        List<StreamsEventResponse.BatchItemFailure> failures = projector.project(changes).stream()
                .map(sequence -> StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build())
                .toList();
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The change a record stands for, or null for a record this projection does not use. */
    static InventoryChange toChange(DynamodbEvent.DynamodbStreamRecord record) {
        var stream = record.getDynamodb();
        Map<String, AttributeValue> keys = stream == null ? null : stream.getKeys();
        if (keys == null || keys.get("pk") == null || keys.get("sk") == null) {
            LOG.warning("skipping a stream record without keys: " + record.getEventID());
            return null;
        }
        String pk = keys.get("pk").getS();
        String sk = keys.get("sk").getS();
        String sequence = stream.getSequenceNumber();
        if ("PRODUCT".equals(sk) && pk.startsWith("PRODUCT#")) {
            List<String> categories = List.of();
            List<String> skus = List.of();
            Map<String, AttributeValue> old = stream.getOldImage();
            if (old != null && old.get("doc") != null) {
                Product previous = Product.fromJson(Json.parseObject(old.get("doc").getS()));
                categories = previous.categoryIds();
                skus = previous.skus();
            }
            return new InventoryChange(sequence, InventoryChange.Kind.PRODUCT, pk.substring("PRODUCT#".length()),
                    categories, skus);
        }
        if (sk.startsWith("LOC#")) {
            return new InventoryChange(sequence, InventoryChange.Kind.LOCATION, sk.substring("LOC#".length()),
                    List.of(), List.of());
        }
        return null;
    }
}
