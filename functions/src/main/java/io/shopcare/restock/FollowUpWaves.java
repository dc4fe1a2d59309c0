package io.shopcare.restock;

import io.shopcare.availability.InventorySource;
import io.shopcare.availability.VariantAvailability;
import io.shopcare.observability.Metrics;
import io.shopcare.restock.FollowUpStore.FollowUp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Starts the next wave for SKUs whose last wave used its budget while alerts still wait, at most
 * hourly and only after checking the stock again: the SKU must still be buyable, and no newer
 * restock may have started its own waves.
 */
public final class FollowUpWaves {
    private static final int PAGE = 50;
    private final FollowUpStore store;
    private final SkuStateStore states;
    private final InventorySource inventory;
    private final Clock clock;

    public FollowUpWaves(FollowUpStore store, SkuStateStore states, InventorySource inventory, Clock clock) {
        this.store = store;
        this.states = states;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Handles due follow-ups while time remains; returns how many waves were started. */
    public int run(LongSupplier remainingMillis, long safetyMarginMillis) {
        int started = 0;
        while (remainingMillis.getAsLong() > safetyMarginMillis) {
            var due = store.due(clock.instant(), PAGE);
            if (due.isEmpty()) {
                break;
            }
            for (FollowUp followUp : due) {
                if (startIfStillWanted(followUp)) {
                    started++;
                }
            }
        }
        return started;
    }

    private boolean startIfStillWanted(FollowUp followUp) {
        boolean current = store.lastRestockEvent(followUp.productId(), followUp.sku())
                .map(followUp.eventId()::equals).orElse(false);
        Optional<VariantAvailability> variant = inventory.load(followUp.productId()).flatMap(snapshot ->
                VariantAvailability.of(snapshot).stream().filter(v -> v.sku().equals(followUp.sku())).findFirst());
        if (!current || variant.isEmpty() || !variant.get().availability().buyable()
                || !states.hasActiveAlerts(followUp.sku())) {
            store.discard(followUp);
            return false;
        }
        long units = variant.get().available() > 0 ? variant.get().available() : variant.get().preorderRemaining();
        store.startWave(followUp, StockTransitions.waveBudget(units), clock.instant());
        Metrics.count("FollowUpWavesStarted", 1);
        return true;
    }
}
