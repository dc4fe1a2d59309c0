package io.shopcare.orders;

import io.shopcare.orders.OrderStore.PreorderChange;
import io.shopcare.orders.OrderStore.PreorderGuard;
import io.shopcare.orders.OrderStore.StockChange;
import java.util.List;

/**
 * What one decision about an order writes, all at once: the order's next version, the stock it
 * reserves, gives back or ships, its pre-order queue changes and guards, a variable symbol it
 * claims, orders it creates (an exchange order) and the ticket it opens or resolves.
 */
record OrderChange(Order next, List<StockChange> stock, List<PreorderChange> preorders, List<PreorderGuard> guards,
                   String claimSymbol, List<Order> created, Ticket ticket) {

    OrderChange(Order next, List<StockChange> stock, String claimSymbol) {
        this(next, stock, List.of(), List.of(), claimSymbol, List.of(), null);
    }

    OrderChange(Order next, List<StockChange> stock, List<PreorderChange> preorders, String claimSymbol) {
        this(next, stock, preorders, List.of(), claimSymbol, List.of(), null);
    }

    OrderChange(Order next, List<StockChange> stock, List<PreorderChange> preorders, List<PreorderGuard> guards,
                String claimSymbol) {
        this(next, stock, preorders, guards, claimSymbol, List.of(), null);
    }
}
