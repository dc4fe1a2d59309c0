package io.shopcare.orders;

import java.util.random.RandomGenerator;

/**
 * Variable symbols for bank transfers: the number the payer's bank passes on, by which a payment is
 * matched to its order. Ten digits without a leading zero (orders.md, "Payments"): banks and
 * accounting tools treat the symbol as a number and drop leading zeros, which would make two
 * symbols look alike. Uniqueness per order is the caller's (a conditional write that retries with
 * a new draw): 9 × 10⁹ values make a collision rare, not impossible.
 */
public final class VariableSymbols {

    private static final long SMALLEST = 1_000_000_000L;
    private static final long PAST_LARGEST = 10_000_000_000L;

    private VariableSymbols() {
    }

    /** A uniformly drawn 10-digit symbol, first digit 1–9. */
    public static String random(RandomGenerator random) {
        return Long.toString(random.nextLong(SMALLEST, PAST_LARGEST));
    }
}
