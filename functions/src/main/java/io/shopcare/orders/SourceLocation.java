package io.shopcare.orders;

import java.time.LocalDate;
import java.util.Objects;

/** A location that ships online, with what sourcing ranks it by: warehouse or store, and its dispatch day now. */
public record SourceLocation(String locationId, boolean warehouse, LocalDate dispatchDay) {

    public SourceLocation {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(dispatchDay, "dispatchDay");
    }
}
