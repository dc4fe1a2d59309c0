package io.shopcare.orders.aws;

import io.shopcare.http.ApiRequest;
import io.shopcare.http.JsonInput;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.json.Json;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.Language;
import io.shopcare.orders.AftercareService;
import io.shopcare.orders.LineRequest;
import io.shopcare.orders.Order;
import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.OrderRules.AdminEvent;
import io.shopcare.orders.OrderService.AdminEventRequest;
import io.shopcare.orders.OrderService.DeliveryRequest;
import io.shopcare.orders.OrderService.PlaceRequest;
import io.shopcare.orders.Ticket;
import io.shopcare.outcome.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Order request bodies read into the domain's requests: every rule a body must follow, each problem
 * named by its path, so one 400 lists them all. Unknown fields are refused at every level.
 */
final class OrderRequests {
    private static final List<String> METHODS = names(DeliveryMethod.values());
    private static final List<String> PAYMENTS = names(PaymentMethod.values());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private static final String AMOUNT = "(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?";
    /** A ticket's or a resolution's text. */
    private static final int MAX_MESSAGE = 2000;

    private OrderRequests() {
    }

    static List<LineRequest> lines(JsonInput body) {
        List<JsonInput> entries = body.requiredObjects("lines", 1, Order.MAX_LINES);
        List<LineRequest> lines = new ArrayList<>();
        if (entries != null) {
            for (JsonInput entry : entries) {
                entry.allowOnly("sku", "quantity");
                String sku = entry.requiredMatching("sku", ID, "must be a SKU (1-64 letters, digits, '.', '_' or '-')");
                Integer quantity = entry.requiredInt("quantity", 1, Order.MAX_QUANTITY);
                if (sku != null) {
                    // A missing or malformed SKU is a recorded problem: validate() refuses the body with all of them.
                    lines.add(new LineRequest(sku, quantity == null ? 1 : quantity));
                }
            }
        }
        return lines;
    }

    record Quote(List<LineRequest> lines, DeliveryMethod method, String storeId) {
    }

    static Quote quote(JsonInput body) {
        body.allowOnly("lines", "delivery");
        List<LineRequest> lines = lines(body);
        JsonInput delivery = body.requiredObject("delivery");
        String method = null;
        String storeId = null;
        if (delivery != null) {
            delivery.allowOnly("method", "postcode", "storeId");
            method = delivery.requiredEnum("method", METHODS);
            delivery.optionalString("postcode", 1, 20);
            storeId = delivery.optionalMatching("storeId", ID, "must be a location id");
            if (storeId != null && !"STORE".equals(method)) {
                delivery.problem("storeId", "is only for method STORE");
            }
        }
        body.validate();
        return new Quote(lines, DeliveryMethod.valueOf(method), storeId);
    }

    static PlaceRequest place(JsonInput body, String acceptLanguage) {
        body.allowOnly("customer", "lines", "delivery", "payment");
        Order.Customer customer = customer(body.requiredObject("customer"), acceptLanguage);
        List<LineRequest> lines = lines(body);
        DeliveryRequest delivery = delivery(body.requiredObject("delivery"));
        JsonInput payment = body.requiredObject("payment");
        String method = null;
        if (payment != null) {
            payment.allowOnly("method");
            method = payment.requiredEnum("method", PAYMENTS);
        }
        body.validate();
        return new PlaceRequest(customer, lines, delivery, PaymentMethod.valueOf(method));
    }

