package io.shopcare.orders;

import java.util.Objects;

/** Units of one line reserved at one location (the order's {@code allocations} entries). */
public record Allocation(String locationId, int quantity) {

    public Allocation {
        Objects.requireNonNull(locationId, "locationId");
        // A zero allocation would reserve nothing yet count as a parcel.
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
        }
    }
}
