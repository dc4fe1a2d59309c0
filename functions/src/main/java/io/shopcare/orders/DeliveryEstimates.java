package io.shopcare.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Dispatch days and delivery windows from a location's calendar and its live backlog (orders.md,
 * "Delivery estimate from the live backlog"). Every date is a date in the location's own timezone:
 * a Prague warehouse's Monday starts at midnight in Prague, whatever the clock of the server says.
 */
public final class DeliveryEstimates {

    private DeliveryEstimates() {
    }

    /**
     * Dispatch day: first working day on or after today in the location's zone (after dispatchCutoff:
     * the next one; an order AT the cutoff minute, i.e. local time truncated to minutes == cutoff,
     * still counts today), plus processingDays working days, plus floor(backlog / dailyCapacity)
     * working days. Throws IllegalArgumentException when the location has no working days.
     *
     * <p>A negative backlog counts as none: a counter kept from a stream can dip below zero for a
     * moment (a shipment seen before its order), and that must not make an estimate earlier.
     */
    public static LocalDate dispatchDay(LocationCalendar location, Instant now, long backlog) {
        requireWorkingDays(location);
        ZonedDateTime local = now.atZone(location.zone());
        LocalTime minute = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        // "At the cutoff minute still counts": only a later minute moves the start to tomorrow.
        boolean afterCutoff = minute.isAfter(location.dispatchCutoff().truncatedTo(ChronoUnit.MINUTES));
        LocalDate start = afterCutoff ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        LocalDate first = firstWorkingDayOnOrAfter(location, start);
        long backlogDays = Math.max(0, backlog) / location.dailyCapacity();
        return plusWorkingDays(location, first, location.processingDays() + backlogDays);
    }

    /** Delivery = dispatch day + transitMin (earliest) / transitMax (latest) calendar days. */
    public static Estimate delivery(LocalDate dispatchDay, int transitMin, int transitMax) {
        if (transitMin < 0 || transitMax < transitMin) {
            throw new IllegalArgumentException("transit days must satisfy 0 <= min <= max: " + transitMin + ".." + transitMax);
        }
        return new Estimate(dispatchDay.plusDays(transitMin), dispatchDay.plusDays(transitMax));
    }

    /** Click & collect from a store's own stock: ready on the dispatch day (both ends). */
    public static Estimate pickupInStore(LocalDate dispatchDay) {
        return new Estimate(dispatchDay, dispatchDay);
    }

    /**
     * Units transferred to a store from a shipping location: dispatch day there + 1..2 days of
     * transfer, then the store's next working day on or after each end (a parcel that lands while
     * the store is closed is ready when it opens).
     */
    public static Estimate transferToStore(LocalDate shippingDispatchDay, LocationCalendar store) {
        requireWorkingDays(store);
        return new Estimate(firstWorkingDayOnOrAfter(store, shippingDispatchDay.plusDays(1)),
                firstWorkingDayOnOrAfter(store, shippingDispatchDay.plusDays(2)));
    }

    /**
     * modifiableUntil: the dispatchCutoff instant on that day in the location's zone. On a day
     * whose clocks skip the cutoff (a DST gap) it is the moment the clocks jump past it; on a day
     * that shows the cutoff twice, the earlier of the two (never promise more time than there is).
     */
    public static Instant cutoffOn(LocationCalendar location, LocalDate day) {
        return ZonedDateTime.of(day, location.dispatchCutoff(), location.zone()).toInstant();
    }

    /** storageUntil: today in the location's zone + storageDays (inclusive date). */
    public static LocalDate storageUntil(ZoneId zone, Instant now, int storageDays) {
        if (storageDays < 0) {
            throw new IllegalArgumentException("storageDays must be >= 0: " + storageDays);
        }
        return LocalDate.ofInstant(now, zone).plusDays(storageDays);
    }

    /** The location's date at {@code now}: "today" for that location. */
    public static LocalDate today(LocationCalendar location, Instant now) {
        return LocalDate.ofInstant(now, location.zone());
    }

    /** The first day on or after {@code day} on which the location works. */
    public static LocalDate firstWorkingDayOnOrAfter(LocationCalendar location, LocalDate day) {
        requireWorkingDays(location);
        LocalDate d = day;
        while (!location.worksOn(d.getDayOfWeek())) {
            d = d.plusDays(1);   // at most six steps: some weekday works
        }
        return d;
    }

    /** {@code count} working days after {@code workingDay} (itself a working day). */
    private static LocalDate plusWorkingDays(LocationCalendar location, LocalDate workingDay, long count) {
        // Every week holds exactly as many working days as the calendar has, so whole weeks are
        // jumped at once: a backlog of a million orders costs no million-step loop.
        int perWeek = location.workingDays().size();
        LocalDate d = workingDay.plusWeeks(count / perWeek);
        for (long left = count % perWeek; left > 0; left--) {
            d = firstWorkingDayOnOrAfter(location, d.plusDays(1));
        }
        return d;
    }

    private static void requireWorkingDays(LocationCalendar location) {
        Objects.requireNonNull(location, "location");
        if (location.workingDays().isEmpty()) {
            throw new IllegalArgumentException("location " + location.locationId() + " has no working days");
        }
    }
}