    private static Order.Customer customer(JsonInput customer, String acceptLanguage) {
        if (customer == null) {
            return null;
        }
        customer.allowOnly("email", "name", "locale", "phone");
        String email = customer.requiredString("email", 3, EmailAddress.MAX_LENGTH);
        Optional<EmailAddress> address = email == null ? Optional.empty() : EmailAddress.parse(email);
        if (email != null && address.isEmpty()) {
            customer.problem("email", "must be an e-mail address");
        }
        String name = customer.requiredString("name", 1, 200);
        String locale = customer.optionalString("locale", 2, 35);
        String phone = customer.optionalMatching("phone", "\\+?[0-9 ()-]{5,20}", "must be a phone number such as +420 777 000 111");
        Language language = locale != null ? Language.ofTag(locale) : null;
        if (language == null) {
            language = Language.fromAcceptLanguage(acceptLanguage);
        }
        return new Order.Customer(address.map(EmailAddress::normalised).orElse(email), name, language.tag(), phone);
    }

    private static DeliveryRequest delivery(JsonInput delivery) {
        if (delivery == null) {
            return null;
        }
        delivery.allowOnly("method", "carrier", "address", "pickupPointId", "storeId", "slot");
        String method = delivery.requiredEnum("method", METHODS);
        String carrier = delivery.optionalMatching("carrier", ID, "must be a carrier id");
        JsonInput addressInput = delivery.optionalObject("address");
        Map<String, Object> address = addressInput == null ? null : address(addressInput);
        String pickupPointId = delivery.optionalMatching("pickupPointId", ID, "must be a pickup point id");
        String storeId = delivery.optionalMatching("storeId", ID, "must be a location id");
        JsonInput slotInput = delivery.optionalObject("slot");
        Order.Slot slot = slotInput == null ? null : slot(slotInput);
        if (method != null) {
            switch (DeliveryMethod.valueOf(method)) {
                case HOME -> {
                    require(delivery, carrier, "carrier", "is required for HOME delivery");
                    require(delivery, address != null ? "" : null, "address", "is required for HOME delivery");
                    forbid(delivery, storeId, "storeId", "is only for STORE");
                    forbid(delivery, pickupPointId, "pickupPointId", "is only for PICKUP_POINT");
                }
                case PICKUP_POINT -> {
                    require(delivery, carrier, "carrier", "is required for PICKUP_POINT delivery");
                    require(delivery, pickupPointId, "pickupPointId", "is required for PICKUP_POINT delivery");
                    forbid(delivery, storeId, "storeId", "is only for STORE");
                }
                case STORE -> {
                    require(delivery, storeId, "storeId", "is required for STORE pickup");
                    forbid(delivery, carrier, "carrier", "is not used for STORE pickup");
                    forbid(delivery, pickupPointId, "pickupPointId", "is only for PICKUP_POINT");
                }
            }
            if (slot != null && !"HOME".equals(method)) {
                delivery.problem("slot", "is only for HOME delivery");
            }
        }
        return new DeliveryRequest(method == null ? null : DeliveryMethod.valueOf(method), carrier, address,
                pickupPointId, storeId, slot);
    }

    private static void require(JsonInput input, String value, String field, String problem) {
        if (value == null && !input.has(field)) {
            input.problem(field, problem);
        }
    }

    private static void forbid(JsonInput input, String value, String field, String problem) {
        if (value != null) {
            input.problem(field, problem);
        }
    }

    private static Map<String, Object> address(JsonInput address) {
        address.allowOnly("name", "street", "city", "postcode", "country");
        Map<String, Object> json = new LinkedHashMap<>();
        String name = address.optionalString("name", 1, 200);
        if (name != null) {
            json.put("name", name);
        }
        json.put("street", address.requiredString("street", 1, 200));
        json.put("city", address.requiredString("city", 1, 100));
        json.put("postcode", address.requiredString("postcode", 1, 20));
        String country = address.requiredMatching("country", "[A-Z]{2}", "must be an ISO 3166-1 alpha-2 code such as CZ");
        if (country != null && !COUNTRIES.contains(country)) {
            address.problem("country", "is not a known ISO 3166-1 country");
        }
        json.put("country", country);
        return json;
    }

    static Order.Slot slot(JsonInput slot) {
        slot.allowOnly("date", "from", "to");
        LocalDate date = date(slot, "date");
        String from = slot.requiredMatching("from", TIME, "must be a time such as 08:00");
        String to = slot.requiredMatching("to", TIME, "must be a time such as 12:00");
        return new Order.Slot(date, from, to);
    }

