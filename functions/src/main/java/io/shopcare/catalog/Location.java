package io.shopcare.catalog;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A warehouse or store, as the merchant pushes it. Working days are the days it has opening hours.
 * {@code dispatchCutoff} (local time): orders sourced here after it count from the next working day;
 * {@code dailyCapacity}: orders it dispatches per working day (turns its backlog into days);
 * {@code storageDays}: how long a pickup waits at a STORE.
 */
public record Location(String locationId, String type, String name, Address address, String phone, String timezone,
                       List<OpeningHours> openingHours, boolean shipsOnline, boolean pickup, int processingDays,
                       LocalTime dispatchCutoff, int dailyCapacity, int storageDays) {

    public static final List<String> TYPES = List.of("WAREHOUSE", "STORE");
    public static final LocalTime DEFAULT_DISPATCH_CUTOFF = LocalTime.of(14, 0);
    public static final int DEFAULT_DAILY_CAPACITY = 200;
    public static final int MAX_DAILY_CAPACITY = 100_000;
    public static final int DEFAULT_STORAGE_DAYS = 7;
    /** Longer than any shop keeps a parcel; the customer may extend by up to 7 more days. */
    public static final int MAX_STORAGE_DAYS = 60;
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public record Address(String street, String city, String postcode, String country) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("street", street);
            json.put("city", city);
            json.put("postcode", postcode);
            json.put("country", country);
            return json;
        }
    }

    public record OpeningHours(String day, String opens, String closes) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("day", day);
            json.put("opens", opens);
            json.put("closes", closes);
            return json;
        }
    }

    public boolean isStore() {
        return "STORE".equals(type);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("locationId", locationId);
        json.put("type", type);
        json.put("name", name);
        json.put("address", address.toJson());
        json.put("phone", phone);
        json.put("timezone", timezone);
        json.put("openingHours", openingHours.stream().map(OpeningHours::toJson).toList());
        json.put("shipsOnline", shipsOnline);
        json.put("pickup", pickup);
        json.put("processingDays", processingDays);
        json.put("dispatchCutoff", dispatchCutoff.format(HOURS_MINUTES));
        json.put("dailyCapacity", dailyCapacity);
        json.put("storageDays", storageDays);
        return json;
    }

    /**
     * Reads the stored JSON form back (see {@link #toJson()}). Documents stored before
     * {@code dispatchCutoff}, {@code dailyCapacity} and {@code storageDays} existed get their defaults.
     */
    public static Location fromJson(Map<?, ?> json) {
        Map<?, ?> address = (Map<?, ?>) json.get("address");
        List<OpeningHours> hours = new ArrayList<>();
        for (Object entry : (List<?>) json.get("openingHours")) {
            Map<?, ?> h = (Map<?, ?>) entry;
            hours.add(new OpeningHours((String) h.get("day"), (String) h.get("opens"), (String) h.get("closes")));
        }
        return new Location((String) json.get("locationId"), (String) json.get("type"), (String) json.get("name"),
                new Address((String) address.get("street"), (String) address.get("city"),
                        (String) address.get("postcode"), (String) address.get("country")),
                (String) json.get("phone"), (String) json.get("timezone"), List.copyOf(hours),
                (Boolean) json.get("shipsOnline"), (Boolean) json.get("pickup"),
                ((Number) json.get("processingDays")).intValue(),
                json.get("dispatchCutoff") instanceof String cutoff ? LocalTime.parse(cutoff) : DEFAULT_DISPATCH_CUTOFF,
                json.get("dailyCapacity") instanceof Number capacity ? capacity.intValue() : DEFAULT_DAILY_CAPACITY,
                json.get("storageDays") instanceof Number days ? days.intValue() : DEFAULT_STORAGE_DAYS);
    }
}
