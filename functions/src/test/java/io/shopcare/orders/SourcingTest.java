package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sourcing: one parcel when one location can, otherwise each line from the fewest, reusing parcels. */
class SourcingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static SourceLocation warehouse(String id, int dispatchInDays) {
        return new SourceLocation(id, true, DAY.plusDays(dispatchInDays));
    }

    private static SourceLocation store(String id, int dispatchInDays) {
        return new SourceLocation(id, false, DAY.plusDays(dispatchInDays));
    }

    private static LineRequest line(String sku, int quantity) {
        return new LineRequest(sku, quantity);
    }

    private static Allocation at(String locationId, int quantity) {
        return new Allocation(locationId, quantity);
    }

    /** Availability written as "sku", "location", units, "location", units, ... per SKU. */
    private static final class Stock {
        final Map<String, Map<String, Long>> map = new HashMap<>();

        Stock put(String sku, Object... locationUnits) {
            Map<String, Long> bySku = map.computeIfAbsent(sku, k -> new HashMap<>());
            for (int i = 0; i < locationUnits.length; i += 2) {
                bySku.put((String) locationUnits[i], ((Number) locationUnits[i + 1]).longValue());
            }
            return this;
        }
    }

    @Test
    void oneWarehouseThatHasEverythingTakesTheWholeOrder() {
        Stock stock = new Stock().put("A", "W1", 5, "S1", 9).put("B", "W1", 2, "S1", 9);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 3), line("B", 2)), stock.map,
                List.of(store("S1", 0), warehouse("W1", 0)));
        assertTrue(plan.complete());
        assertEquals(List.of(List.of(at("W1", 3)), List.of(at("W1", 2))), plan.allocations());
        assertEquals(List.of("W1"), plan.locations());
    }

    @Test
    void aWarehouseIsPreferredToAStoreEvenWhenTheStoreDispatchesEarlier() {
        Stock stock = new Stock().put("A", "S1", 5, "W1", 5);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 2)), stock.map, List.of(store("S1", 0), warehouse("W1", 3)));
        assertEquals(List.of(List.of(at("W1", 2))), plan.allocations());
    }

    @Test
    void amongWarehousesTheEarlierDispatchWinsThenTheId() {
        Stock stock = new Stock().put("A", "W1", 5, "W2", 5, "W3", 5);
        assertEquals(List.of(List.of(at("W2", 1))), Sourcing.ship(List.of(line("A", 1)), stock.map,
                List.of(warehouse("W1", 2), warehouse("W2", 1), warehouse("W3", 1))).allocations(), "W2 and W3 tie on day: id");
        assertEquals(List.of(List.of(at("W3", 1))), Sourcing.ship(List.of(line("A", 1)), stock.map,
                List.of(warehouse("W1", 2), warehouse("W2", 1), warehouse("W3", 0))).allocations());
    }

    @Test
    void oneLocationForAllLinesBeatsAMorePreferredLocationForSomeOfThem() {
        // W1 is the better warehouse but lacks B; S1 alone makes one parcel.
        Stock stock = new Stock().put("A", "W1", 9, "S1", 1).put("B", "S1", 1);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 1), line("B", 1)), stock.map,
                List.of(warehouse("W1", 0), store("S1", 4)));
        assertEquals(List.of(List.of(at("S1", 1)), List.of(at("S1", 1))), plan.allocations());
    }

    @Test
    void aSplitLineComesFromTheFewestLocationsThenTheMostPreferred() {
        // 7 units: no single location; pairs that reach 7 are W1+W3 (9) and W2+W3 (7). W1 ranks first.
        Stock stock = new Stock().put("A", "W1", 4, "W2", 2, "W3", 5, "S1", 1, "S2", 1, "S3", 1);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 7)), stock.map,
                List.of(warehouse("W1", 0), warehouse("W2", 1), warehouse("W3", 2), store("S1", 0), store("S2", 0), store("S3", 0)));
        assertEquals(List.of(List.of(at("W1", 4), at("W3", 3))), plan.allocations(), "the preferred location gets most units");
    }

    @Test
    void fewerLocationsForALineBeatWarehousesFirst() {
        // A (10 units) could come from three warehouses or from the one store holding all 10.
        Stock stock = new Stock().put("A", "W1", 4, "W2", 4, "W3", 4, "S1", 10).put("B", "W1", 1);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 10), line("B", 1)), stock.map,
                List.of(warehouse("W1", 0), warehouse("W2", 0), warehouse("W3", 0), store("S1", 0)));
        assertEquals(List.of(List.of(at("S1", 10)), List.of(at("W1", 1))), plan.allocations());
    }

    @Test
    void aLineJoinsAParcelThatIsGoingAnyway() {
        // A needs W1 and W2. B could come from W3 (ranked above W2) or W2: W2 is already used.
        Stock stock = new Stock().put("A", "W1", 3, "W2", 3).put("B", "W3", 1, "W2", 1);
        SourcingPlan plan = Sourcing.ship(List.of(line("B", 1), line("A", 5)), stock.map,
                List.of(warehouse("W1", 0), warehouse("W2", 2), warehouse("W3", 1)));
        assertEquals(List.of(List.of(at("W2", 1)), List.of(at("W1", 3), at("W2", 2))), plan.allocations());
        assertEquals(2, plan.locations().size());
    }

    @Test
    void theMostConstrainedLinesChooseFirstSoFlexibleOnesCanFollow() {
        // A can come from W1 or W2, B only from W2, C only from W3: A should ride with B (2 parcels, not 3).
        Stock stock = new Stock().put("A", "W1", 1, "W2", 1).put("B", "W2", 1).put("C", "W3", 1);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 1), line("B", 1), line("C", 1)), stock.map,
                List.of(warehouse("W1", 0), warehouse("W2", 1), warehouse("W3", 1)));
        assertEquals(List.of(List.of(at("W2", 1)), List.of(at("W2", 1)), List.of(at("W3", 1))), plan.allocations());
    }

    @Test
    void aSplitLineReusesAsManyParcelsAsItsFewestLocationsAllow() {
        // B (one location each) fixes S2; A needs two locations: S2 + the best of the rest, not W1 + W2.
        Stock stock = new Stock().put("A", "W1", 3, "W2", 3, "S2", 3).put("B", "S2", 1).put("C", "W3", 1);
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 5), line("B", 1), line("C", 1)), stock.map,
                List.of(warehouse("W1", 0), warehouse("W2", 0), warehouse("W3", 0), store("S2", 0)));
        assertEquals(List.of(at("W1", 3), at("S2", 2)), plan.allocations().get(0));
        assertEquals(3, plan.locations().size());
    }

    @Test
    void everyShortLineIsNamedWithWhatCanBeHadAndNothingIsAllocated() {
        Stock stock = new Stock()
                .put("A", "W1", 2, "S1", 1, "OFFLINE", 50)   // OFFLINE does not ship online: not counted
                .put("B", "W1", 9)
                .put("C", "W1", -3);                          // onHand below reserved reads as none
        SourcingPlan plan = Sourcing.ship(List.of(line("A", 5), line("B", 2), line("C", 1), line("D", 4)), stock.map,
                List.of(warehouse("W1", 0), store("S1", 0)));
        assertFalse(plan.complete());
        assertEquals(List.of(new Shortage(0, 3), new Shortage(2, 0), new Shortage(3, 0)), plan.shortages());
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), plan.allocations());
        assertEquals(List.of(), plan.locations());
    }

    @Test
    void clickAndCollectTakesTheStoresOwnStockFirstAndTransfersTheRest() {
        Stock stock = new Stock().put("A", "S1", 1, "W1", 5, "W2", 5).put("B", "S1", 2, "W1", 5);
        SourcingPlan plan = Sourcing.collect("S1", List.of(line("A", 3), line("B", 2)), stock.map,
                List.of(warehouse("W2", 0), warehouse("W1", 1), store("S1", 0)));
        assertTrue(plan.complete());
        assertEquals(List.of(List.of(at("S1", 1), at("W2", 2)), List.of(at("S1", 2))), plan.allocations());
    }

    @Test
    void whatTheStoreLacksComesInAsFewTransfersAsPossible() {
        // The store has neither line in full; W1 ranks first but only W2 can send both remainders.
        Stock stock = new Stock().put("A", "S1", 1, "W1", 9, "W2", 2).put("B", "W2", 1);
        SourcingPlan plan = Sourcing.collect("S1", List.of(line("A", 3), line("B", 1)), stock.map,
                List.of(warehouse("W1", 0), warehouse("W2", 1)));
        assertEquals(List.of(List.of(at("S1", 1), at("W2", 2)), List.of(at("W2", 1))), plan.allocations());
    }

    @Test
    void aStoreMissingFromTheStockMapGetsEverythingByTransfer() {
        Stock stock = new Stock().put("A", "W1", 4).put("B", "W1", 1);
        SourcingPlan plan = Sourcing.collect("S9", List.of(line("A", 3), line("B", 1)), stock.map,
                List.of(warehouse("W1", 0)));
        assertEquals(List.of(List.of(at("W1", 3)), List.of(at("W1", 1))), plan.allocations());
    }

    @Test
    void clickAndCollectIsShortWhenStoreAndShippingLocationsTogetherAreShort() {
        Stock stock = new Stock().put("A", "S1", 1, "W1", 1).put("B", "S1", 4);
        SourcingPlan plan = Sourcing.collect("S1", List.of(line("A", 3), line("B", 4), line("C", 1)), stock.map,
                List.of(warehouse("W1", 0), store("S1", 0)));
        assertEquals(List.of(new Shortage(0, 2), new Shortage(2, 0)), plan.shortages(),
                "the store's units count once, though it also ships online");
    }

    @Test
    void refusesTwoLinesOfOneSkuAndACandidateListedTwice() {
        Stock stock = new Stock().put("A", "W1", 9);
        assertThrows(IllegalArgumentException.class,
                () -> Sourcing.ship(List.of(line("A", 1), line("A", 2)), stock.map, List.of(warehouse("W1", 0))));
        assertThrows(IllegalArgumentException.class,
                () -> Sourcing.ship(List.of(line("A", 1)), stock.map, List.of(warehouse("W1", 0), warehouse("W1", 1))));
        assertThrows(IllegalArgumentException.class, () -> line("A", 0));
    }

    /**
     * Random shops and orders: whatever the plan, no line is over- or under-allocated, no location
     * gives more than it has or is not a candidate, every line uses as few locations as it can, and
     * shortages are exactly the lines whose candidates together hold too little.
     */
    @Test
    void plansKeepTheirPromisesOnRandomShops() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int round = 0; round < 2_000; round++) {
            List<SourceLocation> candidates = new ArrayList<>();
            int locationCount = 1 + random.nextInt(6);
            for (int l = 0; l < locationCount; l++) {
                candidates.add(new SourceLocation("L" + l, random.nextBoolean(), DAY.plusDays(random.nextInt(3))));
            }
            Map<String, Map<String, Long>> available = new HashMap<>();
            List<LineRequest> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(5);
            for (int i = 0; i < lineCount; i++) {
                String sku = "SKU" + i;
                Map<String, Long> bySku = new HashMap<>();
                for (int l = 0; l < locationCount + 1; l++) {   // L<count> is not a candidate
                    if (random.nextInt(3) > 0) {
                        bySku.put("L" + l, (long) random.nextInt(-1, 6));
                    }
                }
                available.put(sku, bySku);
                lines.add(line(sku, 1 + random.nextInt(9)));
            }
            boolean collect = random.nextBoolean();
            SourcingPlan plan = collect
                    ? Sourcing.collect("L0", lines, available, candidates)
                    : Sourcing.ship(lines, available, candidates);

            List<Shortage> expectedShortages = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                long total = 0;
                for (SourceLocation candidate : candidates) {
                    total += Math.max(0, available.get(lines.get(i).sku()).getOrDefault(candidate.locationId(), 0L));
                }
                if (total < lines.get(i).quantity()) {
                    expectedShortages.add(new Shortage(i, total));
                }
            }
            String where = "round " + round + " " + (collect ? "collect" : "ship") + " " + lines + " " + available;
            assertEquals(expectedShortages, plan.shortages(), where);
            assertEquals(lines.size(), plan.allocations().size(), where);
            if (!plan.complete()) {
                assertTrue(plan.allocations().stream().allMatch(List::isEmpty), where);
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                Map<String, Long> bySku = available.get(lines.get(i).sku());
                List<Allocation> allocations = plan.allocations().get(i);
                assertEquals(lines.get(i).quantity(), allocations.stream().mapToInt(Allocation::quantity).sum(), where);
                for (Allocation allocation : allocations) {
                    assertTrue(candidates.stream().anyMatch(c -> c.locationId().equals(allocation.locationId())), where);
                    assertTrue(allocation.quantity() <= bySku.getOrDefault(allocation.locationId(), 0L), where);
                }
                assertEquals(allocations.size(), allocations.stream().map(Allocation::locationId).distinct().count(), where);
                if (!collect) {
                    assertEquals(fewestLocations(lines.get(i).quantity(), bySku, candidates), allocations.size(), where);
                }
            }
        }
    }

    /** How few candidates can hold a quantity together: the largest holdings first. */
    private static int fewestLocations(int quantity, Map<String, Long> bySku, List<SourceLocation> candidates) {
        List<Long> holdings = new ArrayList<>();
        for (SourceLocation candidate : candidates) {
            holdings.add(Math.max(0, bySku.getOrDefault(candidate.locationId(), 0L)));
        }
        holdings.sort((a, b) -> Long.compare(b, a));
        int count = 0;
        for (long sum = 0; sum < quantity; count++) {
            sum += holdings.get(count);
        }
        return count;
    }
}
