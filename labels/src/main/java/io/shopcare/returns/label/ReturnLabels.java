package io.shopcare.returns.label;

import java.util.Optional;

/**
 * Where the label's facts come from: the stored return of an order, with what the label prints
 * (the order's customer and language, the returned lines, the carrier) and the shop's return
 * address. Empty when the order has no such return, so an unknown return and another order's
 * return look the same.
 *
 * <p>The returns capability provides the implementation that reads the stored return and its
 * order (one GetItem each, or one Query of the order's partition) and adds the address from the
 * template's parameter; tests use an in-memory one. The label function needs nothing else.
 */
@FunctionalInterface
public interface ReturnLabels {
    Optional<ReturnLabel> find(String orderId, String returnId);
}
