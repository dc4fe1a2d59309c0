package io.shopcare.orders;

import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.idempotency.StoredReply;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders and the stock they hold, owned by the orders capability. A {@link Write} is one atomic
 * write: the order (created, or replaced when its version is still the one read), every stock
 * change with its guard, and the idempotency record of the request that caused it.
 */
public interface OrderStore {

    Optional<Order> find(String orderId);

    /** The first reply given under an idempotency key, if any. */
    Optional<StoredReply> reply(String key);

    void write(Write write) throws WriteRefused;

    /**
     * A change of the units a location holds for orders. {@code reserve} > 0 takes units, guarded
     * by {@code seenOnHand} (the on-hand count the sourcing read: the write fails if it changed or
     * if fewer than {@code reserve} units are free now); {@code reserve} < 0 gives units back;
     * {@code ship} takes units that leave the building out of both on-hand and reserved;
     * {@code receive} puts returned units back on hand.
     */
    record StockChange(String sku, String locationId, String productId, int reserve, int ship, Long seenOnHand,
                       int receive) {
        public StockChange(String sku, String locationId, String productId, int reserve, int ship, Long seenOnHand) {
            this(sku, locationId, productId, reserve, ship, seenOnHand, 0);
        }
    }

    /**
     * A change of a SKU's pre-order counts by one order's line: {@code preordered} units pre-ordered
     * (> 0 only while at most {@code limit} are, in all) or cancelled (< 0); {@code waiting} units
     * joining the queue or leaving it (filled or cancelled). {@code remaining} is what the line still
     * waits for afterwards (its queue entry; 0 removes it), or null when the line is not in the queue.
     */
    record PreorderChange(String sku, String productId, int preordered, int waiting, Integer remaining, long limit) {
    }

    /**
     * A new order's guard on a SKU with a pre-order queue: the write fails if more units wait than
     * the {@code seenWaiting} its sourcing held back, so nobody buys a unit a pre-order waits for.
     */
    record PreorderGuard(String sku, long seenWaiting) {
    }

    /**
     * {@code expectedVersion} 0 creates the order; {@code claimSymbol} reserves a variable symbol;
     * {@code created} are new orders written with it (an exchange order); {@code ticket} is put as given.
     */
    record Write(Order order, long expectedVersion, List<StockChange> stock, List<PreorderChange> preorders,
                 List<PreorderGuard> guards, String claimSymbol, Instant nextDeadline, List<Order> created,
                 Ticket ticket, IdempotencyKey key, String reply) {
    }

    Optional<Ticket> findTicket(String ticketId);

    /** Tickets in a status, highest priority first, then oldest. */
    record TicketPage(List<Ticket> tickets, String nextCursor) {
    }

    TicketPage ticketsByStatus(Ticket.Status status, int limit, String cursor);

    /** Orders in a status, oldest first, or one customer's, newest first. */
    record Page(List<Order> orders, String nextCursor) {
    }

    Page byStatus(Order.Status status, int limit, String cursor);

    Page byCustomer(String email, int limit, String cursor);

    /** Ids of orders with a deadline at or before {@code now}. */
    List<String> due(Instant now, int limit);

    final class WriteRefused extends Exception {
        public enum Reason { ORDER_CHANGED, STOCK_CHANGED, SYMBOL_TAKEN, KEY_USED }

        private final Reason reason;

        public WriteRefused(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
