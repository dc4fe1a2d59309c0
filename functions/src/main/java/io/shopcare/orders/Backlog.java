package io.shopcare.orders;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which locations count an order in their backlog: those it is sourced from while it waits for
 * dispatch (placed, unpaid or paid, packed). Shipped, ready for pickup, handed over or cancelled
 * orders count nowhere.
 */
public final class Backlog {

    private Backlog() {
    }

    /** The locations whose backlog {@code order} is in; empty for none (or for no order). */
    public static Set<String> locations(Order order) {
        Set<String> locations = new LinkedHashSet<>();
        if (order != null && order.status().awaitingDispatch()) {
            order.lines().forEach(line -> line.allocations().forEach(a -> locations.add(a.locationId())));
        }
        return locations;
    }

    /** What one change of an order does to the backlogs: locations it joins and locations it leaves. */
    public record Change(Set<String> joined, Set<String> left) {
    }

    public static Change change(Order before, Order after) {
        Set<String> was = locations(before);
        Set<String> is = locations(after);
        Set<String> joined = new LinkedHashSet<>(is);
        joined.removeAll(was);
        Set<String> left = new LinkedHashSet<>(was);
        left.removeAll(is);
        return new Change(joined, left);
    }
}
