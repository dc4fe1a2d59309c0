package io.shopcare.orders.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.InventoryTable;
import io.shopcare.orders.OrderService;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The inventory table's stream, filtered to stock levels and pre-order counts: whenever a SKU's
 * stock or queue changes, its waiting pre-orders take the free units, oldest first. Idempotent by
 * construction (it reads the queue and the stock as they are now), so redelivered and reordered
 * records change nothing twice; records of one SKU in a batch are handled once.
 */
public final class PreorderFillHandler extends StreamHandler {
    private final OrderService orders;

    public PreorderFillHandler() {
        this(System.getenv());
    }

    public PreorderFillHandler(Map<String, String> environment) {
        this(OrderServices.create(new Environment(environment), null, Clock.systemUTC()));
    }

    public PreorderFillHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.byKey(records, context, record -> InventoryTable.skuOf(record.key("pk")),
                (sku, group) -> orders.fillPreorders(sku));
    }
}
