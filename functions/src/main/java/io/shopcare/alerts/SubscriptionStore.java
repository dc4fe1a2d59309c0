package io.shopcare.alerts;

import java.time.Duration;
import java.time.Instant;
import io.shopcare.mail.Language;
import java.util.Optional;

/** Where alerts, digest subscriptions and their subscribers are kept. */
public interface SubscriptionStore {

    /** The subscriber id of the address (its normalised key), created on first use: one write whatever the state. */
    String subscriberId(String addressKey, String newId);

    /** The subscriber id of the address, if it ever signed up or bounced. */
    Optional<String> findSubscriberId(String addressKey);

    Optional<Subscription> find(Subscription.Ref ref);

    /**
     * Counts a sign-up of the mailbox against its limit of {@code limit} per {@code window}; false
     * (and nothing counted) when the limit is reached.
     */
    boolean admitSignUp(String mailboxKey, Instant now, int limit, Duration window);

    /**
     * One conditional write: unless the subscription is ACTIVE or SUPPRESSED it becomes (or stays)
     * PENDING_CONFIRMATION with a confirmation e-mail requested under {@code requestId}; a pending
     * one keeps its place in the queue. True when the e-mail was requested.
     */
    boolean requestConfirmation(Subscription pending, String requestId);

    /** Stores a subscription already confirmed elsewhere (an import), ACTIVE at its place, with no e-mail. */
    void saveConfirmed(Subscription subscription);

    /** PENDING_CONFIRMATION becomes ACTIVE; answers the status it has afterwards (empty: no such subscription). */
    Optional<Subscription.Status> activate(Subscription.Ref ref, Instant now);

    /**
     * Ends every alert and the digest of the subscriber with {@code status}; answers how many
     * changed and the language of the subscriber's latest sign-up (empty when there is none).
     */
    Ended endAll(String subscriberId, Subscription.Status status);

    /** What {@link #endAll} did: how many subscriptions changed, and the language the subscriber reads. */
    record Ended(int changed, Optional<Language> language) {
    }

    /** Marks the address as not to be written to at all (hard bounce, complaint); answers its subscriber id. */
    String suppressAddress(String addressKey, String newId);

    /** True when the address hard-bounced or complained. */
    boolean isSuppressed(String addressKey);

    /** A confirmation e-mail to send: the pending subscription, claimed for this attempt. */
    record ConfirmationMail(Subscription subscription, int attempt) {
    }

    /**
     * Claims the confirmation e-mail requested under {@code requestId} while the subscription is
     * still pending; empty when it was sent, superseded, ended or has used its attempts.
     */
    Optional<ConfirmationMail> claimConfirmationMail(Subscription.Ref ref, String requestId, int maxAttempts);

    void confirmationMailSent(Subscription.Ref ref, String requestId, String messageId);

    /** The attempt failed: ask again ({@code retry}) or give up. */
    void confirmationMailFailed(Subscription.Ref ref, String requestId, boolean retry);
}
