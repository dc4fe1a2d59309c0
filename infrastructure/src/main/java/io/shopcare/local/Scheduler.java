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

    /** An EventBridge cron expression (six fields, UTC). */
    static final class Cron {
        private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
                "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        private final String[] fields;

        Cron(String text) {
            this.fields = text.trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("a cron expression has six fields: " + text);
            }
        }

        /** The first minute strictly after {@code after} that matches. */
        Instant next(Instant after) {
            ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            for (int i = 0; i < 60 * 24 * 366 * 2; i++, t = t.plusMinutes(1)) {
                if (matches(t)) {
                    return t.toInstant();
                }
            }
            throw new IllegalStateException("cron expression never fires within two years");
        }

        boolean matches(ZonedDateTime t) {
            int dayOfWeek = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
            return field(fields[0], t.getMinute(), List.of(), 0) && field(fields[1], t.getHour(), List.of(), 0)
                    && field(fields[2], t.getDayOfMonth(), List.of(), 1) && field(fields[3], t.getMonthValue(), MONTHS, 1)
                    && field(fields[4], dayOfWeek, DAYS, 1) && field(fields[5], t.getYear(), List.of(), 0);
        }

        private static boolean field(String spec, int value, List<String> names, int firstName) {
            for (String part : spec.split(",")) {
                if (part.equals("*") || part.equals("?")) {
                    return true;
                }
                int step = 1;
                String range = part;
                if (part.contains("/")) {
                    step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                    range = part.substring(0, part.indexOf('/'));
                }
                int low;
                int high;
                if (range.equals("*")) {
                    low = Integer.MIN_VALUE;
                    high = Integer.MAX_VALUE;
                } else if (range.contains("-")) {
                    low = number(range.substring(0, range.indexOf('-')), names, firstName);
                    high = number(range.substring(range.indexOf('-') + 1), names, firstName);
                } else {
                    low = number(range, names, firstName);
                    high = part.contains("/") ? Integer.MAX_VALUE : low;
                }
                if (value >= low && value <= high && (low == Integer.MIN_VALUE || (value - low) % step == 0)) {
                    return true;
                }
            }
            return false;
        }

        private static int number(String text, List<String> names, int firstName) {
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            return index >= 0 ? index + firstName : Integer.parseInt(text);
        }
    }
}
