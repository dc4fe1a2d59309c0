package io.shopcare.restock;

import io.shopcare.alerts.SkuDetails;
import io.shopcare.availability.InventorySnapshot;
import io.shopcare.availability.InventorySource;
import io.shopcare.availability.VariantAvailability;
import io.shopcare.observability.LogContext;
import io.shopcare.observability.Metrics;
import io.shopcare.restock.StockTransitions.Observation;
import io.shopcare.restock.StockTransitions.SkuState;
import io.shopcare.restock.StockTransitions.Transition;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Turns product changes (every stock write bumps its product's version) into SKU transitions:
 * restock waves, the restock log for the digest, and merchant low-stock notices. It never trusts
 * a record's contents: it reads the current inventory and records each SKU's state guarded by
 * the product version, so redelivered and out-of-order records change nothing.
 */
public final class RestockDetector {
    private final InventorySource inventory;
    private final SkuStateStore states;
    private final Clock clock;

    public RestockDetector(InventorySource inventory, SkuStateStore states, Clock clock) {
        this.inventory = inventory;
        this.states = states;
        this.clock = clock;
    }

    /**
     * The product changed: compares each of its SKUs with the state recorded last and records what
     * the difference causes. A redelivered or older change finds its version recorded and does nothing.
     */
    public void productChanged(String productId) {
        LogContext.touch("productId", productId);
        Optional<InventorySnapshot> loaded = inventory.load(productId);
        if (loaded.isEmpty()) {
            return;
        }
        InventorySnapshot snapshot = loaded.get();
        Map<String, SkuState> recorded = states.states(productId);
        for (VariantAvailability variant : VariantAvailability.of(snapshot)) {
            boolean buyable = variant.availability().buyable();
            long units = variant.available() > 0 ? variant.available() : variant.preorderRemaining();
            Observation now = new Observation(variant.sku(), buyable, variant.available(), units,
                    snapshot.product().lowStockThreshold());
            SkuState before = recorded.get(variant.sku());
            if (before != null && before.version() >= snapshot.version()) {
                continue;
            }
            Transition transition = StockTransitions.compare(before, now);
            if (!transition.changed()) {
                continue;
            }
            SkuDetails details = SkuDetails.of(snapshot.product(), variant.sku()).orElseThrow();
            String eventId = transition.restocked() && states.hasActiveAlerts(variant.sku())
                    ? variant.sku() + "@" + snapshot.version() : null;
            if (states.record(productId, snapshot.version(), transition, details, eventId,
                    StockTransitions.waveBudget(units), clock.instant())) {
                count(transition, eventId);
            }
        }
    }

    private static void count(StockTransitions.Transition transition, String eventId) {
        if (transition.restocked()) {
            Metrics.count("Restocks", 1);
        }
        if (eventId != null) {
            Metrics.count("RestockWavesStarted", 1);
        }
        if (transition.crossing() != null) {
            Metrics.count("MerchantCrossings", "Kind", transition.crossing().name(), 1);
        }
    }
}
