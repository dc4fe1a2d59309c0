package io.shopcare.orders;

import java.util.Objects;

/** One order line as sourcing sees it: which SKU and how many units. */
public record LineRequest(String sku, int quantity) {

    public LineRequest {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
        }
    }
}
