package io.shopcare.orders;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dispatch days and delivery windows: cutoff, working days, backlog, time zones and DST. */
class DeliveryEstimatesTest {
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    // 2026-11-23 is a Monday; Prague is on CET (UTC+1) in November.
    private static final LocalDate MON = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THU = MON.plusDays(3);
    private static final LocalDate FRI = MON.plusDays(4);
    private static final LocalDate SAT = MON.plusDays(5);
    private static final LocalDate SUN = MON.plusDays(6);
    private static final LocalDate NEXT_MON = MON.plusWeeks(1);

    private static LocationCalendar warehouse(int processingDays, int dailyCapacity) {
        return new LocationCalendar("WH-PRG", PRAGUE, WEEKDAYS, LocalTime.of(14, 0), processingDays, dailyCapacity);
    }

    /** A store open Tuesday, Thursday and Saturday only. */
    private static LocationCalendar tueThuSatStore(int processingDays) {
        return new LocationCalendar("ST-BRNO", PRAGUE, EnumSet.of(TUESDAY, THURSDAY, SATURDAY), LocalTime.of(14, 0),
                processingDays, 200);
    }

    /** The instant when a Prague wall clock shows that date and time. */
    private static Instant prague(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(PRAGUE).toInstant();
    }

    private static LocalDate dispatch(LocationCalendar location, Instant now) {
        return DeliveryEstimates.dispatchDay(location, now, 0);
    }

    @Test
    void anOrderBeforeTheCutoffIsDispatchedTheSameDay() {
        assertEquals(MON, dispatch(warehouse(0, 200), prague(MON, "09:00")));
        assertEquals(MON, dispatch(warehouse(0, 200), prague(MON, "13:59:59")));
        assertEquals(MON, dispatch(warehouse(0, 200), prague(MON, "00:00")));
    }

    @Test
    void anOrderWithinTheCutoffMinuteStillCountsToday() {
        assertEquals(MON, dispatch(warehouse(0, 200), prague(MON, "14:00")));
        assertEquals(MON, dispatch(warehouse(0, 200), prague(MON, "14:00:59.999")));
    }

    @Test
    void anOrderAfterTheCutoffCountsFromTheNextWorkingDay() {
        assertEquals(TUE, dispatch(warehouse(0, 200), prague(MON, "14:01")));
        assertEquals(TUE, dispatch(warehouse(0, 200), prague(MON, "23:59")));
        assertEquals(NEXT_MON, dispatch(warehouse(0, 200), prague(FRI, "14:01")), "Friday afternoon skips the weekend");
    }

    @Test
    void aWeekendOrderWaitsForMondayWhateverTheTime() {
        for (LocalDate day : new LocalDate[] {SAT, SUN}) {
            for (String time : new String[] {"08:00", "14:00", "20:00"}) {
                assertEquals(NEXT_MON, dispatch(warehouse(0, 200), prague(day, time)), day + " " + time);
            }
        }
    }

    @Test
    void aLocationClosedOnSomeWeekdaysDispatchesOnlyOnItsOwnDays() {
        LocationCalendar store = tueThuSatStore(0);
        assertEquals(TUE, dispatch(store, prague(MON, "10:00")));
        assertEquals(TUE, dispatch(store, prague(TUE, "10:00")));
        assertEquals(THU, dispatch(store, prague(TUE, "15:00")), "after the cutoff: Wednesday is closed");
        assertEquals(THU, dispatch(store, prague(WED, "10:00")));
        assertEquals(NEXT_MON.plusDays(1), dispatch(store, prague(SAT, "15:00")), "Sunday and Monday are closed");
    }

    @Test
    void processingDaysAreWorkingDaysAfterTheFirstOne() {
        assertEquals(MON, dispatch(warehouse(0, 200), prague(MON, "10:00")));
        assertEquals(WED, dispatch(warehouse(2, 200), prague(MON, "10:00")));
        assertEquals(NEXT_MON, dispatch(warehouse(2, 200), prague(THU, "10:00")), "Thu + 2 working days skips the weekend");
        assertEquals(THU, dispatch(tueThuSatStore(1), prague(TUE, "10:00")));
        assertEquals(SAT, dispatch(tueThuSatStore(2), prague(TUE, "10:00")));
        // Tue -> Thu, Sat, Tue, Thu: more than a week of the store's days.
        assertEquals(THU.plusWeeks(1), dispatch(tueThuSatStore(4), prague(TUE, "10:00")));
    }

