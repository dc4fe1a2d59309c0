package io.shopcare.orders;

import io.shopcare.json.Instants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A shopper's problem report (orders.md, "Tickets"): its own item, so the merchant's queue is one
 * query by status, then priority, then age. The order lists it as a {@link Order.TicketRef}.
 */
public record Ticket(String ticketId, String orderId, Type type, int priority, Status status, String message,
                     List<TicketLine> lines, Instant createdAt, String resolution, Instant resolvedAt) {

    public enum Type { MISSING_ITEM, DAMAGED, LATE, OTHER }

    public enum Status { OPEN, RESOLVED }

    public record TicketLine(String sku, int quantity) {
    }

    public Ticket {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Ticket resolved(String message, Instant at) {
        return new Ticket(ticketId, orderId, type, priority, Status.RESOLVED, this.message, lines, createdAt, message, at);
    }

    public Order.TicketRef ref() {
        return new Order.TicketRef(ticketId, type.name(), priority, status.name());
    }

    /** The contract's ticket object. */
    public Map<String, Object> toJson() {
        return json(Instants::answered);
    }

    /** The ticket's stored form: the same, with instants precise enough to order its queue key. */
    public Map<String, Object> toStoredJson() {
        return json(Instants::stored);
    }

    private Map<String, Object> json(Function<Instant, String> instants) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ticketId", ticketId);
        json.put("orderId", orderId);
        json.put("type", type.name());
        json.put("priority", priority);
        json.put("status", status.name());
        json.put("message", message);
        if (!lines.isEmpty()) {
            json.put("lines", lines.stream().map(l -> (Object) Map.of("sku", l.sku(), "quantity", l.quantity())).toList());
        }
        json.put("createdAt", instants.apply(createdAt));
        if (resolution != null) {
            json.put("resolution", resolution);
            json.put("resolvedAt", instants.apply(resolvedAt));
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    public static Ticket fromJson(Map<?, ?> json) {
        List<TicketLine> lines = json.get("lines") == null ? List.of() : ((List<Map<String, Object>>) json.get("lines"))
                .stream().map(l -> new TicketLine((String) l.get("sku"), ((Number) l.get("quantity")).intValue())).toList();
        return new Ticket((String) json.get("ticketId"), (String) json.get("orderId"), Type.valueOf((String) json.get("type")),
                ((Number) json.get("priority")).intValue(), Status.valueOf((String) json.get("status")),
                (String) json.get("message"), lines, Instant.parse((String) json.get("createdAt")),
                (String) json.get("resolution"), json.get("resolvedAt") == null ? null
                        : Instant.parse((String) json.get("resolvedAt")));
    }
}