    private static LocalDate date(JsonInput input, String field) {
        String raw = input.requiredMatching(field, "[0-9]{4}-[0-9]{2}-[0-9]{2}", "must be a date such as 2026-11-25");
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            input.problem(field, "must be a real date");
            return null;
        }
    }

    /** PATCH: the new full set of lines. */
    static List<LineRequest> modification(JsonInput body) {
        body.allowOnly("lines");
        List<LineRequest> lines = lines(body);
        body.validate();
        return lines;
    }

    /** Cancellation: some units of some lines, or (no body, {} or no lines) the whole order. */
    static List<LineRequest> cancellation(ApiRequest request) {
        String raw = request.body();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        JsonInput body = request.jsonBody().allowOnly("lines");
        if (!body.has("lines")) {
            if (Json.parseObject(raw).containsKey("lines")) {
                // "lines": null is not "absent": a client's unset variable must not cancel the whole order.
                body.problem("lines", "must be an array of lines; leave it out to cancel the whole order");
            }
            body.validate();
            return null;
        }
        List<LineRequest> lines = lines(body);
        body.validate();
        return lines;
    }

    static PaymentMethod payment(JsonInput body) {
        body.allowOnly("method");
        String method = body.requiredEnum("method", PAYMENTS);
        body.validate();
        return PaymentMethod.valueOf(method);
    }

    record DeliveryChange(Integer extendPickupDays, Order.Slot slot) {
    }

    static DeliveryChange deliveryChange(JsonInput body) {
        body.allowOnly("extendPickupDays", "deliverySlot");
        Integer days = body.optionalInt("extendPickupDays", 1, 7);
        JsonInput slotInput = body.optionalObject("deliverySlot");
        Order.Slot slot = slotInput == null ? null : slot(slotInput);
        if (!body.has("extendPickupDays") && !body.has("deliverySlot")) {
            body.problem("extendPickupDays", "give extendPickupDays or deliverySlot");
        }
        body.validate();
        return new DeliveryChange(days, slot);
    }

    static AdminEventRequest adminEvent(JsonInput body) {
        body.allowOnly("type", "carrier", "trackingNumber", "trackingUrl", "pickupPoint", "returnId", "amount", "reason");
        String type = body.requiredEnum("type", names(AdminEvent.values()));
        String carrier = body.optionalMatching("carrier", ID, "must be a carrier id");
        String trackingNumber = body.optionalMatching("trackingNumber", "[A-Za-z0-9-]{1,64}",
                "must be 1-64 letters, digits or '-'");
        String trackingUrl = body.optionalMatching("trackingUrl", "https://[^\\s\"<>]{1,500}", "must be an https URL");
        Map<String, Object> pickupPoint = null;
        JsonInput point = body.optionalObject("pickupPoint");
        if (point != null) {
            point.allowOnly("name", "address", "openingHours");
            pickupPoint = new LinkedHashMap<>();
            pickupPoint.put("name", point.requiredString("name", 1, 200));
            pickupPoint.put("address", point.requiredString("address", 1, 300));
            List<Map<String, Object>> hours = new ArrayList<>();
            List<JsonInput> entries = point.requiredObjects("openingHours", 0, 14);
            if (entries != null) {
                for (JsonInput entry : entries) {
                    entry.allowOnly("day", "opens", "closes");
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("day", entry.requiredEnum("day", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")));
                    h.put("opens", entry.requiredMatching("opens", TIME, "must be a time such as 09:00"));
                    h.put("closes", entry.requiredMatching("closes", TIME, "must be a time such as 18:00"));
                    hours.add(h);
                }
            }
            pickupPoint.put("openingHours", hours);
        }
        String returnId = body.optionalMatching("returnId", ID, "must be a return id");
        String amount = body.optionalMatching("amount", AMOUNT, "must be a decimal string such as \"12.50\"");
        String reason = body.optionalMatching("reason", "[A-Za-z_ ]{1,64}", "must be a short reason code");
        body.validate();
        BigDecimal value = amount == null ? null : new BigDecimal(amount);
        if (value != null && value.signum() <= 0) {
            throw Refusal.invalid("amount", "must be more than zero");
        }
        return new AdminEventRequest(AdminEvent.valueOf(type), carrier, trackingNumber, trackingUrl, pickupPoint, value,
                reason, returnId);
    }

    static AftercareService.ReturnRequest returnRequest(JsonInput body) {
        body.allowOnly("lines", "resolution", "exchangeSku");
        List<JsonInput> entries = body.requiredObjects("lines", 1, Order.MAX_LINES);
        List<AftercareService.ReturnLineRequest> lines = new ArrayList<>();
        if (entries != null) {
            for (JsonInput entry : entries) {
                entry.allowOnly("sku", "quantity", "reason");
                String sku = entry.requiredMatching("sku", ID, "must be a SKU (1-64 letters, digits, '.', '_' or '-')");
                Integer quantity = entry.requiredInt("quantity", 1, Order.MAX_QUANTITY);
                String reason = entry.requiredEnum("reason", names(Order.ReturnReason.values()));
                if (sku != null && quantity != null && reason != null) {
                    lines.add(new AftercareService.ReturnLineRequest(sku, quantity, Order.ReturnReason.valueOf(reason)));
                }
            }
        }
        String resolution = body.requiredEnum("resolution", names(Order.Resolution.values()));
        String exchangeSku = body.optionalMatching("exchangeSku", ID, "must be a SKU");
        if ("EXCHANGE".equals(resolution) && !body.has("exchangeSku")) {
            body.problem("exchangeSku", "is required for an exchange");
        }
        if ("REFUND".equals(resolution) && body.has("exchangeSku")) {
            body.problem("exchangeSku", "is only for resolution EXCHANGE");
        }
        body.validate();
        return new AftercareService.ReturnRequest(lines, Order.Resolution.valueOf(resolution), exchangeSku);
    }

    static AftercareService.TicketRequest ticketRequest(JsonInput body) {
        body.allowOnly("type", "message", "lines");
        String type = body.requiredEnum("type", names(Ticket.Type.values()));
        String message = body.has("message") ? body.optionalText("message", 1, MAX_MESSAGE) : null;
        if (!body.has("message")) {
            body.problem("message", "is required");
        }
        List<LineRequest> lines = null;
        List<JsonInput> entries = body.optionalObjects("lines", 1, Order.MAX_LINES);
        if (entries != null) {
            lines = new ArrayList<>();
            for (JsonInput entry : entries) {
                entry.allowOnly("sku", "quantity");
                String sku = entry.requiredMatching("sku", ID, "must be a SKU (1-64 letters, digits, '.', '_' or '-')");
                Integer quantity = entry.requiredInt("quantity", 1, Order.MAX_QUANTITY);
                lines.add(new LineRequest(sku == null ? "" : sku, quantity == null ? 1 : quantity));
            }
        }
        body.validate();
        return new AftercareService.TicketRequest(Ticket.Type.valueOf(type), message, lines);
    }

    static String resolution(JsonInput body) {
        body.allowOnly("message");
        String message = body.has("message") ? body.optionalText("message", 1, MAX_MESSAGE) : null;
        if (!body.has("message")) {
            body.problem("message", "is required");
        }
        body.validate();
        return message;
    }

    /** The shopper's order token from {@code Authorization: Bearer ...}, or null. */
    static String bearer(ApiRequest request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /** Keys are scoped to the caller: the same key on another order is another key. */
    static Optional<IdempotencyKey> scopedKey(ApiRequest request, String scope) {
        return request.idempotencyKey().map(k -> new IdempotencyKey(scope + ":" + k.key(), k.fingerprint()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
