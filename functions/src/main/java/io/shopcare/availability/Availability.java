package io.shopcare.availability;

/** What a shopper can do about an item now, best first. */
public enum Availability {
    IN_STOCK(0), LOW_STOCK(0), PREORDER(1), SOLD_OUT(2);

    /** Listing group: available first, then pre-order, then sold out. */
    private final int listingGroup;

    Availability(int listingGroup) {
        this.listingGroup = listingGroup;
    }

    public int listingGroup() {
        return listingGroup;
    }

    public boolean buyable() {
        return this != SOLD_OUT;
    }

    /** The better of the two (IN_STOCK > LOW_STOCK > PREORDER > SOLD_OUT). */
    public Availability best(Availability other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    /** Availability of {@code available} units against a low-stock threshold, ignoring pre-orders. */
    public static Availability ofUnits(long available, int lowStockThreshold) {
        if (available <= 0) {
            return SOLD_OUT;
        }
        return available <= lowStockThreshold ? LOW_STOCK : IN_STOCK;
    }
}
