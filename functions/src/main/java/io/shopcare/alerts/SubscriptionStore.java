package io.shopcare.alerts;

import java.time.Instant;
import java.util.Optional;

/** Where alerts and digest subscriptions are kept. */
public interface SubscriptionStore {

    Optional<Subscription> find(Subscription.Ref ref);

    /**
     * Counts a confirmation e-mail to the address against its limit of {@code limit} per
     * {@code window}; false (and nothing counted) when the limit is reached.
     */
    boolean admitConfirmationMail(String emailKey, Instant now, int limit, java.time.Duration window);

    /** Stores the subscription as PENDING_CONFIRMATION unless it is ACTIVE by now (then false). */
    boolean savePending(Subscription subscription);

    /** PENDING_CONFIRMATION becomes ACTIVE; answers the status it has afterwards (empty: no such subscription). */
    Optional<Subscription.Status> activate(Subscription.Ref ref, Instant now);

    /** Ends every alert and the digest of the address with {@code status}; returns how many changed. */
    int endAll(String emailKey, Subscription.Status status);
}
