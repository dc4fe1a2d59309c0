package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.DateTime;

/**
 * Runs the template's Schedule events as EventBridge would: {@code rate(...)} and
 * {@code cron(min hour day-of-month month day-of-week year)} in UTC, each firing one
 * {@link ScheduledEvent}. Supports *, ?, numbers, names (MON, JAN), ranges, lists and steps.
 */
final class Scheduler implements AutoCloseable {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final AsyncInvoker async;

    /** EventBridge invokes its targets asynchronously: retries and the failure destination come from {@code async}. */
    Scheduler(AsyncInvoker async) {
        this.async = async;
    }

    void add(LocalFunction function, String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long minutes = Long.parseLong(rate.group(1)) * switch (rate.group(2)) {
                case "hour", "hours" -> 60;
                case "day", "days" -> 1440;
                default -> 1;
            };
            timer.scheduleAtFixedRate(() -> fire(function, Instant.now()), minutes, minutes, TimeUnit.MINUTES);
            return;
        }
        Matcher cron = CRON.matcher(expression);
        if (!cron.matches()) {
            throw new IllegalArgumentException("unsupported schedule " + expression);
        }
        Cron schedule = new Cron(cron.group(1));
        scheduleNext(function, schedule);
    }

    private void scheduleNext(LocalFunction function, Cron schedule) {
        Instant next = schedule.next(Instant.now());
        timer.schedule(() -> {
            fire(function, next);
            scheduleNext(function, schedule);
        }, Duration.between(Instant.now(), next).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Hands the function, asynchronously, the event EventBridge sends for a schedule that fired at {@code time}. */
    void fire(LocalFunction function, Instant time) {
        async.submit(function, event(function, time));
    }

    /** The event EventBridge sends for a schedule of this function that fired at {@code time}. */
    static ScheduledEvent event(LocalFunction function, Instant time) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(java.util.UUID.randomUUID().toString());
        event.setSource("aws.events");
        event.setDetailType("Scheduled Event");
        event.setAccount("000000000000");
        event.setRegion(LocalStack.REGION);
        event.setTime(new DateTime(time.toEpochMilli(), org.joda.time.DateTimeZone.UTC));
        event.setResources(List.of("arn:aws:events:local:000000000000:rule/" + function.name()));
        event.setDetail(java.util.Map.of());
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * An EventBridge cron expression: minutes, hours, day-of-month, month, day-of-week, year, in
     * UTC. Each field takes numbers, names (JAN-DEC, SUN-SAT; SUN is 1), {@code *}, ranges,
     * lists and steps ({@code 0/15}, {@code 10-50/20}, and a step on a star); exactly one of the two day
     * fields is {@code ?}, as EventBridge demands. L, W and # are rejected: nothing here needs them.
     */
    static final class Cron {
        private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
                "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        private static final int LAST_YEAR = 2199;
        private final String text;
        private final Field minutes;
        private final Field hours;
        private final Field daysOfMonth;
        private final Field months;
        private final Field daysOfWeek;
        private final Field years;

        Cron(String text) {
            this.text = text;
            String[] fields = text.trim().split("\\s+");
            if (fields.length != 6) {
                throw invalid(text, "it needs six fields (minutes hours day-of-month month day-of-week year)");
            }
            boolean anyDayOfMonth = fields[2].equals("?");
            boolean anyDayOfWeek = fields[4].equals("?");
            if (anyDayOfMonth == anyDayOfWeek) {
                throw invalid(text, "exactly one of day-of-month and day-of-week must be ?");
            }
            this.minutes = Field.parse(text, "minutes", fields[0], 0, 59, List.of(), false);
            this.hours = Field.parse(text, "hours", fields[1], 0, 23, List.of(), false);
            this.daysOfMonth = Field.parse(text, "day-of-month", fields[2], 1, 31, List.of(), true);
            this.months = Field.parse(text, "month", fields[3], 1, 12, MONTHS, false);
            this.daysOfWeek = Field.parse(text, "day-of-week", fields[4], 1, 7, DAYS, true);
            this.years = Field.parse(text, "year", fields[5], 1970, LAST_YEAR, List.of(), false);
        }

        /** The first minute strictly after {@code after} that matches. */
        Instant next(Instant after) {
            ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            while (t.getYear() <= LAST_YEAR) {
                if (!matchesDay(t)) {
                    t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                } else if (!hours.has(t.getHour())) {
                    t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                } else if (!minutes.has(t.getMinute())) {
                    t = t.plusMinutes(1);
                } else {
                    return t.toInstant();
                }
            }
            throw new IllegalStateException("cron(" + text + ") never fires after " + after);
        }

        boolean matches(ZonedDateTime t) {
            ZonedDateTime utc = t.withZoneSameInstant(ZoneOffset.UTC);
            return matchesDay(utc) && hours.has(utc.getHour()) && minutes.has(utc.getMinute());
        }

        private boolean matchesDay(ZonedDateTime t) {
            // EventBridge numbers the days SUN=1 .. SAT=7.
            int dayOfWeek = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
            return years.has(t.getYear()) && months.has(t.getMonthValue())
                    && (daysOfMonth.any() || daysOfMonth.has(t.getDayOfMonth()))
                    && (daysOfWeek.any() || daysOfWeek.has(dayOfWeek));
        }

        private static IllegalArgumentException invalid(String text, String why) {
            return new IllegalArgumentException("cron(" + text + ") is not a valid EventBridge cron expression: " + why);
        }

        /** The values one field allows; {@code any} for {@code ?}. */
        private record Field(java.util.BitSet values, boolean any) {
            boolean has(int value) {
                return value >= 0 && values.get(value);
            }

            static Field parse(String text, String name, String spec, int min, int max, List<String> names,
                               boolean questionMarkAllowed) {
                if (spec.equals("?")) {
                    if (!questionMarkAllowed) {
                        throw invalid(text, "? is only allowed in day-of-month or day-of-week, not in " + name);
                    }
                    return new Field(new java.util.BitSet(), true);
                }
                java.util.BitSet values = new java.util.BitSet();
                for (String part : spec.split(",", -1)) {
                    int step = 1;
                    String range = part;
                    int slash = part.indexOf('/');
                    if (slash >= 0) {
                        step = number(text, name, part.substring(slash + 1), List.of(), 1, Integer.MAX_VALUE);
                        range = part.substring(0, slash);
                    }
                    int low;
                    int high;
                    if (range.equals("*")) {
                        low = min;
                        high = max;
                    } else if (range.contains("-")) {
                        String[] ends = range.split("-", -1);
                        if (ends.length != 2) {
                            throw invalid(text, "bad range " + range + " in " + name);
                        }
                        low = number(text, name, ends[0], names, min, max);
                        high = number(text, name, ends[1], names, min, max);
                        if (low > high) {
                            throw invalid(text, "the range " + range + " in " + name + " runs backwards");
                        }
                    } else {
                        low = number(text, name, range, names, min, max);
                        // "5/10" means from 5 to the end in steps of 10.
                        high = slash >= 0 ? max : low;
                    }
                    for (int v = low; v <= high; v += step) {
                        values.set(v);
                    }
                }
                return new Field(values, false);
            }

            private static int number(String text, String field, String token, List<String> names, int min, int max) {
                int index = names.indexOf(token.toUpperCase(Locale.ROOT));
                if (index >= 0) {
                    return index + 1;
                }
                int value;
                try {
                    value = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    if (token.matches(".*[LW#].*")) {
                        throw invalid(text, "L, W and # (in " + field + ") are not supported by the local stack");
                    }
                    throw invalid(text, "'" + token + "' in " + field + " is not a number"
                            + (names.isEmpty() ? "" : " or one of " + names));
                }
                if (value < min || value > max) {
                    throw invalid(text, value + " in " + field + " is outside " + min + "-" + max);
                }
                return value;
            }
        }
    }
}
