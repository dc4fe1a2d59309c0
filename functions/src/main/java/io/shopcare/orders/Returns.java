package io.shopcare.orders;

import io.shopcare.orders.Order.Line;
import io.shopcare.orders.Order.LineStatus;
import io.shopcare.orders.Order.Return;
import io.shopcare.orders.Order.ReturnLine;
import io.shopcare.orders.Order.ReturnStatus;
import io.shopcare.orders.Order.Status;
import io.shopcare.orders.OrderStore.StockChange;
import io.shopcare.outcome.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of returns (orders.md, "After delivery"): what may still be returned and until when,
 * what is refunded at once, and what receiving a return does.
 */
final class Returns {
    private static final Set<Status> HANDED_OVER = EnumSet.of(Status.DELIVERED, Status.PICKED_UP);

    private Returns() {
    }

    /** Delivered or picked up, within {@code returnUntil} (inclusive, in the order's zone), with units left to return. */
    static boolean canReturn(Order order, Instant now) {
        return HANDED_OVER.contains(order.status()) && order.returnUntil() != null
                && !today(order, now).isAfter(order.returnUntil())
                && order.lines().stream().anyMatch(l -> returnable(order, l) > 0);
    }

    /** Units delivered on the line less those in returns already (never more than delivered minus returned). */
    static int returnable(Order order, Line line) {
        if (line.status() != LineStatus.FULFILLED && line.status() != LineStatus.RETURNED) {
            return 0;
        }
        return line.quantity() + line.returnedQuantity() - order.unitsInReturns(line.sku());
    }

    /** The day it is where the order was handed over: the return window's dates are that zone's. */
    static LocalDate today(Order order, Instant now) {
        String zone = order.aftercare().zone();
        return LocalDate.ofInstant(now, zone == null ? java.time.ZoneOffset.UTC : ZoneId.of(zone));
    }

    /** What the shop refunds at once: the units returned for its own fault (damaged, not as described). */
    static BigDecimal refundAtOnce(Order order, List<ReturnLine> lines) {
        BigDecimal amount = BigDecimal.ZERO;
        for (ReturnLine l : lines) {
            if (l.reason().shopsFault()) {
                amount = amount.add(order.line(l.sku()).unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity())));
            }
        }
        return amount;
    }

    /**
     * The merchant received the parcel: its units count as returned; sellable ones (not reported
     * damaged) go back on hand where they were shipped from; a refund return pays back what was not
     * refunded at once, an exchange is done.
     */
    static OrderChange receive(Order order, String returnId, Instant now) {
        if (returnId == null) {
            throw Refusal.invalid("returnId", "is required for RETURN_RECEIVED");
        }
        Return received = order.returnOf(returnId);
        if (received == null) {
            throw Refusal.invalid("returnId", "is not a return of this order");
        }
        if (received.status() != ReturnStatus.REQUESTED) {
            throw Refusal.conflict("EVENT_NOT_ALLOWED", "The return " + returnId + " was received already.");
        }
        List<Line> lines = new ArrayList<>();
        List<StockChange> stock = new ArrayList<>();
        for (Line line : order.lines()) {
            int units = received.lines().stream().filter(l -> l.sku().equals(line.sku())).mapToInt(ReturnLine::quantity).sum();
            if (units == 0) {
                lines.add(line);
                continue;
            }
            int left = line.quantity() - units;
            lines.add(new Line(line.sku(), line.productId(), line.name(), line.size(), line.colour(), line.unitPrice(),
                    left, line.cancelledQuantity(), line.returnedQuantity() + units,
                    left == 0 ? LineStatus.RETURNED : line.status(), line.allocations()));
            int sellable = received.lines().stream().filter(l -> l.sku().equals(line.sku()) && !l.reason().shopsFault()
                    && l.reason() != Order.ReturnReason.DAMAGED).mapToInt(ReturnLine::quantity).sum();
            if (sellable > 0 && !line.allocations().isEmpty()) {
                stock.add(new StockChange(line.sku(), line.allocations().get(0).locationId(), line.productId(), 0, 0,
                        null, sellable));
            }
        }
        Order.Builder next = order.next().lines(lines).event(now, "RETURN_RECEIVED", Map.of("returnId", returnId));
        BigDecimal owed = BigDecimal.ZERO;
        ReturnStatus status = ReturnStatus.EXCHANGED;
        if (received.resolution() == Order.Resolution.REFUND) {
            status = ReturnStatus.REFUNDED;
            BigDecimal value = BigDecimal.ZERO;
            for (ReturnLine l : received.lines()) {
                value = value.add(order.line(l.sku()).unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity())));
            }
            BigDecimal left = order.payment().paid().subtract(order.payment().refunded());
            owed = value.subtract(received.refunded()).min(left).max(BigDecimal.ZERO);
        }
        Order updated = withReturn(next.build(), received.withStatus(status, received.refunded().add(owed)));
        if (owed.signum() > 0) {
            updated = OrderService.refund(updated, owed, now, "RETURN", returnId);
        }
        return new OrderChange(updated, stock, null);
    }

    static Order withReturn(Order order, Return changed) {
        List<Return> returns = new ArrayList<>();
        boolean replaced = false;
        for (Return r : order.aftercare().returns()) {
            if (r.returnId().equals(changed.returnId())) {
                returns.add(changed);
                replaced = true;
            } else {
                returns.add(r);
            }
        }
        if (!replaced) {
            returns.add(changed);
        }
        return order.next().aftercare(order.aftercare().withReturns(returns)).build();
    }
}
