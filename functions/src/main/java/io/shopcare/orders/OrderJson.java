package io.shopcare.orders;

import io.shopcare.catalog.Money;
import io.shopcare.json.Instants;
import io.shopcare.orders.Order.Customer;
import io.shopcare.orders.Order.Deadlines;
import io.shopcare.orders.Order.Delivery;
import io.shopcare.orders.Order.Line;
import io.shopcare.orders.Order.Parcel;
import io.shopcare.orders.Order.Payment;
import io.shopcare.orders.Order.Pickup;
import io.shopcare.orders.Order.Slot;
import io.shopcare.orders.Order.TimelineEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order's JSON forms: the stored document (everything, including what only the clock and the
 * stream consumers need) and the answer (the contract's order object). One mapping both ways, so
 * the stored form and the answer cannot drift apart.
 */
public final class OrderJson {

    private OrderJson() {
    }

    /** The contract's order object with its {@code allowedActions}. */
    public static Map<String, Object> answer(Order order, List<OrderRules.Action> allowedActions) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", order.orderId());
        json.put("status", order.status().name());
        json.put("createdAt", Instants.answered(order.createdAt()));
        json.put("customer", customer(order.customer()));
        json.put("lines", order.lines().stream().map(line -> line(line, false)).toList());
        json.put("delivery", delivery(order.delivery()));
        json.put("deliveryPrice", money(order.deliveryPrice()));
        json.put("total", order.total().toJson());
        json.put("estimatedDelivery", estimate(order.estimatedDelivery()));
        if (order.modifiableUntil() != null && allowedActions.contains(OrderRules.Action.MODIFY)) {
            json.put("modifiableUntil", Instants.answered(order.modifiableUntil()));
        }
        json.put("payment", payment(order.payment(), false));
        if (!order.parcels().isEmpty()) {
            json.put("tracking", parcel(order.parcels().get(order.parcels().size() - 1)));
        }
        if (order.pickup() != null) {
            Map<String, Object> pickup = new LinkedHashMap<>();
            pickup.put("location", order.pickup().location());
            pickup.put("openingHours", order.pickup().openingHours());
            pickup.put("storageUntil", order.pickup().storageUntil().toString());
            json.put("pickup", pickup);
        }
        if (order.returnUntil() != null) {
            json.put("returnUntil", order.returnUntil().toString());
            json.put("damageReportUntil", order.damageReportUntil().toString());
        }
        json.put("returns", order.aftercare().returns().stream().map(r -> returned(r, order.currency(), false)).toList());
        json.put("tickets", order.aftercare().tickets().stream().map(OrderJson::ticket).toList());
        json.put("timeline", order.timeline().stream().map(e -> timeline(e, false)).toList());
        json.put("allowedActions", allowedActions.stream().map(Enum::name).toList());
        return json;
    }

    /** Everything, for the order's item. */
    public static Map<String, Object> stored(Order order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", order.orderId());
        json.put("version", order.version());
        json.put("status", order.status().name());
        json.put("createdAt", Instants.stored(order.createdAt()));
        json.put("customer", customer(order.customer()));
        json.put("lines", order.lines().stream().map(line -> line(line, true)).toList());
        Map<String, Object> delivery = delivery(order.delivery());
        delivery.put("slotWindows", order.delivery().slotWindows());
        Order.DeliveryTerms terms = order.delivery().terms();
        if (terms != null) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("carrierName", terms.carrierName());
            putIfPresent(kept, "price", terms.price() == null ? null : money(terms.price()));
            putIfPresent(kept, "freeFrom", terms.freeFrom() == null ? null : money(terms.freeFrom()));
            delivery.put("terms", kept);
        }
        json.put("delivery", delivery);
        json.put("deliveryPrice", money(order.deliveryPrice()));
        json.put("estimatedDelivery", estimate(order.estimatedDelivery()));
        json.put("modifiableUntil", order.modifiableUntil() == null ? null : Instants.stored(order.modifiableUntil()));
        json.put("payment", payment(order.payment(), true));
        json.put("parcels", order.parcels().stream().map(OrderJson::parcel).toList());
        if (order.pickup() != null) {
            Map<String, Object> pickup = new LinkedHashMap<>();
            pickup.put("location", order.pickup().location());
            pickup.put("openingHours", order.pickup().openingHours());
            pickup.put("storageUntil", order.pickup().storageUntil().toString());
            pickup.put("timezone", order.pickup().timezone());
            pickup.put("extendedDays", order.pickup().extendedDays());
            json.put("pickup", pickup);
        }
        json.put("returnUntil", order.returnUntil() == null ? null : order.returnUntil().toString());
        json.put("damageReportUntil", order.damageReportUntil() == null ? null : order.damageReportUntil().toString());
        json.put("timeline", order.timeline().stream().map(e -> timeline(e, true)).toList());
        json.put("paymentReminderSent", order.deadlines().paymentReminderSent());
        json.put("pickupReminderSent", order.deadlines().pickupReminderSent());
        json.put("returns", order.aftercare().returns().stream().map(r -> returned(r, order.currency(), true)).toList());
        json.put("tickets", order.aftercare().tickets().stream().map(OrderJson::ticket).toList());
        json.put("exchangeFor", order.aftercare().exchangeFor());
        json.put("zone", order.aftercare().zone());
        return json;
    }

    /** The contract's return object; the stored form keeps when it was created too. */
    static Map<String, Object> returned(Order.Return r, String currency, boolean stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("returnId", r.returnId());
        json.put("status", r.status().name());
        json.put("lines", r.lines().stream().map(l -> (Object) Map.of("sku", l.sku(), "quantity", l.quantity(),
                "reason", l.reason().name())).toList());
        json.put("resolution", r.resolution().name());
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("carrier", r.carrier());
        label.put("code", r.code());
        label.put("url", r.labelUrl());
        json.put("label", label);
        if (r.refunded().signum() > 0) {
            json.put("refund", new Money(r.refunded().setScale(2), currency).toJson());
        }
        if (r.exchangeOrderId() != null) {
            json.put("exchangeOrderId", r.exchangeOrderId());
        }
        if (stored) {
            json.put("exchangeSku", r.exchangeSku());
            json.put("refunded", r.refunded().toPlainString());
            json.put("createdAt", Instants.stored(r.createdAt()));
        }
        return json;
    }

    private static Map<String, Object> ticket(Order.TicketRef t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ticketId", t.ticketId());
        json.put("type", t.type());
        json.put("priority", t.priority());
        json.put("status", t.status());
        return json;
    }

    private static Order.Aftercare aftercare(Map<?, ?> json) {
        List<Order.Return> returns = new ArrayList<>();
        for (Object entry : json.get("returns") == null ? List.of() : (List<?>) json.get("returns")) {
            Map<?, ?> r = (Map<?, ?>) entry;
            List<Order.ReturnLine> lines = new ArrayList<>();
            for (Object l : (List<?>) r.get("lines")) {
                Map<?, ?> line = (Map<?, ?>) l;
                lines.add(new Order.ReturnLine((String) line.get("sku"), integer(line.get("quantity")),
                        Order.ReturnReason.valueOf((String) line.get("reason"))));
            }
            Map<?, ?> label = (Map<?, ?>) r.get("label");
            returns.add(new Order.Return((String) r.get("returnId"), Order.ReturnStatus.valueOf((String) r.get("status")),
                    List.copyOf(lines), Order.Resolution.valueOf((String) r.get("resolution")), (String) r.get("exchangeSku"),
                    (String) r.get("exchangeOrderId"), (String) label.get("carrier"), (String) label.get("code"),
                    (String) label.get("url"), new BigDecimal((String) r.get("refunded")),
                    Instant.parse((String) r.get("createdAt"))));
        }
        List<Order.TicketRef> tickets = new ArrayList<>();
        for (Object entry : json.get("tickets") == null ? List.of() : (List<?>) json.get("tickets")) {
            Map<?, ?> t = (Map<?, ?>) entry;
            tickets.add(new Order.TicketRef((String) t.get("ticketId"), (String) t.get("type"), integer(t.get("priority")),
                    (String) t.get("status")));
        }
        return new Order.Aftercare(returns, tickets, (String) json.get("exchangeFor"), (String) json.get("zone"));
    }

    @SuppressWarnings("unchecked")
    public static Order fromStored(Map<?, ?> json) {
        Map<?, ?> c = (Map<?, ?>) json.get("customer");
        Customer customer = new Customer((String) c.get("email"), (String) c.get("name"), (String) c.get("locale"),
                (String) c.get("phone"));
        List<Line> lines = new ArrayList<>();
        for (Object entry : (List<?>) json.get("lines")) {
            Map<?, ?> l = (Map<?, ?>) entry;
            List<Allocation> allocations = new ArrayList<>();
            for (Object a : (List<?>) l.get("allocations")) {
                Map<?, ?> allocation = (Map<?, ?>) a;
                allocations.add(new Allocation((String) allocation.get("locationId"), integer(allocation.get("quantity"))));
            }
            lines.add(new Line((String) l.get("sku"), (String) l.get("productId"), (String) l.get("name"),
                    (String) l.get("size"), (String) l.get("colour"), Money.fromJson((Map<?, ?>) l.get("unitPrice")),
                    integer(l.get("quantity")), count(l.get("cancelledQuantity")), count(l.get("returnedQuantity")),
                    Order.LineStatus.valueOf((String) l.get("status")), List.copyOf(allocations)));
        }
        Map<?, ?> d = (Map<?, ?>) json.get("delivery");
        Map<?, ?> slot = (Map<?, ?>) d.get("slot");
        Delivery delivery = new Delivery(Order.DeliveryMethod.valueOf((String) d.get("method")),
                (String) d.get("carrier"), (Map<String, Object>) d.get("address"), (String) d.get("pickupPointId"),
                (String) d.get("storeId"), slot == null ? null
                        : new Slot(LocalDate.parse((String) slot.get("date")), (String) slot.get("from"), (String) slot.get("to")),
                d.get("slotWindows") == null ? List.of() : List.copyOf((List<String>) d.get("slotWindows")),
                deliveryTerms(d));
        Map<?, ?> p = (Map<?, ?>) json.get("payment");
        Payment payment = new Payment(Order.PaymentMethod.valueOf((String) p.get("method")),
                Order.PaymentStatus.valueOf((String) p.get("status")), instant(p.get("dueBy")),
                (Map<String, Object>) p.get("instructions"),
                p.get("paid") == null ? BigDecimal.ZERO : new BigDecimal((String) p.get("paid")),
                p.get("refunded") == null ? BigDecimal.ZERO : new BigDecimal((String) p.get("refunded")));
        List<Parcel> parcels = new ArrayList<>();
        for (Object entry : (List<?>) json.get("parcels")) {
            Map<?, ?> parcel = (Map<?, ?>) entry;
            parcels.add(new Parcel((String) parcel.get("carrier"), (String) parcel.get("trackingNumber"),
                    (String) parcel.get("url")));
        }
        Map<?, ?> pk = (Map<?, ?>) json.get("pickup");
        Pickup pickup = pk == null ? null : new Pickup((Map<String, Object>) pk.get("location"),
                (List<Map<String, Object>>) pk.get("openingHours"), LocalDate.parse((String) pk.get("storageUntil")),
                (String) pk.get("timezone"), integer(pk.get("extendedDays")));
        List<TimelineEvent> timeline = new ArrayList<>();
        for (Object entry : (List<?>) json.get("timeline")) {
            Map<?, ?> e = (Map<?, ?>) entry;
            Object detail = e.get("detail");
            timeline.add(new TimelineEvent(integer(e.get("seq")), Instant.parse((String) e.get("at")),
                    (String) e.get("type"), detail == null ? Map.of() : (Map<String, Object>) detail));
        }
        Map<?, ?> estimate = (Map<?, ?>) json.get("estimatedDelivery");
        return new Order((String) json.get("orderId"), ((Number) json.get("version")).longValue(),
                Order.Status.valueOf((String) json.get("status")), Instant.parse((String) json.get("createdAt")),
                customer, List.copyOf(lines), delivery, Money.fromJson((Map<?, ?>) json.get("deliveryPrice")),
                new Estimate(LocalDate.parse((String) estimate.get("earliest")), LocalDate.parse((String) estimate.get("latest"))),
                instant(json.get("modifiableUntil")), payment, List.copyOf(parcels), pickup,
                date(json.get("returnUntil")), date(json.get("damageReportUntil")), List.copyOf(timeline),
                new Deadlines(Boolean.TRUE.equals(json.get("paymentReminderSent")),
                        Boolean.TRUE.equals(json.get("pickupReminderSent"))), aftercare(json));
    }

    private static Map<String, Object> customer(Customer customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", customer.email());
        json.put("name", customer.name());
        json.put("locale", customer.locale());
        if (customer.phone() != null) {
            json.put("phone", customer.phone());
        }
        return json;
    }

    /** {@code stored}: zero counts are left out (read back as 0), some 40 bytes a line of every order item. */
    private static Map<String, Object> line(Line line, boolean stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sku", line.sku());
        json.put("productId", line.productId());
        json.put("name", line.name());
        if (line.size() != null) {
            json.put("size", line.size());
        }
        if (line.colour() != null) {
            json.put("colour", line.colour());
        }
        json.put("unitPrice", money(line.unitPrice()));
        json.put("quantity", line.quantity());
        if (!stored || line.cancelledQuantity() != 0) {
            json.put("cancelledQuantity", line.cancelledQuantity());
        }
        if (!stored || line.returnedQuantity() != 0) {
            json.put("returnedQuantity", line.returnedQuantity());
        }
        json.put("status", line.status().name());
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (Allocation allocation : line.allocations()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("locationId", allocation.locationId());
            a.put("quantity", allocation.quantity());
            allocations.add(a);
        }
        json.put("allocations", allocations);
        return json;
    }

    private static Map<String, Object> delivery(Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", delivery.method().name());
        putIfPresent(json, "carrier", delivery.carrierId());
        putIfPresent(json, "address", delivery.address());
        putIfPresent(json, "pickupPointId", delivery.pickupPointId());
        putIfPresent(json, "storeId", delivery.storeId());
        if (delivery.slot() != null) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("date", delivery.slot().date().toString());
            slot.put("from", delivery.slot().from());
            slot.put("to", delivery.slot().to());
            json.put("slot", slot);
        }
        return json;
    }

    private static Map<String, Object> payment(Payment payment, boolean stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", payment.method().name());
        json.put("status", payment.status().name());
        if (payment.dueBy() != null) {
            json.put("dueBy", stored ? Instants.stored(payment.dueBy()) : Instants.answered(payment.dueBy()));
        }
        if (payment.instructions() != null) {
            json.put("instructions", payment.instructions());
        }
        if (stored) {
            json.put("paid", payment.paid().toPlainString());
            json.put("refunded", payment.refunded().toPlainString());
        }
        return json;
    }

    private static Map<String, Object> parcel(Parcel parcel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("carrier", parcel.carrier());
        json.put("trackingNumber", parcel.trackingNumber());
        json.put("url", parcel.url());
        return json;
    }

    static Map<String, Object> estimate(Estimate estimate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("earliest", estimate.earliest().toString());
        json.put("latest", estimate.latest().toString());
        return json;
    }

    private static Map<String, Object> timeline(TimelineEvent event, boolean stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (stored) {
            json.put("seq", event.seq());
        }
        json.put("at", stored ? Instants.stored(event.at()) : Instants.answered(event.at()));
        json.put("type", event.type());
        if (!event.detail().isEmpty()) {
            json.put("detail", event.detail());
        }
        return json;
    }

    /** The carrier's terms kept with a stored order; an order stored with its carrier's name alone has just that. */
    private static Order.DeliveryTerms deliveryTerms(Map<?, ?> delivery) {
        if (delivery.get("terms") instanceof Map<?, ?> terms) {
            return new Order.DeliveryTerms((String) terms.get("carrierName"),
                    terms.get("price") == null ? null : Money.fromJson((Map<?, ?>) terms.get("price")),
                    terms.get("freeFrom") == null ? null : Money.fromJson((Map<?, ?>) terms.get("freeFrom")));
        }
        return delivery.get("carrierName") instanceof String name ? new Order.DeliveryTerms(name, null, null) : null;
    }

    static Map<String, Object> money(Money money) {
        return new Money(money.amount().setScale(2), money.currency()).toJson();
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    /** A count the stored form leaves out when it is 0. */
    private static int count(Object value) {
        return value == null ? 0 : integer(value);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse((String) value);
    }
}
