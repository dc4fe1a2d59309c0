package io.shopcare.catalog;

import io.shopcare.http.JsonInput;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A warehouse or store, as the merchant pushes it. */
public record Location(String locationId, String type, String name, Address address, String phone, String timezone,
                       List<OpeningHours> openingHours, boolean shipsOnline, boolean pickup, int processingDays) {

    public static final List<String> TYPES = List.of("WAREHOUSE", "STORE");
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
        return json;
    }

    /** Validates a PUT body; throws 400 listing every problem. */
    public static Location fromRequest(String locationId, JsonInput body) {
        body.allowOnly("type", "name", "address", "phone", "timezone", "openingHours", "shipsOnline", "pickup",
                "processingDays");
        String type = body.requiredEnum("type", TYPES);
        String name = body.requiredString("name", 1, 200);
        Address address = readAddress(body.requiredObject("address"));
        String phone = body.requiredMatching("phone", "\\+?[0-9 ()-]{5,20}", "must be a phone number such as +420 222 000 111");
        String timezone = body.requiredString("timezone", 1, 64);
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                body.problem("timezone", "must be an IANA time zone such as Europe/Prague");
            }
        }
        List<OpeningHours> hours = new ArrayList<>();
        List<JsonInput> hoursInput = body.requiredObjects("openingHours", 0, 14);
        if (hoursInput != null) {
            for (JsonInput entry : hoursInput) {
                OpeningHours parsed = readHours(entry);
                if (parsed != null) {
                    hours.add(parsed);
                }
            }
        }
        Boolean shipsOnline = body.requiredBoolean("shipsOnline");
        Boolean pickup = body.requiredBoolean("pickup");
        Integer processingDays = body.requiredInt("processingDays", 0, 30);
        body.validate();
        return new Location(locationId, type, name, address, phone, timezone, List.copyOf(hours), shipsOnline, pickup,
                processingDays);
    }

    private static Address readAddress(JsonInput address) {
        if (address == null) {
            return null;
        }
        address.allowOnly("street", "city", "postcode", "country");
        String street = address.requiredString("street", 1, 200);
        String city = address.requiredString("city", 1, 100);
        String postcode = address.requiredString("postcode", 1, 20);
        String country = address.requiredMatching("country", "[A-Z]{2}", "must be an ISO 3166-1 alpha-2 code such as CZ");
        if (country != null && !COUNTRIES.contains(country)) {
            address.problem("country", "is not a known ISO 3166-1 country");
        }
        return new Address(street, city, postcode, country);
    }

    private static OpeningHours readHours(JsonInput entry) {
        entry.allowOnly("day", "opens", "closes");
        String day = entry.requiredEnum("day", DAYS);
        LocalTime opens = readTime(entry, "opens");
        LocalTime closes = readTime(entry, "closes");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            entry.problem("closes", "must be after opens");
            return null;
        }
        return day == null || opens == null || closes == null ? null
                : new OpeningHours(day, opens.toString(), closes.toString());
    }

    private static LocalTime readTime(JsonInput entry, String field) {
        String text = entry.requiredMatching(field, "[0-2][0-9]:[0-5][0-9]", "must be a time HH:mm");
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            entry.problem(field, "must be a time HH:mm");
            return null;
        }
    }

    /** Reads the stored JSON form back (see {@link #toJson()}). */
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
                ((Number) json.get("processingDays")).intValue());
    }
}
