package io.shopcare.orders;

import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.observability.LogContext;
import io.shopcare.orders.Order.Line;
import io.shopcare.orders.Order.TimelineEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The e-mail of each timeline event a shopper cares about, exactly once per event whatever the
 * stream redelivers: the event's claim ({@code orderId}, {@code seq}) is taken strictly before the
 * send and given back when the provider certainly refused it (so a retry sends it); a crash
 * between claim and send loses that one e-mail rather than risking a second. Order e-mails are
 * transactional: no unsubscribe link, and an alert unsubscribe never stops them.
 */
public final class OrderMailing {
    private final Claims claims;
    private final Mailer mailer;
    private final OrderEmails emails;
    private final OrderTokens tokens;
    private final OrderSettings settings;

    /**
     * Which events of which orders were e-mailed; {@link #claim} is atomic. A negative {@code seq}
     * is the merchant's copy of event {@code -seq} (a priority-1 ticket).
     */
    public interface Claims {
        /** True when this caller took the claim; false when the event was claimed before. */
        boolean claim(String orderId, int seq);

        void release(String orderId, int seq);
    }

    private final String merchantAddress;

    /** {@code merchantAddress}: where priority-1 tickets are announced (the shop's alert address), or null. */
    public OrderMailing(Claims claims, Mailer mailer, OrderEmails emails, OrderTokens tokens, OrderSettings settings,
                        String merchantAddress) {
        this.claims = claims;
        this.mailer = mailer;
        this.emails = emails;
        this.tokens = tokens;
        this.settings = settings;
        this.merchantAddress = merchantAddress;
    }

    public OrderMailing(Claims claims, Mailer mailer, OrderEmails emails, OrderTokens tokens, OrderSettings settings) {
        this(claims, mailer, emails, tokens, settings, null);
    }

    /** Sends the e-mails of the events {@code after} has and {@code before} had not; returns how many went out. */
    public int deliver(Order before, Order after) {
        if (after == null) {
            return 0;
        }
        LogContext.touch("orderId", after.orderId());
        int known = before == null ? 0 : before.timeline().size();
        int sent = 0;
        for (TimelineEvent event : after.timeline()) {
            OrderEmail.Kind kind = event.seq() > known ? kindOf(event) : null;
            if (kind == OrderEmail.Kind.TICKET_RECEIVED && merchantAddress != null
                    && Integer.valueOf(1).equals(event.detail().get("priority"))) {
                sent += tellMerchant(after, event);
            }
            if (kind == null || !claims.claim(after.orderId(), event.seq())) {
                continue;
            }
            try {
                mailer.send(emails.message(after.customer().email(), email(after, event, kind)));
                sent++;
            } catch (Mailer.NotSent e) {
                claims.release(after.orderId(), event.seq());
                throw e;
            }
        }
        return sent;
    }

    /** A missing paid item: the merchant hears of it at once, once. */
    private int tellMerchant(Order order, TimelineEvent event) {
        if (!claims.claim(order.orderId(), -event.seq())) {
            return 0;
        }
        OrderEmails.MerchantTicket alert = new OrderEmails.MerchantTicket(order.orderId(), order.orderId(),
                order.customer().name(), order.customer().email(), order.customer().phone(), ticket(order, event),
                settings.storefrontUrl().replaceAll("/+$", "") + "/merchant/orders/" + order.orderId(), event.at());
        try {
            mailer.send(emails.merchantTicketMessage(merchantAddress, alert));
            return 1;
        } catch (Mailer.NotSent e) {
            claims.release(order.orderId(), -event.seq());
            throw e;
        }
    }

