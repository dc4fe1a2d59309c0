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

    /** Which events of which orders were e-mailed; {@link #claim} is atomic. */
    public interface Claims {
        /** True when this caller took the claim; false when the event was claimed before. */
        boolean claim(String orderId, int seq);

        void release(String orderId, int seq);
    }

    public OrderMailing(Claims claims, Mailer mailer, OrderEmails emails, OrderTokens tokens, OrderSettings settings) {
        this.claims = claims;
        this.mailer = mailer;
        this.emails = emails;
        this.tokens = tokens;
        this.settings = settings;
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
            tracking = new OrderEmail.Tracking((String) event.detail().get("carrier"),
                    (String) event.detail().get("trackingNumber"), (String) event.detail().get("url"));
        } else if (!order.parcels().isEmpty()) {
            Order.Parcel parcel = order.parcels().get(order.parcels().size() - 1);
            tracking = new OrderEmail.Tracking(parcel.carrier(), parcel.trackingNumber(), parcel.url());
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
        return new OrderEmail(kind, language(order), order.orderId(), order.orderId(), order.customer().name(),
                settings.orderPageUrl(order.orderId(), tokens.issue(order.orderId())), lines,
                order.deliveryPrice().amount(), order.total().amount(), order.currency(),
                OrderEmail.DeliveryMethod.valueOf(order.delivery().method().name()),
                order.estimatedDelivery().earliest(), order.estimatedDelivery().latest(),
                OrderRules.canModify(order, event.at()) ? order.modifiableUntil() : null, payment, tracking, pickup,
                order.returnUntil(), order.damageReportUntil(), reason, refund);
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
