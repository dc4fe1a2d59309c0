package io.shopcare.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How instants are written. {@link Instant#toString} prints as many fraction digits as the clock
 * gave (nine on Linux, fewer when they end in zeros, none for a whole second), so the same field
 * changed length from one write to the next, and an order item's size with it (its write units).
 */
public final class Instants {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /**
     * For answers and the timeline details they show: whole seconds, as the contract writes
     * instants ({@code 2026-11-22T14:03:00Z}).
     */
    public static String answered(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * For stored items and their keys: milliseconds, always 24 characters, so a key orders as time
     * does and an item reads back the instant its keys were made from.
     */
    public static String stored(Instant instant) {
        return MILLIS.format(instant);
    }
}
