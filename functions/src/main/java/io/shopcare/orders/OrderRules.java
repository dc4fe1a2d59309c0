package io.shopcare.orders;

import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.Order.PaymentStatus;
import io.shopcare.orders.Order.Status;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The order's state machine and what the shopper may do now (orders.md, "The order object" and
 * "Changing and cancelling"). The service asks these before every change, so an action that
 * {@link #allowedActions} lists is one the service accepts and one it omits is refused.
 */
public final class OrderRules {
    /** Pickup extensions per order, in total. */
    public static final int MAX_PICKUP_EXTENSION_DAYS = 7;
    /** Pickup reminders go out at this local time on the day before the last day. */
    static final LocalTime PICKUP_REMINDER_TIME = LocalTime.of(9, 0);
    private static final Set<Status> UNPAID = EnumSet.of(Status.PENDING_PAYMENT, Status.PAYMENT_FAILED);
    private static final Set<Status> BEFORE_PACKING = EnumSet.of(Status.PENDING_PAYMENT, Status.PAYMENT_FAILED,
            Status.CONFIRMED);
    private static final Set<Status> SLOT_CHANGEABLE = EnumSet.of(Status.PENDING_PAYMENT, Status.PAYMENT_FAILED,
            Status.CONFIRMED, Status.PACKED, Status.SHIPPED);

    public enum Action { MODIFY, CANCEL, CHANGE_PAYMENT, EXTEND_PICKUP, CHANGE_DELIVERY, RETURN, EXCHANGE, REPORT_PROBLEM }

    public enum AdminEvent {
        PAID, PAYMENT_FAILED, PACKED, SHIPPED, READY_FOR_PICKUP, DELIVERED, PICKED_UP, RETURN_RECEIVED, REFUNDED, CANCELLED
    }

    private OrderRules() {
    }

    public static List<Action> allowedActions(Order order, Instant now) {
        List<Action> actions = new ArrayList<>();
        if (canModify(order, now)) {
            actions.add(Action.MODIFY);
        }
        if (canCancel(order)) {
            actions.add(Action.CANCEL);
        }
        if (canChangePayment(order)) {
            actions.add(Action.CHANGE_PAYMENT);
        }
        if (canExtendPickup(order)) {
            actions.add(Action.EXTEND_PICKUP);
        }
        if (canChooseSlot(order)) {
            actions.add(Action.CHANGE_DELIVERY);
        }
        if (Returns.canReturn(order, now)) {
            actions.add(Action.RETURN);
            actions.add(Action.EXCHANGE);
        }
        // Some ticket type (OTHER) can always be reported.
        actions.add(Action.REPORT_PROBLEM);
        return actions;
    }

    /**
     * Until the earliest dispatch cutoff of the order's locations, and never once packed. A line
     * waiting as a pre-order holds its place in the queue: until it is filled the order changes by
     * cancelling units only.
     */
    public static boolean canModify(Order order, Instant now) {
        return BEFORE_PACKING.contains(order.status()) && order.modifiableUntil() != null
                && !now.isAfter(order.modifiableUntil()) && !order.hasPreorders();
    }

    /** Until it ships (a STORE pickup: until it is ready), then RETURN applies. */
    public static boolean canCancel(Order order) {
        return order.status().awaitingDispatch();
    }

    public static boolean canChangePayment(Order order) {
        return UNPAID.contains(order.status());
    }

    public static boolean canExtendPickup(Order order) {
        return order.status() == Status.READY_FOR_PICKUP && order.pickup() != null
                && order.pickup().extendedDays() < MAX_PICKUP_EXTENSION_DAYS;
    }

    public static boolean canChooseSlot(Order order) {
        return order.delivery().method() == DeliveryMethod.HOME && !order.delivery().slotWindows().isEmpty()
                && SLOT_CHANGEABLE.contains(order.status());
    }

    /** Whether {@code event} fits the order's state now; one that does not is refused and changes nothing. */
    public static boolean fits(AdminEvent event, Order order) {
        Status status = order.status();
        DeliveryMethod method = order.delivery().method();
        PaymentStatus payment = order.payment().status();
        return switch (event) {
            case PAID -> order.payment().method() != PaymentMethod.CASH_ON_DELIVERY
                    && (UNPAID.contains(status) || status == Status.CANCELLED
                    && (payment == PaymentStatus.PENDING || payment == PaymentStatus.FAILED));
            case PAYMENT_FAILED -> status == Status.PENDING_PAYMENT;
            // Nothing is packed while a line still waits for its pre-ordered units.
            case PACKED -> status == Status.CONFIRMED && !order.hasPreorders();
            case SHIPPED -> method != DeliveryMethod.STORE && (status == Status.PACKED || status == Status.SHIPPED);
            case READY_FOR_PICKUP -> method == DeliveryMethod.STORE && status == Status.PACKED
                    || method == DeliveryMethod.PICKUP_POINT && status == Status.SHIPPED;
            case DELIVERED -> method == DeliveryMethod.HOME && status == Status.SHIPPED;
            case PICKED_UP -> status == Status.READY_FOR_PICKUP;
            case CANCELLED -> canCancel(order);
            case REFUNDED -> payment == PaymentStatus.PAID || payment == PaymentStatus.PARTIALLY_REFUNDED;
            case RETURN_RECEIVED -> order.aftercare().returns().stream()
                    .anyMatch(r -> r.status() == Order.ReturnStatus.REQUESTED);
        };
    }

    /** What the clock does next for this order. */
    public enum DeadlineKind { PAYMENT_REMINDER, PAYMENT_EXPIRY, PICKUP_REMINDER, PICKUP_EXPIRY }

    public record Deadline(DeadlineKind kind, Instant at) {
    }

    /** The order's next deadline, or null when the clock has nothing more to do with it. */
    public static Deadline nextDeadline(Order order, OrderSettings settings) {
        if (UNPAID.contains(order.status()) && order.payment().dueBy() != null) {
            Instant dueBy = order.payment().dueBy();
            if (order.payment().method() == PaymentMethod.BANK_TRANSFER && settings.paymentReminderHours() > 0
                    && !order.deadlines().paymentReminderSent()) {
                Instant reminder = dueBy.minus(java.time.Duration.ofHours(settings.paymentReminderHours()));
                if (reminder.isAfter(order.createdAt())) {
                    return new Deadline(DeadlineKind.PAYMENT_REMINDER, reminder);
                }
            }
            return new Deadline(DeadlineKind.PAYMENT_EXPIRY, dueBy);
        }
        if (order.status() == Status.READY_FOR_PICKUP && order.pickup() != null) {
            ZoneId zone = ZoneId.of(order.pickup().timezone());
            if (!order.deadlines().pickupReminderSent()) {
                return new Deadline(DeadlineKind.PICKUP_REMINDER,
                        order.pickup().storageUntil().minusDays(1).atTime(PICKUP_REMINDER_TIME).atZone(zone).toInstant());
            }
            if (order.delivery().method() == DeliveryMethod.STORE) {
                // storageUntil is inclusive: uncollected once that day is over.
                return new Deadline(DeadlineKind.PICKUP_EXPIRY,
                        order.pickup().storageUntil().plusDays(1).atStartOfDay(zone).toInstant());
            }
        }
        return null;
    }
}