    @Test
    void theBacklogAddsOneWorkingDayPerFullDailyCapacity() {
        LocationCalendar location = warehouse(0, 100);
        Instant thursdayMorning = prague(THU, "10:00");
        assertEquals(THU, DeliveryEstimates.dispatchDay(location, thursdayMorning, 0));
        assertEquals(THU, DeliveryEstimates.dispatchDay(location, thursdayMorning, 99), "just below one day's capacity");
        assertEquals(FRI, DeliveryEstimates.dispatchDay(location, thursdayMorning, 100), "exactly one day's capacity");
        assertEquals(FRI, DeliveryEstimates.dispatchDay(location, thursdayMorning, 199));
        assertEquals(NEXT_MON, DeliveryEstimates.dispatchDay(location, thursdayMorning, 200), "two days: over the weekend");
        assertEquals(NEXT_MON, DeliveryEstimates.dispatchDay(location, thursdayMorning, 250), "above a multiple: floor");
        assertEquals(THU.plusWeeks(1), DeliveryEstimates.dispatchDay(location, thursdayMorning, 500), "five days: a week");
    }

    @Test
    void backlogAndProcessingDaysAddUp() {
        // Mon after the cutoff -> Tue, + 1 processing day -> Wed, + 3 backlog days -> next Mon.
        assertEquals(NEXT_MON, DeliveryEstimates.dispatchDay(warehouse(1, 10), prague(MON, "15:00"), 35));
    }

    @Test
    void aHugeBacklogIsCountedInWholeWeeksWithoutWalkingEveryDay() {
        // Five million working days of a Monday-to-Friday location are exactly a million weeks.
        assertEquals(MON.plusWeeks(1_000_000), DeliveryEstimates.dispatchDay(warehouse(0, 1), prague(MON, "10:00"), 5_000_000));
    }

    @Test
    void aNegativeBacklogCountsAsNone() {
        assertEquals(MON, DeliveryEstimates.dispatchDay(warehouse(0, 100), prague(MON, "10:00"), -250));
    }

    @Test
    void aLocationWithoutWorkingDaysHasNoDispatchDay() {
        LocationCalendar closed = new LocationCalendar("CLOSED", PRAGUE, Set.of(), LocalTime.of(14, 0), 0, 200);
        assertThrows(IllegalArgumentException.class, () -> DeliveryEstimates.dispatchDay(closed, prague(MON, "10:00"), 0));
        assertThrows(IllegalArgumentException.class, () -> DeliveryEstimates.transferToStore(MON, closed));
    }

    @Test
    void aCalendarRefusesCapacityBelowOneAndNegativeProcessing() {
        assertThrows(IllegalArgumentException.class, () -> warehouse(0, 0));
        assertThrows(IllegalArgumentException.class, () -> warehouse(-1, 200));
    }

    @Test
    void theCalendarKeepsItsOwnCopyOfTheWorkingDays() {
        Set<DayOfWeek> days = EnumSet.of(MONDAY);
        LocationCalendar location = new LocationCalendar("L", PRAGUE, days, LocalTime.of(14, 0), 0, 200);
        days.add(TUESDAY);
        assertEquals(NEXT_MON, dispatch(location, prague(TUE, "10:00")));
    }

    @Test
    void theDayIsTheLocationsDayNotUtcs() {
        // 23:15 UTC on Monday is already Tuesday 00:15 in Prague. With a late cutoff (23:30) a
        // reading in UTC would still see Monday before the cutoff.
        Instant lateMondayUtc = Instant.parse("2026-11-23T23:15:00Z");
        LocationCalendar prague = new LocationCalendar("P", PRAGUE, EVERY_DAY, LocalTime.of(23, 30), 0, 200);
        LocationCalendar utc = new LocationCalendar("U", ZoneOffset.UTC, EVERY_DAY, LocalTime.of(23, 30), 0, 200);
        assertEquals(TUE, dispatch(prague, lateMondayUtc));
        assertEquals(MON, dispatch(utc, lateMondayUtc));
        assertEquals(TUE, DeliveryEstimates.today(prague, lateMondayUtc));
        assertEquals(TUE.plusDays(7), DeliveryEstimates.storageUntil(PRAGUE, lateMondayUtc, 7));
        assertEquals(MON.plusDays(7), DeliveryEstimates.storageUntil(ZoneOffset.UTC, lateMondayUtc, 7));
        // And the cutoff is the location's 14:00: 13:30 UTC is 14:30 in Prague in winter.
        Instant halfPastOneUtc = Instant.parse("2026-11-23T13:30:00Z");
        assertEquals(TUE, dispatch(warehouse(0, 200), halfPastOneUtc));
        assertEquals(MON, dispatch(new LocationCalendar("U", ZoneOffset.UTC, WEEKDAYS, LocalTime.of(14, 0), 0, 200),
                halfPastOneUtc));
    }

