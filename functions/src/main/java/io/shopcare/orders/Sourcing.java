package io.shopcare.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which locations fulfil each line of an order (orders.md, "Stock: reservation without
 * overselling", Sourcing). Pure: it reads a snapshot of what is available and proposes a plan;
 * the one atomic write that reserves it (and fails if the snapshot went stale) is the caller's.
 *
 * <p>What it optimises, in this order: every line served or the whole order refused; fewest
 * parcels (one location for everything when one can); each line from as few locations as possible;
 * then warehouses before stores, the earliest dispatch day, and the location id so that the same
 * input always gives the same plan.
 */
public final class Sourcing {

    /** Warehouses before stores, then the earliest dispatch, then the id (deterministic). */
    private static final Comparator<SourceLocation> PREFERENCE = Comparator
            .comparing((SourceLocation location) -> !location.warehouse())
            .thenComparing(SourceLocation::dispatchDay)
            .thenComparing(SourceLocation::locationId);

    /** Bounds the table that counts a line's ways to be served (lines have at most 99 units). */
    private static final long MAX_COUNTING_CELLS = 1_000_000;

    private Sourcing() {
    }

    /**
     * HOME / PICKUP_POINT: {@code available} is sku -> (locationId -> units available now).
     * Candidates are the shipping locations. One location that can take every line is preferred
     * (fewest parcels): warehouses before stores, then the earliest dispatchDay, then locationId
     * (deterministic). Otherwise lines are split, each line from as few locations as possible,
     * preferring locations already used by other lines of this order (fewest parcels overall), then
     * the same preference order. A line whose total available across candidates is below its
     * quantity is a Shortage (with that total); shortages are reported for EVERY short line.
     *
     * <p>Stock at locations that are not candidates is ignored, and a negative availability (onHand
     * set below what is reserved) counts as none.
     */
    public static SourcingPlan ship(List<LineRequest> lines, Map<String, Map<String, Long>> available,
                                    List<SourceLocation> candidates) {
        checkLines(lines);
        Stock stock = new Stock(available);
        List<SourceLocation> ranked = rank(candidates, null);
        List<Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            long total = stock.total(lines.get(i).sku(), ranked);
            if (total < lines.get(i).quantity()) {
                shortages.add(new Shortage(i, total));
            }
        }
        if (!shortages.isEmpty()) {
            return refused(lines.size(), shortages);
        }
        return new SourcingPlan(allocate(lines, stock, ranked), List.of());
    }

    /**
     * STORE (click & collect) at storeId: the store's own stock first; what it lacks comes from the
     * shipping candidates as in ship() (allocation entries for other locations mean transfer).
     *
     * <p>The store's entry comes first in a line's allocations. The store is never also used as a
     * shipping source for its own order (its stock was already taken first), so a line is short when
     * the store's units plus the other candidates' units are below its quantity.
     */
    public static SourcingPlan collect(String storeId, List<LineRequest> lines,
                                       Map<String, Map<String, Long>> available, List<SourceLocation> candidates) {
        Objects.requireNonNull(storeId, "storeId");
        checkLines(lines);
        Stock stock = new Stock(available);
        List<SourceLocation> ranked = rank(candidates, storeId);

        List<Shortage> shortages = new ArrayList<>();
        int[] fromStore = new int[lines.size()];
        List<LineRequest> rest = new ArrayList<>();
        List<Integer> restIndex = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            long atStore = stock.units(line.sku(), storeId);
            long total = atStore + stock.total(line.sku(), ranked);
            if (total < line.quantity()) {
                shortages.add(new Shortage(i, total));
                continue;
            }
            fromStore[i] = (int) Math.min(atStore, line.quantity());
            if (fromStore[i] < line.quantity()) {
                rest.add(new LineRequest(line.sku(), line.quantity() - fromStore[i]));
                restIndex.add(i);
            }
        }
        if (!shortages.isEmpty()) {
            return refused(lines.size(), shortages);
        }

        // What the store lacks is one small shipping order of its own: same rules, fewest transfers.
        List<List<Allocation>> transfers = allocate(rest, stock, ranked);
        List<List<Allocation>> allocations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Allocation> line = new ArrayList<>();
            if (fromStore[i] > 0) {
                line.add(new Allocation(storeId, fromStore[i]));
            }
            allocations.add(line);
        }
        for (int r = 0; r < rest.size(); r++) {
            allocations.get(restIndex.get(r)).addAll(transfers.get(r));
        }
        return new SourcingPlan(allocations, List.of());
    }

    /** Every line can be served from {@code ranked}: decides where each unit comes from. */
    private static List<List<Allocation>> allocate(List<LineRequest> lines, Stock stock, List<SourceLocation> ranked) {
        for (SourceLocation location : ranked) {
            if (lines.stream().allMatch(line -> stock.units(line.sku(), location.locationId()) >= line.quantity())) {
                return lines.stream().map(line -> List.of(new Allocation(location.locationId(), line.quantity()))).toList();
            }
        }
        // Split. The most constrained lines choose first (the fewest ways to serve them from their
        // fewest locations: a line with one way has no choice), so the lines with a choice can then
        // follow them into a parcel that is going anyway. The true minimum of parcels is a set-cover
        // problem; this order finds it for the cases a shop meets (a line that must be split, lines
        // with one home, lines that could come from several).
        long[] ways = new long[lines.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ways[i] = waysToServe(holdings(lines.get(i).sku(), stock, ranked), lines.get(i).quantity());
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> ways[i]).thenComparingInt(i -> i));

        List<List<Allocation>> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            result.add(List.of());
        }
        Set<String> used = new HashSet<>();
        for (int i : order) {
            List<Allocation> picks = split(lines.get(i), stock, ranked, used);
            picks.forEach(pick -> used.add(pick.locationId()));
            result.set(i, picks);
        }
        return result;
    }

    /** How many units each ranked location holds of {@code sku}, in preference order (0 when none). */
    private static long[] holdings(String sku, Stock stock, List<SourceLocation> ranked) {
        return ranked.stream().mapToLong(location -> stock.units(sku, location.locationId())).toArray();
    }

    /** The number of fewest-location sets that can serve {@code quantity} (saturating; at least 1 when served). */
    private static long waysToServe(long[] holdings, int quantity) {
        int fewest = fewestLocations(holdings, quantity);
        if ((long) (fewest + 1) * (quantity + 1) > MAX_COUNTING_CELLS) {
            return Long.MAX_VALUE;   // a line far beyond the 99 units an order allows: "many ways", it chooses last
        }
        // ways[j][s]: sets of j locations holding s units together, s capped at the quantity.
        long[][] ways = new long[fewest + 1][quantity + 1];
        ways[0][0] = 1;
        for (long held : holdings) {
            if (held <= 0) {
                continue;
            }
            for (int j = fewest; j >= 1; j--) {
                for (int s = quantity; s >= 0; s--) {
                    long from = ways[j - 1][s];
                    if (from != 0) {
                        int to = (int) Math.min(quantity, s + held);
                        ways[j][to] = saturatingAdd(ways[j][to], from);
                    }
                }
            }
        }
        return ways[fewest][quantity];
    }

    /** The fewest locations that hold {@code quantity} together: the largest holdings first. */
    private static int fewestLocations(long[] holdings, int quantity) {
        long[] largestFirst = holdings.clone();
        Arrays.sort(largestFirst);
        int fewest = 0;
        for (long sum = 0; sum < quantity; fewest++) {
            sum += largestFirst[largestFirst.length - 1 - fewest];
        }
        return fewest;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * One line from the fewest locations; among those, the most already used by this order; among
     * those, the most preferred (compared location by location in preference order).
     */
    private static List<Allocation> split(LineRequest line, Stock stock, List<SourceLocation> ranked, Set<String> used) {
        List<String> holders = new ArrayList<>();   // in preference order
        List<Long> units = new ArrayList<>();
        for (SourceLocation location : ranked) {
            long n = stock.units(line.sku(), location.locationId());
            if (n > 0) {
                holders.add(location.locationId());
                units.add(n);
            }
        }
        int quantity = line.quantity();

        int fewest = fewestLocations(units.stream().mapToLong(Long::longValue).toArray(), quantity);

        // Most reuse: the largest number of already-used locations that still fits in `fewest`.
        List<Long> usedUnits = new ArrayList<>();
        List<Long> newUnits = new ArrayList<>();
        for (int h = 0; h < holders.size(); h++) {
            (used.contains(holders.get(h)) ? usedUnits : newUnits).add(units.get(h));
        }
        int reuse = Math.min(fewest, usedUnits.size());
        while (reuse > 0 && largest(usedUnits, reuse) + largest(newUnits, fewest - reuse) < quantity) {
            reuse--;
        }

        // Most preferred: walk in preference order and take a location whenever the rest can still
        // complete the line within the quotas (the best completion is the largest holdings left).
        int quotaUsed = reuse;
        int quotaNew = fewest - reuse;
        List<Integer> chosen = new ArrayList<>();
        long sum = 0;
        for (int h = 0; h < holders.size() && quotaUsed + quotaNew > 0; h++) {
            boolean isUsed = used.contains(holders.get(h));
            if ((isUsed ? quotaUsed : quotaNew) == 0) {
                continue;
            }
            int leftUsed = quotaUsed - (isUsed ? 1 : 0);
            int leftNew = quotaNew - (isUsed ? 0 : 1);
            long best = sum + units.get(h)
                    + largest(after(h, holders, units, used, true), leftUsed)
                    + largest(after(h, holders, units, used, false), leftNew);
            if (best >= quantity) {
                chosen.add(h);
                sum += units.get(h);
                quotaUsed = leftUsed;
                quotaNew = leftNew;
            }
        }

        // The most preferred location gets the most units. No location ends with zero: that would
        // mean fewer locations sufficed.
        List<Allocation> picks = new ArrayList<>();
        int left = quantity;
        for (int h : chosen) {
            int take = (int) Math.min(units.get(h), left);
            if (take > 0) {
                picks.add(new Allocation(holders.get(h), take));
                left -= take;
            }
        }
        if (left != 0) {
            throw new IllegalStateException("line " + line.sku() + " left " + left + " units unplaced");
        }
        return picks;
    }

    /** Holdings after position {@code h}, of used or of new locations. */
    private static List<Long> after(int h, List<String> holders, List<Long> units, Set<String> used, boolean ofUsed) {
        List<Long> rest = new ArrayList<>();
        for (int i = h + 1; i < holders.size(); i++) {
            if (used.contains(holders.get(i)) == ofUsed) {
                rest.add(units.get(i));
            }
        }
        return rest;
    }

    /** The sum of the {@code count} largest values (all of them when there are fewer). */
    private static long largest(List<Long> values, int count) {
        return values.stream().sorted(Comparator.reverseOrder()).limit(Math.max(0, count)).mapToLong(Long::longValue).sum();
    }

    private static SourcingPlan refused(int lineCount, List<Shortage> shortages) {
        List<List<Allocation>> none = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            none.add(List.of());
        }
        return new SourcingPlan(none, shortages);
    }

    /** The candidates in preference order, without {@code excluded}; one entry per location. */
    private static List<SourceLocation> rank(List<SourceLocation> candidates, String excluded) {
        Objects.requireNonNull(candidates, "candidates");
        Set<String> seen = new HashSet<>();
        List<SourceLocation> ranked = new ArrayList<>();
        for (SourceLocation candidate : candidates) {
            if (!seen.add(candidate.locationId())) {
                throw new IllegalArgumentException("candidate " + candidate.locationId() + " is listed twice");
            }
            if (!candidate.locationId().equals(excluded)) {
                ranked.add(candidate);
            }
        }
        ranked.sort(PREFERENCE);
        return ranked;
    }

    private static void checkLines(List<LineRequest> lines) {
        Objects.requireNonNull(lines, "lines");
        Set<String> skus = new HashSet<>();
        for (LineRequest line : lines) {
            if (!skus.add(line.sku())) {
                // Two lines of one SKU would each see the whole stock and could oversell it together.
                throw new IllegalArgumentException("sku " + line.sku() + " appears on two lines");
            }
        }
    }

    /** Read access to the availability snapshot: missing means none, negative means none. */
    private record Stock(Map<String, Map<String, Long>> available) {
        Stock {
            Objects.requireNonNull(available, "available");
        }

        long units(String sku, String locationId) {
            Map<String, Long> bySku = available.get(sku);
            Long units = bySku == null ? null : bySku.get(locationId);
            return units == null ? 0 : Math.max(0, units);
        }

        long total(String sku, List<SourceLocation> locations) {
            return locations.stream().mapToLong(location -> units(sku, location.locationId())).sum();
        }
    }
}
