package io.shopcare.restock;

/**
 * What a SKU's new state means compared with the last one recorded: a restock (not buyable →
 * buyable), a merchant crossing (down to the low-stock threshold, or to zero), or nothing. Pure.
 */
public final class StockTransitions {
    private StockTransitions() {
    }

    /** The recorded state of a SKU: buyable online, units available online, at product version {@code version}. */
    public record SkuState(String sku, boolean buyable, long available, long version, String lastEventId) {
    }

    /** What the SKU looks like now. {@code unitsBuyable} is available units, or the pre-order room. */
    public record Observation(String sku, boolean buyable, long available, long unitsBuyable, int lowStockThreshold) {
    }

    public enum Crossing { LOW_STOCK, SOLD_OUT }

    public record Transition(Observation now, boolean restocked, Crossing crossing, boolean changed) {
    }

    public static Transition compare(SkuState before, Observation now) {
        if (before == null) {
            // First sight of the SKU: nothing came "back", nothing crossed.
            return new Transition(now, false, null, true);
        }
        boolean restocked = !before.buyable() && now.buyable();
        Crossing crossing = null;
        if (before.available() > 0 && now.available() <= 0) {
            crossing = Crossing.SOLD_OUT;
        } else if (before.available() > now.lowStockThreshold() && now.available() <= now.lowStockThreshold()) {
            crossing = Crossing.LOW_STOCK;
        }
        boolean changed = before.buyable() != now.buyable() || before.available() != now.available();
        return new Transition(now, restocked, crossing, changed);
    }

    /** How many alerts one wave may e-mail: never far more than the units that came back. */
    public static int waveBudget(long unitsBack) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(10, 3 * Math.max(0, unitsBack)));
    }
}