    private static OrderEmail.Ticket ticket(Order order, TimelineEvent event) {
        String ticketId = (String) event.detail().get("ticketId");
        Order.TicketRef ref = order.aftercare().tickets().stream().filter(t -> t.ticketId().equals(ticketId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ticket " + ticketId + " on " + order.orderId()));
        List<OrderEmail.TicketLine> lines = new ArrayList<>();
        if (event.detail().get("lines") instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<?, ?> l = (Map<?, ?>) entry;
                Line line = order.line((String) l.get("sku"));
                if (line != null) {
                    lines.add(new OrderEmail.TicketLine(line.name(), line.size(), line.colour(),
                            ((Number) l.get("quantity")).intValue()));
                }
            }
        }
        boolean resolved = "TICKET_RESOLVED".equals(event.type());
        return new OrderEmail.Ticket(ticketId, OrderEmail.TicketType.valueOf(ref.type()), ref.priority(),
                resolved ? null : (String) event.detail().get("message"), lines,
                resolved ? (String) event.detail().get("message") : null);
    }

    private OrderEmail.Return returned(Order order, String returnId) {
        Order.Return r = order.returnOf(returnId);
        if (r == null) {
            return null;
        }
        List<OrderEmail.ReturnLine> lines = new ArrayList<>();
        for (Order.ReturnLine l : r.lines()) {
            Line line = order.line(l.sku());
            lines.add(new OrderEmail.ReturnLine(line.name(), line.size(), line.colour(), l.quantity(),
                    OrderEmail.ReturnReason.valueOf(l.reason().name())));
        }
        String exchangeVariant = r.exchangeSku() == null ? null : order.timeline().stream()
                .filter(e -> "RETURN_CREATED".equals(e.type()) && r.returnId().equals(e.detail().get("returnId")))
                .map(e -> (String) e.detail().get("exchangeVariant")).findFirst().orElse(r.exchangeSku());
        String carrierName = order.timeline().stream()
                .filter(e -> "RETURN_CREATED".equals(e.type()) && r.returnId().equals(e.detail().get("returnId")))
                .map(e -> (String) e.detail().get("carrierName")).filter(java.util.Objects::nonNull).findFirst()
                .orElse(order.delivery().carrierShown(r.carrier()));
        return new OrderEmail.Return(r.returnId(), r.code(), carrierName, r.labelUrl(), lines,
                OrderEmail.Return.Resolution.valueOf(r.resolution().name()), exchangeVariant, r.exchangeOrderId(),
                r.refunded().signum() > 0 ? r.refunded() : null);
    }

    /** The e-mail an event brings, or null for events the shopper reads on the order page only. */
    static OrderEmail.Kind kindOf(TimelineEvent event) {
        return switch (event.type()) {
            case "PLACED" -> OrderEmail.Kind.ORDER_CONFIRMED;
            case "PAYMENT_FAILED" -> OrderEmail.Kind.PAYMENT_FAILED;
            case "PAYMENT_REMINDER" -> OrderEmail.Kind.PAYMENT_REMINDER;
            case "CANCELLED" -> OrderEmail.Kind.ORDER_CANCELLED;
            case "MODIFIED", "LINES_CANCELLED" -> OrderEmail.Kind.ORDER_MODIFIED;
            case "PREORDER_FILLED" -> OrderEmail.Kind.PREORDER_FILLED;
            case "SHIPPED", "PARCEL_ADDED" -> OrderEmail.Kind.SHIPPED;
            case "READY_FOR_PICKUP" -> OrderEmail.Kind.READY_FOR_PICKUP;
            case "PICKUP_REMINDER" -> OrderEmail.Kind.PICKUP_REMINDER;
            case "DELIVERED" -> OrderEmail.Kind.DELIVERED;
            case "PICKED_UP" -> OrderEmail.Kind.PICKED_UP;
            case "REFUNDED" -> OrderEmail.Kind.REFUNDED;
            case "RETURN_CREATED" -> OrderEmail.Kind.RETURN_CREATED;
            case "TICKET_CREATED" -> OrderEmail.Kind.TICKET_RECEIVED;
            case "TICKET_RESOLVED" -> OrderEmail.Kind.TICKET_RESOLVED;
            default -> null;
        };
    }

    /** The e-mail's content from the order as it was right after the event (the latest version at worst). */
    OrderEmail email(Order order, TimelineEvent event, OrderEmail.Kind kind) {
        List<OrderEmail.Line> lines = new ArrayList<>();
        for (Line line : order.lines()) {
            boolean cancelledView = kind == OrderEmail.Kind.ORDER_CANCELLED;
            int quantity = cancelledView ? line.cancelledQuantity() : line.quantity();
            if (quantity == 0) {
                continue;
            }
            boolean filled = kind == OrderEmail.Kind.PREORDER_FILLED && line.sku().equals(event.detail().get("sku"));
            lines.add(new OrderEmail.Line(line.name(), line.size(), line.colour(), quantity, line.unitPrice().amount(),
                    OrderEmail.Line.Status.valueOf(line.status().name()), filled));
        }
        Order.Payment p = order.payment();
        Map<String, Object> instructions = p.instructions() == null ? Map.of() : p.instructions();
        Object amount = instructions.get("amount");
        OrderEmail.Payment payment = new OrderEmail.Payment(OrderEmail.Payment.Method.valueOf(p.method().name()),
                OrderEmail.Payment.Status.valueOf(p.status().name()), p.dueBy(), (String) instructions.get("paymentUrl"),
                (String) instructions.get("iban"),
                amount instanceof Map<?, ?> money ? new BigDecimal((String) money.get("amount")) : null,
                (String) instructions.get("variableSymbol"), (String) instructions.get("message"));
        OrderEmail.Tracking tracking = null;
        if (event.detail().get("trackingNumber") != null) {
            Object named = event.detail().get("carrierName");
            tracking = new OrderEmail.Tracking(named instanceof String name ? name
                    : order.delivery().carrierShown((String) event.detail().get("carrier")),
                    (String) event.detail().get("trackingNumber"), (String) event.detail().get("url"));
        } else if (!order.parcels().isEmpty()) {
            Order.Parcel parcel = order.parcels().get(order.parcels().size() - 1);
            tracking = new OrderEmail.Tracking(order.delivery().carrierShown(parcel.carrier()), parcel.trackingNumber(),
                    parcel.url());
        }
        OrderEmail.Pickup pickup = null;
        if (order.pickup() != null) {
            Map<String, Object> location = order.pickup().location();
            List<OrderEmail.OpeningHours> hours = new ArrayList<>();
            if (order.pickup().openingHours() != null) {
                for (Map<String, Object> h : order.pickup().openingHours()) {
                    hours.add(OrderEmail.OpeningHours.of((String) h.get("day"), (String) h.get("opens"),
                            (String) h.get("closes")));
                }
            }
            pickup = new OrderEmail.Pickup((String) location.get("name"), address(location.get("address")),
                    (String) location.get("phone"), hours, order.pickup().storageUntil(), OrderRules.canExtendPickup(order));
        }
        OrderEmail.CancelReason reason = null;
        BigDecimal refund = null;
        if (kind == OrderEmail.Kind.ORDER_CANCELLED) {
            String code = (String) event.detail().get("reason");
            reason = switch (code == null ? "" : code) {
                case "CUSTOMER" -> OrderEmail.CancelReason.CUSTOMER;
                case "PAYMENT_EXPIRED" -> OrderEmail.CancelReason.PAYMENT_EXPIRED;
                case "PICKUP_NOT_COLLECTED" -> OrderEmail.CancelReason.PICKUP_NOT_COLLECTED;
                default -> OrderEmail.CancelReason.MERCHANT;
            };
            refund = amountOf(event.detail().get("refund"));
        } else if (kind == OrderEmail.Kind.REFUNDED) {
            refund = amountOf(event.detail().get("amount"));
        }
        OrderEmail.Return returnPart = null;
        if (event.detail().get("returnId") instanceof String returnId) {
            returnPart = returned(order, returnId);
        }
        OrderEmail.Ticket ticketPart = kind == OrderEmail.Kind.TICKET_RECEIVED || kind == OrderEmail.Kind.TICKET_RESOLVED
                ? ticket(order, event) : null;
        return new OrderEmail(kind, language(order), order.orderId(), order.orderId(), order.customer().name(),
                settings.orderPageUrl(order.orderId(), tokens.issue(order.orderId())), lines,
                order.deliveryPrice().amount(), order.total().amount(), order.currency(),
                OrderEmail.DeliveryMethod.valueOf(order.delivery().method().name()),
                order.estimatedDelivery().earliest(), order.estimatedDelivery().latest(),
                OrderRules.canModify(order, event.at()) ? order.modifiableUntil() : null, payment, tracking, pickup,
                order.returnUntil(), order.damageReportUntil(), reason, refund, returnPart, ticketPart);
    }

    private static Language language(Order order) {
        Language language = Language.ofTag(order.customer().locale());
        return language == null ? Language.EN : language;
    }

    private static BigDecimal amountOf(Object money) {
        return money instanceof Map<?, ?> m ? new BigDecimal((String) m.get("amount")) : null;
    }

    /** A location's address on one line ("Na Příkopě 22, 110 00 Praha"), or a pickup point's as given. */
    private static String address(Object address) {
        if (address instanceof Map<?, ?> a) {
            return a.get("street") + ", " + a.get("postcode") + " " + a.get("city");
        }
        return String.valueOf(address);
    }
}
