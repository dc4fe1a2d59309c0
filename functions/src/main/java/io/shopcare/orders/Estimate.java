package io.shopcare.orders;

import java.time.LocalDate;
import java.util.Objects;

/** A delivery (or pickup) window: the earliest and the latest date, both inclusive. */
public record Estimate(LocalDate earliest, LocalDate latest) {

    public Estimate {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest " + latest + " is before earliest " + earliest);
        }
    }

    /** Field-wise maximum: an order arrives complete only when its latest line has, at both ends. */
    public Estimate later(Estimate other) {
        return new Estimate(max(earliest, other.earliest), max(latest, other.latest));
    }

    /** Both ends moved to at least {@code date}: a pre-order line cannot come before its expected date. */
    public Estimate notBefore(LocalDate date) {
        return new Estimate(max(earliest, date), max(latest, date));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
