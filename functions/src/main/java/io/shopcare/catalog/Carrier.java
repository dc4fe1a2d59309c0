package io.shopcare.catalog;

import io.shopcare.outcome.Refusal;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A carrier the shop ships with, as the merchant pushes it. Quotes offer one option per carrier
 * and method it serves; {@code deliverySlots} (HOME only) are the time windows a customer may pick.
 * A carrier that breaks a rule cannot be made: the constructor refuses it with every problem.
 */
public record Carrier(String carrierId, String name, List<Method> methods, TransitDays transitDays, Money price,
                      Money freeFrom, String trackingUrl, List<DeliverySlot> deliverySlots) {

    /** How a carrier delivers: to the customer's door, or to a pickup point. */
    public enum Method { HOME, PICKUP_POINT }

    /** Calendar days from dispatch to delivery, earliest and latest. */
    public record TransitDays(int min, int max) {
    }

    /** A delivery time window of a day, {@code from} before {@code to}. */
    public record DeliverySlot(LocalTime from, LocalTime to) {
        boolean overlaps(DeliverySlot other) {
            return from.isBefore(other.to) && other.from.isBefore(to);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", from.format(HOURS_MINUTES));
            json.put("to", to.format(HOURS_MINUTES));
            return json;
        }
    }

    public static final String TRACKING_NUMBER = "{trackingNumber}";
    public static final int MAX_TRANSIT_DAYS = 60;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TRACKING_URL_LENGTH = 500;
    public static final int MAX_DELIVERY_SLOTS = 24;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    public Carrier {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(transitDays, "transitDays");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
        methods = List.copyOf(methods);
        deliverySlots = deliverySlots == null ? List.of() : List.copyOf(deliverySlots);
        List<Refusal.Problem> problems = problems(carrierId, name, methods, transitDays, price, freeFrom, trackingUrl,
                deliverySlots);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    /**
     * Every rule a carrier's parts break, each named by its path in the merchant's request. A null
     * part is skipped (the request reader has already said why it is missing), so the reader can
     * report these together with its own problems in one answer.
     */
    public static List<Refusal.Problem> problems(String carrierId, String name, List<Method> methods,
                                                 TransitDays transitDays, Money price, Money freeFrom,
                                                 String trackingUrl, List<DeliverySlot> deliverySlots) {
        List<Refusal.Problem> problems = new ArrayList<>();
        if (carrierId != null && !ID.matcher(carrierId).matches()) {
            problems.add(new Refusal.Problem("carrierId", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (name != null && (name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH)) {
            problems.add(new Refusal.Problem("name", "must be between 1 and " + MAX_NAME_LENGTH + " characters"));
        }
        if (methods != null) {
            methodProblems(methods, problems);
        }
        if (transitDays != null) {
            transitProblems(transitDays, problems);
        }
        if (price != null && price.amount().signum() < 0) {
            problems.add(new Refusal.Problem("price.amount", "must not be negative"));
        }
        if (freeFrom != null) {
            if (freeFrom.amount().signum() < 0) {
                problems.add(new Refusal.Problem("freeFrom.amount", "must not be negative"));
            }
            if (price != null && !freeFrom.currency().equals(price.currency())) {
                problems.add(new Refusal.Problem("freeFrom.currency", "must be the price's currency " + price.currency()));
            }
        }
        if (trackingUrl != null && !isTrackingUrl(trackingUrl)) {
            problems.add(new Refusal.Problem("trackingUrl",
                    "must be an https URL of at most " + MAX_TRACKING_URL_LENGTH + " characters containing "
                            + TRACKING_NUMBER));
        }
        if (deliverySlots != null) {
            slotProblems(deliverySlots, methods, problems);
        }
        return problems;
    }

    private static void methodProblems(List<Method> methods, List<Refusal.Problem> problems) {
        if (methods.isEmpty()) {
            problems.add(new Refusal.Problem("methods", "must name at least one method"));
        }
        Set<Method> seen = new HashSet<>();
        for (int i = 0; i < methods.size(); i++) {
            if (!seen.add(methods.get(i))) {
                problems.add(new Refusal.Problem("methods[" + i + "]", "is listed twice"));
            }
        }
    }

    private static void transitProblems(TransitDays days, List<Refusal.Problem> problems) {
        if (days.min() < 0 || days.min() > MAX_TRANSIT_DAYS) {
            problems.add(new Refusal.Problem("transitDays.min", "must be between 0 and " + MAX_TRANSIT_DAYS));
        }
        if (days.max() < 0 || days.max() > MAX_TRANSIT_DAYS) {
            problems.add(new Refusal.Problem("transitDays.max", "must be between 0 and " + MAX_TRANSIT_DAYS));
        } else if (days.max() < days.min()) {
            problems.add(new Refusal.Problem("transitDays.max", "must not be less than min"));
        }
    }

    private static void slotProblems(List<DeliverySlot> slots, List<Method> methods, List<Refusal.Problem> problems) {
        if (slots.isEmpty()) {
            return;
        }
        if (slots.size() > MAX_DELIVERY_SLOTS) {
            problems.add(new Refusal.Problem("deliverySlots", "must have at most " + MAX_DELIVERY_SLOTS + " items"));
            return;
        }
        if (methods != null && !methods.contains(Method.HOME)) {
            problems.add(new Refusal.Problem("deliverySlots", "are for HOME delivery: this carrier does not deliver HOME"));
        }
        for (int i = 0; i < slots.size(); i++) {
            DeliverySlot slot = slots.get(i);
            if (!slot.from().isBefore(slot.to())) {
                problems.add(new Refusal.Problem("deliverySlots[" + i + "].to", "must be after from"));
                continue;
            }
            for (int earlier = 0; earlier < i; earlier++) {
                DeliverySlot other = slots.get(earlier);
                if (other.from().isBefore(other.to()) && slot.overlaps(other)) {
                    problems.add(new Refusal.Problem("deliverySlots[" + i + "]", "overlaps deliverySlots[" + earlier + "]"));
                    break;
                }
            }
        }
    }

    /** An absolute https URL with a host, no white space, with the placeholder somewhere in it. */
    private static boolean isTrackingUrl(String url) {
        if (url.length() > MAX_TRACKING_URL_LENGTH || !url.contains(TRACKING_NUMBER) || !url.startsWith("https://")
                || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            return false;
        }
        try {
            URI uri = new URI(url.replace(TRACKING_NUMBER, "0"));
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public boolean serves(Method method) {
        return methods.contains(method);
    }

    /** What delivery costs for goods worth {@code goodsTotal}: nothing once it reaches {@code freeFrom}. */
    public Money priceFor(Money goodsTotal) {
        if (!goodsTotal.currency().equals(price.currency())) {
            throw new IllegalArgumentException("goods in " + goodsTotal.currency() + ", carrier priced in "
                    + price.currency());
        }
        if (freeFrom != null && goodsTotal.amount().compareTo(freeFrom.amount()) >= 0) {
            return new Money(BigDecimal.ZERO.setScale(price.amount().scale()), price.currency());
        }
        return price;
    }

    /** The carrier's tracking page of a parcel: the template with the (URL-encoded) number filled in. */
    public String trackingUrlFor(String trackingNumber) {
        return trackingUrl.replace(TRACKING_NUMBER,
                URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("carrierId", carrierId);
        json.put("name", name);
        json.put("methods", methods.stream().map(Method::name).toList());
        json.put("transitDays", Map.of("min", transitDays.min(), "max", transitDays.max()));
        json.put("price", price.toJson());
        if (freeFrom != null) {
            json.put("freeFrom", freeFrom.toJson());
        }
        json.put("trackingUrl", trackingUrl);
        if (!deliverySlots.isEmpty()) {
            json.put("deliverySlots", deliverySlots.stream().map(DeliverySlot::toJson).toList());
        }
        return json;
    }

    /** Reads the stored JSON form back (see {@link #toJson()}). */
    public static Carrier fromJson(Map<?, ?> json) {
        Map<?, ?> transit = (Map<?, ?>) json.get("transitDays");
        List<DeliverySlot> slots = new ArrayList<>();
        if (json.get("deliverySlots") instanceof List<?> stored) {
            for (Object entry : stored) {
                Map<?, ?> slot = (Map<?, ?>) entry;
                slots.add(new DeliverySlot(LocalTime.parse((String) slot.get("from")),
                        LocalTime.parse((String) slot.get("to"))));
            }
        }
        return new Carrier((String) json.get("carrierId"), (String) json.get("name"),
                ((List<?>) json.get("methods")).stream().map(m -> Method.valueOf((String) m)).toList(),
                new TransitDays(((Number) transit.get("min")).intValue(), ((Number) transit.get("max")).intValue()),
                Money.fromJson((Map<?, ?>) json.get("price")),
                json.get("freeFrom") == null ? null : Money.fromJson((Map<?, ?>) json.get("freeFrom")),
                (String) json.get("trackingUrl"), slots);
    }
}
