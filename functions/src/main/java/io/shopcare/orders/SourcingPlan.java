package io.shopcare.orders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where each line comes from: {@code allocations.get(i)} are line i's units by location. When any
 * line is short, nothing is allocated (every line's list is empty) and {@code shortages} names every
 * short line: an order is reserved whole or not at all.
 */
public record SourcingPlan(List<List<Allocation>> allocations, List<Shortage> shortages) {

    public SourcingPlan {
        Objects.requireNonNull(allocations, "allocations");
        Objects.requireNonNull(shortages, "shortages");
        List<List<Allocation>> copy = new ArrayList<>(allocations.size());
        for (List<Allocation> line : allocations) {
            copy.add(List.copyOf(line));
        }
        allocations = List.copyOf(copy);
        shortages = List.copyOf(shortages);
    }

    /** No shortages: every line is allocated in full. */
    public boolean complete() {
        return shortages.isEmpty();
    }

    /** The distinct locations used, in order of first use: one parcel (or transfer) each. */
    public List<String> locations() {
        Set<String> seen = new LinkedHashSet<>();
        for (List<Allocation> line : allocations) {
            for (Allocation allocation : line) {
                seen.add(allocation.locationId());
            }
        }
        return List.copyOf(seen);
    }
}
