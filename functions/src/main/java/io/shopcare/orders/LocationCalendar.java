package io.shopcare.orders;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the delivery estimate needs to know about a location: its timezone, the days it works
 * (the days it has opening hours), when the day's dispatch closes, how long it takes to prepare an
 * order and how many orders it dispatches per working day.
 *
 * <p>An empty {@code workingDays} is allowed here (a location may be set up before its hours are
 * known); asking such a location for a dispatch day is what fails.
 */
public record LocationCalendar(String locationId, ZoneId zone, Set<DayOfWeek> workingDays,
                               LocalTime dispatchCutoff, int processingDays, int dailyCapacity) {

    public LocationCalendar {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(dispatchCutoff, "dispatchCutoff");
        if (processingDays < 0) {
            throw new IllegalArgumentException("processingDays must be >= 0: " + processingDays);
        }
        // Capacity divides the backlog: zero would mean "never dispatches", which no shop means.
        if (dailyCapacity < 1) {
            throw new IllegalArgumentException("dailyCapacity must be >= 1: " + dailyCapacity);
        }
        // An immutable copy, so a caller's set changing later cannot move an estimate.
        workingDays = workingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
    }

    public boolean worksOn(DayOfWeek day) {
        return workingDays.contains(day);
    }
}
