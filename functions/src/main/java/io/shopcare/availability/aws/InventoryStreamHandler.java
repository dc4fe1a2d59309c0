package io.shopcare.availability.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.availability.AvailabilityProjector;
import io.shopcare.catalog.Product;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.json.Json;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inventory table's stream (filtered to product and location records): keeps the
 * availability read model current. Records about one product are handled once per batch.
 */
public final class InventoryStreamHandler extends StreamHandler {
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

    /** What a record is about: a product or a location. */
    private record Subject(String productId, String locationId) {
    }

    /** A change of a product that cannot exist: its aggregate is read, found missing, and nothing is projected. */
    @Override
    protected String primingEvent() {
        return primingRecord(Map.of("pk", InventoryTable.productPk("snapstart-priming"), "sk", InventoryTable.PRODUCT_SK),
                Map.of());
    }

    @Override
    protected List<String> process(List<StreamRecord> batch, Context context) {
        return StreamBatchProcessor.byKey(batch, context, InventoryStreamHandler::subject, (subject, records) -> {
            if (subject.productId() != null) {
                Set<String> categories = new LinkedHashSet<>();
                Set<String> skus = new LinkedHashSet<>();
                for (StreamRecord record : records) {
                    String previous = record.oldImage("doc");
                    if (previous != null) {
                        Product before = Product.fromJson(Json.parseObject(previous));
                        categories.addAll(before.categoryIds());
                        skus.addAll(before.skus());
                    }
                }
                projector.productChanged(subject.productId(), categories, skus);
            } else {
                projector.locationChanged(subject.locationId());
            }
        });
    }

    private static Subject subject(StreamRecord record) {
        String pk = record.key("pk");
        String sk = record.key("sk");
        if (pk == null || sk == null) {
            return null;
        }
        String product = InventoryTable.productIdOf(pk, sk);
        String location = InventoryTable.locationIdOf(pk, sk);
        return product != null || location != null ? new Subject(product, location) : null;
    }
}
