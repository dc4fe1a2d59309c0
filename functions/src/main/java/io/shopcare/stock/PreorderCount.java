package io.shopcare.stock;

/**
 * A SKU's pre-order counts: {@code preordered} units were pre-ordered and not cancelled (what the
 * variant's limit caps, filled ones included), {@code waiting} of them still wait for stock (what
 * arriving units go to first).
 */
public record PreorderCount(long preordered, long waiting) {
    public static final PreorderCount NONE = new PreorderCount(0, 0);

    /** Room left under the variant's limit. */
    public long room(long limit) {
        return Math.max(0, limit - preordered);
    }
}
