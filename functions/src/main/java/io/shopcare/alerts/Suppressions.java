package io.shopcare.alerts;

import io.shopcare.alerts.Subscription.Status;
import io.shopcare.mail.EmailAddress;
import java.util.function.Supplier;

/**
 * Addresses that hard-bounced or complained: nothing is ever sent to them again, alerts, digest
 * and confirmations included, until they sign up and confirm again. Idempotent.
 */
public final class Suppressions {
    private final SubscriptionStore store;
    private final Supplier<String> newIds;

    public Suppressions(SubscriptionStore store, Supplier<String> newIds) {
        this.store = store;
        this.newIds = newIds;
    }

    /** Suppresses the address; returns how many of its subscriptions ended now. */
    public int suppress(String rawEmail) {
        return EmailAddress.parse(rawEmail).map(email -> store.endAll(
                store.suppressAddress(email.key(), newIds.get()), Status.SUPPRESSED).changed()).orElse(0);
    }
}
