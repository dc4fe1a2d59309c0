package io.shopcare.orders;

import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;

/**
 * Order access tokens: an HMAC of the order id under the shop's signing key (its own purpose, so
 * no other signed token passes as one). Nothing is stored, so there is no token in clear to leak;
 * the replay of a placement and every e-mail recompute it. Checked in constant time.
 */
public final class OrderTokens {
    private final Signer signer;

    public OrderTokens(KeyRing keys) {
        this.signer = new Signer(keys, "order-access");
    }

    public String issue(String orderId) {
        return signer.sign(orderId);
    }

    /** The order's token reads it; an exchange order is read with the token of the order it replaces units of. */
    public boolean verify(String orderId, String token) {
        return signer.verify(token).map(signed -> signed.equals(orderId) || signed.equals(OrderIds.exchangedOrder(orderId)))
                .orElse(false);
    }

}
