package io.shopcare.orders;

import io.shopcare.catalog.Money;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.orders.Order.Line;
import io.shopcare.orders.Order.LineStatus;
import io.shopcare.orders.Order.Resolution;
import io.shopcare.orders.Order.Return;
import io.shopcare.orders.Order.ReturnLine;
import io.shopcare.orders.Order.ReturnReason;
import io.shopcare.orders.Order.ReturnStatus;
import io.shopcare.orders.Order.Status;
import io.shopcare.orders.OrderInventory.CarrierTerms;
import io.shopcare.outcome.Refusal;
import io.shopcare.returns.label.LabelLinks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * After delivery (orders.md): returns with a label, exchanges reserved in the same write that
 * records the return, refunds for the shop's faults at once, and tickets in one queue. Every change
 * is the order service's read, decide, write-if-unchanged.
 */
public final class AftercareService {
    private static final Set<Status> HANDED_OVER = EnumSet.of(Status.DELIVERED, Status.PICKED_UP);
    private static final int LABEL_GRACE_DAYS = 14;
    private final OrderService orders;
    private final OrderStore store;
    private final OrderInventory inventory;
    private final Clock clock;
    private final LabelLinks labels;
    private final String linkBase;

    /** {@code linkBase}: the API's public URL ({@code https://…}) that label links start with. */
    public AftercareService(OrderService orders, OrderStore store, OrderInventory inventory, LabelLinks labels,
                            Clock clock, String linkBase) {
        this.orders = orders;
        this.store = store;
        this.inventory = inventory;
        this.labels = labels;
        this.clock = clock;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    public record ReturnLineRequest(String sku, int quantity, ReturnReason reason) {
    }

    public record ReturnRequest(List<ReturnLineRequest> lines, Resolution resolution, String exchangeSku) {
    }

    public record TicketRequest(Ticket.Type type, String message, List<LineRequest> lines) {
    }

    // ------------------------------------------------------------------ returns

    /** Records a return and answers it with its label. */
    public String createReturn(String orderId, String token, ReturnRequest request, Optional<IdempotencyKey> key) {
        orders.authorize(orderId, token);
        return orders.mutate(orderId, key, order -> decideReturn(order, request, linkBase),
                next -> OrderJson.returned(next.aftercare().returns().get(next.aftercare().returns().size() - 1),
                        next.currency(), false));
    }

    private OrderChange decideReturn(Order order, ReturnRequest request, String labelBase) {
        Instant now = clock.instant();
        if (!HANDED_OVER.contains(order.status())) {
            throw Refusal.conflict("NOT_RETURNABLE", "Only a delivered or picked-up order can be returned.");
        }
        LocalDate today = Returns.today(order, now);
        if (today.isAfter(order.returnUntil())) {
            throw Refusal.conflict("NOT_RETURNABLE", "The return period ended on " + order.returnUntil() + ".");
        }
        List<ReturnLine> lines = new ArrayList<>();
        List<Refusal.Problem> tooMany = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReturnLineRequest l = request.lines().get(i);
            Line line = order.line(l.sku());
            if (line == null) {
                throw Refusal.invalid("lines[" + i + "].sku", "is not a line of this order");
            }
            if (!seen.add(l.sku())) {
                throw Refusal.invalid("lines[" + i + "].sku", "appears more than once");
            }
            int returnable = Returns.returnable(order, line);
            if (l.quantity() > returnable) {
                tooMany.add(new Refusal.Problem("lines[" + i + "].quantity", "only " + returnable + " can be returned"));
            }
            if (l.reason() == ReturnReason.DAMAGED && today.isAfter(order.damageReportUntil())) {
                throw Refusal.conflict("DAMAGE_REPORT_CLOSED", "Damage had to be reported by " + order.damageReportUntil()
                        + "; the item can still be returned for another reason until " + order.returnUntil() + ".",
                        List.of(new Refusal.Problem("lines[" + i + "].reason", "damage could be reported until "
                                + order.damageReportUntil())));
            }
            lines.add(new ReturnLine(l.sku(), l.quantity(), l.reason()));
        }
        if (!tooMany.isEmpty()) {
            throw Refusal.conflict("NOT_RETURNABLE", "More units than were delivered and not yet returned.", tooMany);
        }
        int n = order.aftercare().returns().size() + 1;
        String returnId = OrderIds.returnId(order.orderId(), n);
        String code = "R" + order.orderId().replace("-", "") + n;
        CarrierTerms carrier = returnCarrier(order);
        // The label prints until the parcel can no longer be sent back, with two weeks for the post.
        Instant expires = order.returnUntil().plusDays(LABEL_GRACE_DAYS + 1).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        String url = labels.url(labelBase, order.orderId(), returnId, expires);
        BigDecimal refund = BigDecimal.ZERO;
        List<Order> created = new ArrayList<>();
        OrderChange exchange = null;
        String exchangeOrderId = null;
        Order.Builder next = order.next();
        if (request.resolution() == Resolution.EXCHANGE) {
            exchangeOrderId = OrderIds.exchangeOrderId(order.orderId(), n);
            exchange = exchangeOrder(order, exchangeOrderId, request.exchangeSku(), lines, now);
            created.add(exchange.next());
        } else {
            refund = Returns.refundAtOnce(order, lines)
                    .min(order.payment().paid().subtract(order.payment().refunded())).max(BigDecimal.ZERO);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("returnId", returnId);
        detail.put("code", code);
        detail.put("resolution", request.resolution().name());
        detail.put("carrierName", carrier.name());
        if (exchangeOrderId != null) {
            detail.put("exchangeOrderId", exchangeOrderId);
            Line sent = exchange.next().lines().get(0);
            detail.put("exchangeVariant", String.join(", ", java.util.stream.Stream.of(sent.size(), sent.colour())
                    .filter(v -> v != null && !v.isBlank()).toList()));
        }
        next.event(now, "RETURN_CREATED", detail);
        Return created0 = new Return(returnId, ReturnStatus.REQUESTED, lines, request.resolution(),
                request.exchangeSku(), exchangeOrderId, carrier.carrierId(), code, url, refund, now);
        Order updated = Returns.withReturn(next.build(), created0);
        if (refund.signum() > 0) {
            updated = OrderService.refund(updated, refund, now, "RETURN", returnId);
        }
        return exchange == null ? new OrderChange(updated, List.of(), null)
                : new OrderChange(updated, exchange.stock(), List.of(), exchange.guards(), null, created, null);
    }

    /** The carrier that brought it takes it back; a store pickup goes back with the shop's first carrier. */
    private CarrierTerms returnCarrier(Order order) {
        List<CarrierTerms> carriers = inventory.carriers();
        String id = order.delivery().carrierId();
        return carriers.stream().filter(c -> c.carrierId().equals(id)).findFirst().orElseGet(() -> {
            if (carriers.isEmpty()) {
                throw Refusal.conflict("NOT_RETURNABLE", "The shop has no carrier to take returns; contact the shop.");
            }
            return carriers.get(0);
        });
    }

    /** The carrier's name, as a label prints it. */
    public String carrierName(String carrierId) {
        return inventory.carriers().stream().filter(c -> c.carrierId().equals(carrierId)).map(CarrierTerms::name)
                .findFirst().orElse(carrierId);
    }

    /**
     * Another variant of the same product at the same price for every line, reserved now: the
     * exchange order (total 0, confirmed and paid) ships through the usual states and e-mails.
     */
    private OrderChange exchangeOrder(Order order, String exchangeOrderId, String sku, List<ReturnLine> lines,
                                      Instant now) {
        if (sku == null) {
            throw Refusal.invalid("exchangeSku", "is required for an exchange");
        }
        int units = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = order.line(lines.get(i).sku());
            if (line.sku().equals(sku)) {
                throw Refusal.invalid("exchangeSku", "is the SKU being returned; choose another size or colour");
            }
            units += lines.get(i).quantity();
        }
        OrderService.ExchangePlan plan = orders.planExchange(order, sku, units, now);
        for (int i = 0; i < lines.size(); i++) {
            Line line = order.line(lines.get(i).sku());
            if (!plan.info().product().productId().equals(line.productId())) {
                throw Refusal.invalid("exchangeSku", "must be another size or colour of the same product as lines[" + i + "]");
            }
            if (plan.info().price().amount().compareTo(line.unitPrice().amount()) != 0
                    || !plan.info().price().currency().equals(line.unitPrice().currency())) {
                throw Refusal.invalid("exchangeSku", "costs " + plan.info().price().amount().toPlainString() + " "
                        + plan.info().price().currency() + ", not the " + line.unitPrice().amount().toPlainString()
                        + " paid for lines[" + i + "]; return it for a refund and order the other one");
            }
        }
        Money zero = new Money(BigDecimal.ZERO.setScale(2), order.currency());
        Line line = new Line(sku, plan.info().product().productId(), plan.info().product().name(),
                plan.info().variant().size(), plan.info().variant().colour(), zero, units, 0, 0, LineStatus.RESERVED,
                plan.allocations());
        Order.Delivery delivery = order.delivery().withSlot(null);
        Order.Payment payment = new Order.Payment(order.payment().method(), Order.PaymentStatus.PAID, null, null,
                BigDecimal.ZERO, BigDecimal.ZERO);
        Order draft = new Order(exchangeOrderId, 0, Status.CONFIRMED, now, order.customer(), List.of(line), delivery, zero,
                plan.estimate(), null, payment, List.of(), null, null, null, List.of(), Order.Deadlines.NONE,
                new Order.Aftercare(List.of(), List.of(), order.orderId(), null));
        // Version 1, like a placed order: the draft is version 0, its first event the next one.
        Order exchange = draft.next().event(now, "PLACED", Map.of("total", zero.toJson(), "exchangeFor", order.orderId()))
                .build();
        return new OrderChange(exchange, plan.stock(), List.of(), plan.guards(), null, List.of(), null);
    }

