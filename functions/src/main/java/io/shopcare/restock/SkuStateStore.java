package io.shopcare.restock;

import io.shopcare.alerts.SkuDetails;
import io.shopcare.restock.StockTransitions.SkuState;
import io.shopcare.restock.StockTransitions.Transition;
import java.time.Instant;
import java.util.Map;

/** The last recorded state of each SKU, and the consequences of its transitions. */
public interface SkuStateStore {

    /** The recorded states of a product's SKUs, by SKU. */
    Map<String, SkuState> states(String productId);

    /** True when at least one alert on the SKU is ACTIVE. */
    boolean hasActiveAlerts(String sku);

    /**
     * Records the SKU's new state at {@code version} together with what it causes, atomically:
     * a first wave for {@code restockEventId} with {@code waveBudget} (when not null), an entry
     * in the restock log, and a merchant notice for the crossing. False, and nothing written, when
     * a state at this or a newer version was recorded already (a redelivered or older record).
     */
    boolean record(String productId, long version, Transition transition, SkuDetails details, String restockEventId,
                   int waveBudget, Instant now);
}