    @Test
    void theCutoffFollowsTheLocalClockAcrossDaylightSavingChanges() {
        LocationCalendar everyDay = new LocationCalendar("P", PRAGUE, EVERY_DAY, LocalTime.of(14, 0), 0, 200);
        // Spring forward on Sunday 2026-03-29: the same 12:30 UTC is 13:30 on Saturday, 14:30 on Sunday.
        LocalDate springSat = LocalDate.of(2026, 3, 28);
        LocalDate springSun = LocalDate.of(2026, 3, 29);
        assertEquals(springSat, dispatch(everyDay, Instant.parse("2026-03-28T12:30:00Z")));
        assertEquals(springSun.plusDays(1), dispatch(everyDay, Instant.parse("2026-03-29T12:30:00Z")));
        assertEquals(Instant.parse("2026-03-28T13:00:00Z"), DeliveryEstimates.cutoffOn(everyDay, springSat));
        assertEquals(Instant.parse("2026-03-29T12:00:00Z"), DeliveryEstimates.cutoffOn(everyDay, springSun));
        // Fall back on Sunday 2026-10-25: 12:30 UTC is 14:30 on Saturday, 13:30 on Sunday.
        LocalDate fallSat = LocalDate.of(2026, 10, 24);
        LocalDate fallSun = LocalDate.of(2026, 10, 25);
        assertEquals(fallSun, dispatch(everyDay, Instant.parse("2026-10-24T12:30:00Z")));
        assertEquals(fallSun, dispatch(everyDay, Instant.parse("2026-10-25T12:30:00Z")));
        assertEquals(Instant.parse("2026-10-24T12:00:00Z"), DeliveryEstimates.cutoffOn(everyDay, fallSat));
        assertEquals(Instant.parse("2026-10-25T13:00:00Z"), DeliveryEstimates.cutoffOn(everyDay, fallSun));
    }

    @Test
    void aCutoffTheClocksSkipOrRepeatStillNamesOneInstant() {
        // 02:30 does not exist in Prague on 2026-03-29 (02:00 CET jumps to 03:00 CEST): the cutoff
        // is when the clocks pass it, 03:30 CEST. On 2026-10-25 02:30 happens twice: the first counts.
        LocationCalendar night = new LocationCalendar("N", PRAGUE, EVERY_DAY, LocalTime.of(2, 30), 0, 200);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), DeliveryEstimates.cutoffOn(night, LocalDate.of(2026, 3, 29)));
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), DeliveryEstimates.cutoffOn(night, LocalDate.of(2026, 10, 25)));
    }

    @Test
    void deliveryAddsTransitCalendarDaysToTheDispatchDay() {
        assertEquals(new Estimate(SAT, NEXT_MON), DeliveryEstimates.delivery(FRI, 1, 3), "transit counts weekend days");
        assertEquals(new Estimate(FRI, FRI), DeliveryEstimates.delivery(FRI, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DeliveryEstimates.delivery(FRI, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> DeliveryEstimates.delivery(FRI, -1, 2));
    }

    @Test
    void pickupFromTheStoresOwnStockIsReadyOnTheDispatchDay() {
        assertEquals(new Estimate(THU, THU), DeliveryEstimates.pickupInStore(THU));
    }

    @Test
    void aTransferTakesOneToTwoDaysAndWaitsForTheStoreToOpen() {
        LocationCalendar store = tueThuSatStore(0);
        // Shipped Wednesday: Thursday (open) .. Friday (closed -> Saturday).
        assertEquals(new Estimate(THU, SAT), DeliveryEstimates.transferToStore(WED, store));
        // Shipped Thursday: Friday (closed -> Saturday) .. Saturday.
        assertEquals(new Estimate(SAT, SAT), DeliveryEstimates.transferToStore(THU, store));
        // Shipped Friday: Saturday .. Sunday (closed; Monday too -> Tuesday).
        assertEquals(new Estimate(SAT, NEXT_MON.plusDays(1)), DeliveryEstimates.transferToStore(FRI, store));
        // A store open every weekday: no waiting.
        assertEquals(new Estimate(TUE, WED), DeliveryEstimates.transferToStore(MON, warehouse(0, 200)));
    }

    @Test
    void storageRunsFromTodayInclusive() {
        assertEquals(FRI.plusDays(7), DeliveryEstimates.storageUntil(PRAGUE, prague(FRI, "18:00"), 7));
        assertEquals(FRI, DeliveryEstimates.storageUntil(PRAGUE, prague(FRI, "18:00"), 0));
        assertThrows(IllegalArgumentException.class, () -> DeliveryEstimates.storageUntil(PRAGUE, prague(FRI, "18:00"), -1));
    }

    @Test
    void anOrderIsAsLateAsItsLatestLineAtEachEnd() {
        Estimate early = new Estimate(MON, FRI);
        Estimate late = new Estimate(WED, THU);
        assertEquals(new Estimate(WED, FRI), early.later(late));
        assertEquals(new Estimate(WED, FRI), late.later(early));
    }

    @Test
    void aPreorderLineIsNeverExpectedBeforeItsDate() {
        Estimate estimate = new Estimate(TUE, THU);
        assertEquals(new Estimate(WED, THU), estimate.notBefore(WED), "only the earliest moves");
        assertEquals(new Estimate(SAT, SAT), estimate.notBefore(SAT), "both move");
        assertEquals(estimate, estimate.notBefore(MON), "an earlier date changes nothing");
    }

    @Test
    void anEstimateEndsNoEarlierThanItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(FRI, THU));
    }
}