    // ------------------------------------------------------------------ tickets

    /** Opens a ticket; answers {@code {"ticketId", "priority", "status"}}. */
    public String openTicket(String orderId, String token, TicketRequest request, Optional<IdempotencyKey> key) {
        orders.authorize(orderId, token);
        return orders.mutate(orderId, key, order -> decideTicket(order, request), next -> {
            Order.TicketRef ref = next.aftercare().tickets().get(next.aftercare().tickets().size() - 1);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ticketId", ref.ticketId());
            json.put("priority", ref.priority());
            json.put("status", ref.status());
            return json;
        });
    }

    private OrderChange decideTicket(Order order, TicketRequest request) {
        Instant now = clock.instant();
        LocalDate today = Returns.today(order, now);
        boolean handedOver = HANDED_OVER.contains(order.status());
        switch (request.type()) {
            case MISSING_ITEM, DAMAGED -> {
                if (!handedOver) {
                    throw Refusal.conflict("TICKET_NOT_ALLOWED", "A " + request.type() + " problem can be reported once "
                            + "the order is delivered or picked up.");
                }
            }
            case LATE -> {
                LocalDate latest = order.estimatedDelivery().latest();
                if (handedOver || order.status() == Status.CANCELLED || !today.isAfter(latest)) {
                    throw Refusal.conflict("TICKET_NOT_ALLOWED", handedOver || order.status() == Status.CANCELLED
                            ? "The order is no longer on its way." : "The order is expected by " + latest
                            + "; it can be reported late after that day.");
                }
            }
            default -> {
            }
        }
        List<Ticket.TicketLine> lines = new ArrayList<>();
        if (request.lines() != null) {
            for (int i = 0; i < request.lines().size(); i++) {
                LineRequest l = request.lines().get(i);
                Line line = order.line(l.sku());
                if (line == null) {
                    throw Refusal.invalid("lines[" + i + "].sku", "is not a line of this order");
                }
                int ordered = line.quantity() + line.returnedQuantity() + line.cancelledQuantity();
                if (l.quantity() > ordered) {
                    throw Refusal.invalid("lines[" + i + "].quantity", "the order has " + ordered + " of it");
                }
                lines.add(new Ticket.TicketLine(l.sku(), l.quantity()));
            }
        }
        int priority = priority(request.type(), order, today);
        String ticketId = OrderIds.ticketId(order.orderId(), order.aftercare().tickets().size() + 1);
        Ticket ticket = new Ticket(ticketId, order.orderId(), request.type(), priority, Ticket.Status.OPEN,
                request.message(), lines, now, null, null);
        List<Order.TicketRef> refs = new ArrayList<>(order.aftercare().tickets());
        refs.add(ticket.ref());
        Order next = order.next().aftercare(order.aftercare().withTickets(refs))
                .event(now, "TICKET_CREATED", ticketDetail(ticket)).build();
        return new OrderChange(next, List.of(), List.of(), List.of(), null, List.of(), ticket);
    }

