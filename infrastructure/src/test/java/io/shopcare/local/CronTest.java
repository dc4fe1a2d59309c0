package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EventBridge cron expressions as the local scheduler reads them: matching and the next firing. */
class CronTest {

    @Test
    void aStepOnAStarFiresEveryNthMinuteNotEveryMinute() {
        Scheduler.Cron every15 = new Scheduler.Cron("*/15 * * * ? *");
        assertEquals(List.of("2026-03-02T10:15:00Z", "2026-03-02T10:30:00Z", "2026-03-02T10:45:00Z",
                "2026-03-02T11:00:00Z"), firings(every15, "2026-03-02T10:07:30Z", 4));
        assertFalse(every15.matches(utc("2026-03-02T10:01:00Z")));
        assertTrue(every15.matches(utc("2026-03-02T10:00:00Z")));
    }

    @Test
    void stepsOnRangesAndOnAStartValueCountFromTheirStart() {
        assertEquals(List.of("2026-03-02T10:10:00Z", "2026-03-02T10:30:00Z", "2026-03-02T10:50:00Z",
                "2026-03-02T11:10:00Z"), firings(new Scheduler.Cron("10-50/20 * * * ? *"), "2026-03-02T10:00:00Z", 4));
        assertEquals(List.of("2026-03-02T10:05:00Z", "2026-03-02T10:15:00Z"),
                firings(new Scheduler.Cron("5/10 * * * ? *"), "2026-03-02T10:00:00Z", 2));
        assertEquals(List.of("2026-03-02T00:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T16:00:00Z"),
                firings(new Scheduler.Cron("0 */8 * * ? *"), "2026-03-01T23:59:00Z", 3));
    }

    @Test
    void listsRangesAndDayNamesPickTheRightMinutes() {
        // The template's digest: on the hour from 06:00 to 23:00 on Mondays.
        Scheduler.Cron digest = new Scheduler.Cron("0 6-23 ? * MON *");
        // 2026-03-01 is a Sunday.
        assertEquals(List.of("2026-03-02T06:00:00Z", "2026-03-02T07:00:00Z"), firings(digest, "2026-03-01T12:00:00Z", 2));
        assertEquals("2026-03-09T06:00:00Z", digest.next(Instant.parse("2026-03-02T23:00:00Z")).toString());

        Scheduler.Cron lists = new Scheduler.Cron("0,30 9 ? * mon,WED-FRI *");
        assertEquals(List.of("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", "2026-03-04T09:00:00Z"),
                firings(lists, "2026-03-01T00:00:00Z", 3));
        // Day-of-week numbers: SUN is 1, so 2 is Monday.
        assertEquals(new Scheduler.Cron("0 9 ? * MON *").next(Instant.parse("2026-03-01T00:00:00Z")),
                new Scheduler.Cron("0 9 ? * 2 *").next(Instant.parse("2026-03-01T00:00:00Z")));
    }

    @Test
    void monthNamesDaysOfMonthAndYearsNarrowTheDate() {
        assertEquals("2026-07-01T00:00:00Z",
                new Scheduler.Cron("0 0 1 JUL,DEC ? *").next(Instant.parse("2026-03-02T10:00:00Z")).toString());
        assertEquals("2026-12-01T00:00:00Z",
                new Scheduler.Cron("0 0 1 jul,dec ? *").next(Instant.parse("2026-07-01T00:00:00Z")).toString());
        assertEquals("2028-02-29T12:00:00Z",
                new Scheduler.Cron("0 12 29 2 ? 2027-2030").next(Instant.parse("2026-01-01T00:00:00Z")).toString());
        assertThrows(IllegalStateException.class,
                () -> new Scheduler.Cron("0 0 1 1 ? 2020").next(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void theNextFiringIsStrictlyAfterTheGivenInstant() {
        Scheduler.Cron hourly = new Scheduler.Cron("0 * * * ? *");
        assertEquals("2026-03-02T11:00:00Z", hourly.next(Instant.parse("2026-03-02T10:00:00Z")).toString());
        assertEquals("2026-03-02T11:00:00Z", hourly.next(Instant.parse("2026-03-02T10:59:59.999Z")).toString());
    }

    @Test
    void whatEventBridgeRejectsOrTheLocalStackDoesNotSupportFailsWithAClearMessage() {
        assertRejected("*/15 * * * *", "six fields");
        assertRejected("0 12 * * MON *", "exactly one of day-of-month and day-of-week must be ?");
        assertRejected("0 12 ? * ? *", "exactly one of day-of-month and day-of-week must be ?");
        assertRejected("? 12 * * ? *", "? is only allowed in day-of-month or day-of-week");
        assertRejected("0 12 L * ? *", "L, W and # (in day-of-month) are not supported");
        assertRejected("0 12 15W * ? *", "L, W and # (in day-of-month) are not supported");
        assertRejected("0 12 ? * 6#3 *", "L, W and # (in day-of-week) are not supported");
        assertRejected("60 * * * ? *", "60 in minutes is outside 0-59");
        assertRejected("0 24 * * ? *", "24 in hours is outside 0-23");
        assertRejected("0 0 ? * 8 *", "8 in day-of-week is outside 1-7");
        assertRejected("0 0 1 FOO ? *", "'FOO' in month is not a number or one of");
        assertRejected("*/0 * * * ? *", "0 in minutes is outside 1-");
        assertRejected("0 20-5 * * ? *", "runs backwards");
    }

    private static void assertRejected(String expression, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Scheduler.Cron(expression));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("cron(" + expression + ")"), e.getMessage());
    }

    private static List<String> firings(Scheduler.Cron cron, String from, int count) {
        List<String> times = new ArrayList<>();
        Instant t = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            t = cron.next(t);
            assertTrue(cron.matches(utc(t.toString())), "next() gave a time that does not match: " + t);
            times.add(t.toString());
        }
        return times;
    }

    private static ZonedDateTime utc(String instant) {
        return Instant.parse(instant).atZone(ZoneOffset.UTC);
    }
}
