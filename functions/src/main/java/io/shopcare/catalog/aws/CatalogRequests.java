package io.shopcare.catalog.aws;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.http.JsonInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The merchant's request bodies read into catalog values: every rule a body must follow, with
 * each problem named by its path, so one 400 lists them all.
 */
public final class CatalogRequests {
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final List<String> METHODS = Arrays.stream(Carrier.Method.values()).map(Enum::name).toList();

    private CatalogRequests() {
    }

    /** PUT /admin/locations/{locationId}: the body as a location, or a refusal listing every problem. */
    public static Location location(String locationId, JsonInput body) {
        body.allowOnly("type", "name", "address", "phone", "timezone", "openingHours", "shipsOnline", "pickup",
                "processingDays", "dispatchCutoff", "dailyCapacity", "storageDays");
        String type = body.requiredEnum("type", Location.TYPES);
        String name = body.requiredString("name", 1, 200);
        Location.Address address = readAddress(body.requiredObject("address"));
        String phone = body.requiredMatching("phone", "\\+?[0-9 ()-]{5,20}", "must be a phone number such as +420 222 000 111");
        String timezone = body.requiredString("timezone", 1, 64);
        // A region of the time-zone database, never a fixed offset such as +02:00: working days and
        // cutoffs follow the location's clock through daylight saving time.
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            body.problem("timezone", "must be an IANA time zone such as Europe/Prague");
        }
        List<Location.OpeningHours> hours = new ArrayList<>();
        List<JsonInput> hoursInput = body.requiredObjects("openingHours", 0, 14);
        if (hoursInput != null) {
            for (JsonInput entry : hoursInput) {
                Location.OpeningHours parsed = readHours(entry);
                if (parsed != null) {
                    hours.add(parsed);
                }
            }
        }
        Boolean shipsOnline = body.requiredBoolean("shipsOnline");
        Boolean pickup = body.requiredBoolean("pickup");
        // Its working days are the days it has opening hours: a location that ships or hands over
        // with none could never dispatch. One being set up says so with both flags false.
        if (hoursInput != null && hoursInput.isEmpty() && (Boolean.TRUE.equals(shipsOnline) || Boolean.TRUE.equals(pickup))) {
            body.problem("openingHours", "must name at least one day when shipsOnline or pickup is true: "
                    + "the days with opening hours are the location's working days");
        }
        Integer processingDays = body.requiredInt("processingDays", 0, 30);
        LocalTime dispatchCutoff = body.has("dispatchCutoff") ? readTime(body, "dispatchCutoff") : null;
        Integer dailyCapacity = body.optionalInt("dailyCapacity", 1, Location.MAX_DAILY_CAPACITY);
        Integer storageDays = body.optionalInt("storageDays", 1, Location.MAX_STORAGE_DAYS);
        body.validate();
        return new Location(locationId, type, name, address, phone, timezone, List.copyOf(hours), shipsOnline, pickup,
                processingDays, dispatchCutoff == null ? Location.DEFAULT_DISPATCH_CUTOFF : dispatchCutoff,
                dailyCapacity == null ? Location.DEFAULT_DAILY_CAPACITY : dailyCapacity,
                storageDays == null ? Location.DEFAULT_STORAGE_DAYS : storageDays);
    }

    private static Location.Address readAddress(JsonInput address) {
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
        return new Location.Address(street, city, postcode, country);
    }

    private static Location.OpeningHours readHours(JsonInput entry) {
        entry.allowOnly("day", "opens", "closes");
        String day = entry.requiredEnum("day", DAYS);
        LocalTime opens = readTime(entry, "opens");
        LocalTime closes = readTime(entry, "closes");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            entry.problem("closes", "must be after opens");
            return null;
        }
        return day == null || opens == null || closes == null ? null
                : new Location.OpeningHours(day, opens.toString(), closes.toString());
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

    /**
     * PUT /admin/carriers/{carrierId}: the body as a carrier, or a refusal listing every problem,
     * those of its shape (types, formats) and those of the carrier's own rules together.
     */
    public static Carrier carrier(String carrierId, JsonInput body) {
        body.allowOnly("name", "methods", "transitDays", "price", "freeFrom", "trackingUrl", "deliverySlots");
        String name = body.requiredString("name", 1, Carrier.MAX_NAME_LENGTH);
        List<String> methodNames = body.requiredStrings("methods", 1, METHODS.size() * 2,
                method -> METHODS.contains(method) ? null : "must be one of " + String.join(", ", METHODS));
        List<Carrier.Method> methods = methodNames == null || body.hasProblemsAt("methods") ? null
                : methodNames.stream().map(Carrier.Method::valueOf).toList();
        Carrier.TransitDays transitDays = readTransitDays(body.requiredObject("transitDays"));
        Money price = money(body.requiredObject("price"));
        Money freeFrom = money(body.optionalObject("freeFrom"));
        String trackingUrl = body.requiredString("trackingUrl", 1, Carrier.MAX_TRACKING_URL_LENGTH);
        List<Carrier.DeliverySlot> slots = readSlots(body);
        for (var problem : Carrier.problems(carrierId, name, methods, transitDays, price, freeFrom, trackingUrl, slots)) {
            body.problem(problem.field(), problem.problem());
        }
        body.validate();
        return new Carrier(carrierId, name, methods, transitDays, price, freeFrom, trackingUrl, slots);
    }

    private static Carrier.TransitDays readTransitDays(JsonInput transit) {
        if (transit == null) {
            return null;
        }
        transit.allowOnly("min", "max");
        Integer min = transit.requiredInt("min", 0, Carrier.MAX_TRANSIT_DAYS);
        Integer max = transit.requiredInt("max", 0, Carrier.MAX_TRANSIT_DAYS);
        return min == null || max == null ? null : new Carrier.TransitDays(min, max);
    }

    /** The slots as given, or null when any is malformed (the carrier's rules name slots by their index). */
    private static List<Carrier.DeliverySlot> readSlots(JsonInput body) {
        List<JsonInput> inputs = body.optionalObjects("deliverySlots", 0, Carrier.MAX_DELIVERY_SLOTS);
        if (inputs == null) {
            return body.has("deliverySlots") ? null : List.of();
        }
        List<Carrier.DeliverySlot> slots = new ArrayList<>();
        for (JsonInput input : inputs) {
            input.allowOnly("from", "to");
            LocalTime from = readTime(input, "from");
            LocalTime to = readTime(input, "to");
            if (from != null && to != null) {
                slots.add(new Carrier.DeliverySlot(from, to));
            }
        }
        return body.hasProblemsAt("deliverySlots") ? null : List.copyOf(slots);
    }

    /** PUT /admin/products/{productId}: the body as a product, or a refusal listing every problem. */
    public static Product product(String productId, JsonInput body) {
        body.allowOnly("name", "description", "categoryIds", "position", "attributes", "price", "lowStockThreshold",
                "variants");
        String name = body.requiredString("name", 1, 200);
        String description = body.optionalText("description", 0, 5000);
        List<String> categoryIds = body.requiredStrings("categoryIds", 1, 10,
                id -> id.matches(ID) ? null : "must be 1-64 letters, digits, '.', '_' or '-'");
        Integer position = body.optionalInt("position", 0, 1_000_000);
        Map<String, String> attributes = body.optionalStringMap("attributes", 20, 200);
        Money price = money(body.requiredObject("price"));
        Integer threshold = body.optionalInt("lowStockThreshold", 0, 1000);
        List<Product.Variant> variants = new ArrayList<>();
        List<JsonInput> variantInputs = body.requiredObjects("variants", 1, Product.MAX_VARIANTS);
        Set<String> skus = new HashSet<>();
        if (variantInputs != null) {
            for (JsonInput input : variantInputs) {
                Product.Variant variant = readVariant(input, price);
                if (variant != null && !skus.add(variant.sku())) {
                    input.problem("sku", "is used by another variant of this product");
                } else if (variant != null) {
                    variants.add(variant);
                }
            }
        }
        body.validate();
        return new Product(productId, name, description, List.copyOf(new java.util.LinkedHashSet<>(categoryIds)),
                position, attributes == null ? Map.of() : Map.copyOf(attributes), price,
                threshold == null ? Product.DEFAULT_LOW_STOCK_THRESHOLD : threshold, List.copyOf(variants));
    }

    private static Product.Variant readVariant(JsonInput input, Money productPrice) {
        input.allowOnly("sku", "size", "colour", "price", "preorder");
        String sku = input.requiredMatching("sku", ID, "must be 1-64 letters, digits, '.', '_' or '-'");
        String size = input.optionalString("size", 1, 20);
        String colour = input.optionalString("colour", 1, 40);
        Money price = money(input.optionalObject("price"));
        if (price != null && productPrice != null && !price.currency().equals(productPrice.currency())) {
            input.problem("price", "must be in the product's currency " + productPrice.currency());
        }
        Product.Preorder preorder = null;
        JsonInput preorderInput = input.optionalObject("preorder");
        if (preorderInput != null) {
            preorderInput.allowOnly("expectedDate", "limit");
            String date = preorderInput.requiredMatching("expectedDate", "[0-9]{4}-[0-9]{2}-[0-9]{2}", "must be a date YYYY-MM-DD");
            if (date != null) {
                try {
                    LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    preorderInput.problem("expectedDate", "must be a date YYYY-MM-DD");
                    date = null;
                }
            }
            Integer limit = preorderInput.requiredInt("limit", 1, 100_000);
            preorder = date == null || limit == null ? null : new Product.Preorder(date, limit);
        }
        return sku == null ? null : new Product.Variant(sku, size, colour, price, preorder);
    }

    /** Reads and validates {@code {"amount": "49.90", "currency": "EUR"}}; null (with problems recorded) if invalid. */
    static Money money(JsonInput object) {
        if (object == null) {
            return null;
        }
        object.allowOnly("amount", "currency");
        String currencyCode = object.requiredMatching("currency", "[A-Z]{3}", "must be an ISO 4217 code such as EUR");
        String amountText = object.requiredMatching("amount", "(0|[1-9][0-9]{0,8})(\\.[0-9]{1,4})?",
                "must be a decimal string such as \"49.90\"");
        Currency currency = null;
        if (currencyCode != null) {
            try {
                currency = Currency.getInstance(currencyCode);
            } catch (IllegalArgumentException e) {
                object.problem("currency", "is not a known ISO 4217 currency");
            }
        }
        if (amountText == null || currency == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(amountText);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.scale() > digits) {
            object.problem("amount", "must have at most " + digits + " decimal places for " + currencyCode);
            return null;
        }
        return new Money(amount.setScale(digits), currencyCode);
    }
}
