package io.shopcare.restock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.shopcare.alerts.SkuDetails;
import io.shopcare.restock.StockTransitions.Crossing;
import io.shopcare.restock.StockTransitions.SkuState;
import io.shopcare.restock.StockTransitions.Transition;
import io.shopcare.testing.InMemoryInventory;
import io.shopcare.testing.Products;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Restock detection in memory: transitions, waves and their budgets, merchant crossings, redelivery. */
class RestockDetectorTest {
    private final InMemoryInventory inventory = new InMemoryInventory().with(Products.JACKET);
    private final RecordingStates states = new RecordingStates();
    private final RestockDetector detector = new RestockDetector(inventory, states,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    /** SKU states in memory, with everything recorded kept for the assertions. */
    static final class RecordingStates implements SkuStateStore {
        final Map<String, SkuState> states = new HashMap<>();
        final Set<String> activeAlerts = new HashSet<>();
        final List<String> waves = new ArrayList<>();
        final List<Integer> budgets = new ArrayList<>();
        final List<String> restocked = new ArrayList<>();
        final List<Crossing> crossings = new ArrayList<>();

        @Override
        public Map<String, SkuState> states(String productId) {
            return Map.copyOf(states);
        }

        @Override
        public boolean hasActiveAlerts(String sku) {
            return activeAlerts.contains(sku);
        }

        @Override
        public boolean record(String productId, long version, Transition transition, SkuDetails details,
                              String restockEventId, int waveBudget, Instant now) {
            SkuState before = states.get(transition.now().sku());
            if (before != null && before.version() >= version) {
                return false;
            }
            states.put(transition.now().sku(), new SkuState(transition.now().sku(), transition.now().buyable(),
                    transition.now().available(), version, restockEventId != null ? restockEventId
                    : before == null ? null : before.lastEventId()));
            if (restockEventId != null) {
                waves.add(restockEventId);
                budgets.add(waveBudget);
            }
            if (transition.restocked()) {
                restocked.add(transition.now().sku());
            }
            if (transition.crossing() != null) {
                crossings.add(transition.crossing());
            }
            return true;
        }
    }

    private void stock(long onHand) {
        inventory.setOnHand("jacket", "JK-M", onHand);
        detector.productChanged("jacket");
    }

    @Test
    void theFirstSightOfASkuRecordsItsStateAndStartsNothing() {
        stock(0);
        assertEquals(false, states.states.get("JK-M").buyable());
        assertEquals(List.of(), states.waves);
        assertEquals(List.of(), states.crossings);
    }

    @Test
    void aRestockWithActiveAlertsStartsOneWaveSizedByTheUnitsThatCameBack() {
        stock(0);
        states.activeAlerts.add("JK-M");
        stock(7);
        assertEquals(List.of("JK-M@" + inventory.version("jacket")), states.waves);
        assertEquals(List.of(21), states.budgets, "3 x 7 units");
        assertEquals(List.of("JK-M"), states.restocked);
        detector.productChanged("jacket"); // the same change delivered again
        assertEquals(1, states.waves.size());
        stock(0);
        stock(2);
        assertEquals(List.of(21, 10), states.budgets, "never fewer than ten e-mails");
    }

    @Test
    void aRestockWithoutAlertsIsLoggedForTheDigestButStartsNoWave() {
        stock(0);
        stock(4);
        assertEquals(List.of(), states.waves);
        assertEquals(List.of("JK-M"), states.restocked);
    }

    @Test
    void theMerchantHearsOnceWhenStockCrossesItsThresholdAndAgainAtZero() {
        stock(20);
        stock(5);   // the threshold is 5: crosses down to it
        stock(4);   // already low: no new crossing
        stock(0);   // sold out
        assertEquals(List.of(Crossing.LOW_STOCK, Crossing.SOLD_OUT), states.crossings);
    }

    @Test
    void anOlderProductVersionChangesNothing() {
        stock(3);
        long recorded = states.states.get("JK-M").version();
        states.states.put("JK-M", new SkuState("JK-M", true, 3, recorded + 10, null)); // a newer state is already there
        stock(0);
        assertEquals(List.of(), states.crossings);
        assertNull(states.states.get("JK-M").lastEventId());
    }
}
