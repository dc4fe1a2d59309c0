package io.shopcare.restock;

import io.shopcare.alerts.SkuDetails;
import io.shopcare.availability.InventorySnapshot;
import io.shopcare.availability.InventorySource;
import io.shopcare.availability.VariantAvailability;
import io.shopcare.restock.StockTransitions.Observation;
import io.shopcare.restock.StockTransitions.SkuState;
import io.shopcare.restock.StockTransitions.Transition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns product changes (every stock write bumps its product's version) into SKU transitions:
 * restock waves, the restock log for the digest, and merchant low-stock notices. It never trusts
 * a record's contents: it reads the current inventory and records each SKU's state guarded by
 * the product version, so redelivered and out-of-order records change nothing.
 */
public final class RestockDetector {
    private static final Logger LOG = Logger.getLogger(RestockDetector.class.getName());
    private final InventorySource inventory;
    private final SkuStateStore states;
    private final Clock clock;

    public RestockDetector(InventorySource inventory, SkuStateStore states, Clock clock) {
        this.inventory = inventory;
        this.states = states;
        this.clock = clock;
    }

    /** A changed product and the stream sequence numbers that named it. */
    public record ProductChange(String productId, String sequenceNumber) {
    }

    /** Processes the changes; returns the sequence numbers of the records that must be retried. */
    public List<String> process(List<ProductChange> changes) {
        Map<String, List<String>> sequencesByProduct = new LinkedHashMap<>();
        for (ProductChange change : changes) {
            sequencesByProduct.computeIfAbsent(change.productId(), p -> new ArrayList<>()).add(change.sequenceNumber());
        }
        List<String> failed = new ArrayList<>();
        sequencesByProduct.forEach((productId, sequences) -> {
            try {
                detect(productId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restock detection failed for product " + productId, e);
                failed.addAll(sequences);
            }
        });
        return failed;
    }

    private void detect(String productId) {
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
            states.record(productId, snapshot.version(), transition, details, eventId,
                    StockTransitions.waveBudget(units), clock.instant());
        }
    }
}