    /** The event carries what the e-mails say: the shopper's words and the lines concerned. */
    private static Map<String, Object> ticketDetail(Ticket ticket) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ticketId", ticket.ticketId());
        detail.put("type", ticket.type().name());
        detail.put("priority", ticket.priority());
        detail.put("message", ticket.message());
        if (!ticket.lines().isEmpty()) {
            detail.put("lines", ticket.lines().stream().map(l -> (Object) Map.of("sku", l.sku(), "quantity", l.quantity()))
                    .toList());
        }
        return detail;
    }

    /**
     * A missing item the shopper paid for first; damage reported in time and late deliveries next;
     * everything else after them.
     */
    static int priority(Ticket.Type type, Order order, LocalDate today) {
        return switch (type) {
            case MISSING_ITEM -> order.payment().paid().signum() > 0 ? 1 : 3;
            case DAMAGED -> order.damageReportUntil() != null && !today.isAfter(order.damageReportUntil()) ? 2 : 3;
            case LATE -> 2;
            case OTHER -> 3;
        };
    }

    /** The merchant resolves a ticket; the shopper is told by e-mail. Answers the ticket. */
    public String resolveTicket(String ticketId, String message, Optional<IdempotencyKey> key) {
        Ticket found = store.findTicket(ticketId).orElseThrow(() -> Refusal.notFound("The ticket"));
        AtomicReference<Ticket> resolved = new AtomicReference<>();
        return orders.mutate(found.orderId(), key, order -> {
            Ticket ticket = store.findTicket(ticketId).orElseThrow(() -> Refusal.notFound("The ticket"));
            if (ticket.status() == Ticket.Status.RESOLVED) {
                throw Refusal.conflict("TICKET_RESOLVED", "The ticket was resolved already.");
            }
            Instant now = clock.instant();
            Ticket done = ticket.resolved(message, now);
            resolved.set(done);
            List<Order.TicketRef> refs = order.aftercare().tickets().stream()
                    .map(r -> r.ticketId().equals(ticketId) ? done.ref() : r).toList();
            Order next = order.next().aftercare(order.aftercare().withTickets(refs))
                    .event(now, "TICKET_RESOLVED", Map.of("ticketId", ticketId, "message", message)).build();
            return new OrderChange(next, List.of(), List.of(), List.of(), null, List.of(), done);
        }, next -> resolved.get().toJson());
    }

    public OrderStore.TicketPage tickets(Ticket.Status status, int limit, String cursor) {
        return store.ticketsByStatus(status, limit, cursor);
    }

    /** A return and its order, for its label (the link's token was checked by the caller). */
    public Optional<ReturnLabelData> label(String orderId, String returnId) {
        return store.find(orderId).flatMap(order -> Optional.ofNullable(order.returnOf(returnId))
                .map(r -> new ReturnLabelData(order, r)));
    }

    /** A return and its order: what a label is printed from. */
    public record ReturnLabelData(Order order, Return returned) {
    }
}
