package io.shopcare.orders;

/** A line that cannot be served: its index in the request and how many units could be had in all. */
public record Shortage(int lineIndex, long available) {

    public Shortage {
        if (lineIndex < 0 || available < 0) {
            throw new IllegalArgumentException("lineIndex and available must be >= 0: " + lineIndex + ", " + available);
        }
    }
}
