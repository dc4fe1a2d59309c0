package io.shopcare.alerts;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The subscription store's contract in memory, with a log of the calls made, for unit tests. */
final class InMemorySubscriptionStore implements SubscriptionStore {
    final List<String> calls = new ArrayList<>();
    final Map<String, String> subscriberIds = new HashMap<>();
    final Set<String> suppressedAddresses = new HashSet<>();
    final Map<Ref, Entry> entries = new LinkedHashMap<>();
    private final Map<String, List<Instant>> signUps = new HashMap<>();

    /** One stored subscription and its confirmation-mail state. */
    static final class Entry {
        Subscription subscription;
        String mail;
        String mailRequest;
        int mailAttempts;
        String messageId;

        Entry(Subscription subscription) {
            this.subscription = subscription;
        }
    }

    @Override
    public String subscriberId(String addressKey, String newId) {
        calls.add("subscriberId");
        return subscriberIds.computeIfAbsent(addressKey, k -> newId);
    }

    @Override
    public Optional<String> findSubscriberId(String addressKey) {
        calls.add("findSubscriberId");
        return Optional.ofNullable(subscriberIds.get(addressKey));
    }

    @Override
    public Optional<Subscription> find(Ref ref) {
        calls.add("find");
        return Optional.ofNullable(entries.get(ref)).map(e -> e.subscription);
    }

    @Override
    public boolean admitSignUp(String mailboxKey, Instant now, int limit, Duration window) {
        calls.add("admitSignUp");
        List<Instant> recent = signUps.computeIfAbsent(mailboxKey, k -> new ArrayList<>());
        recent.removeIf(t -> !t.isAfter(now.minus(window)));
        if (recent.size() >= limit) {
            return false;
        }
        recent.add(now);
        return true;
    }

    @Override
    public boolean requestConfirmation(Subscription pending, String requestId) {
        calls.add("requestConfirmation");
        Entry entry = entries.get(pending.ref());
        if (entry != null && (entry.subscription.status() == Status.ACTIVE
                || entry.subscription.status() == Status.SUPPRESSED)) {
            return false;
        }
        Instant since = entry != null && entry.subscription.status() == Status.PENDING_CONFIRMATION
                ? entry.subscription.createdAt() : pending.createdAt();
        Entry updated = new Entry(new Subscription(pending.ref(), pending.email(), pending.language(),
                Status.PENDING_CONFIRMATION, since, pending.categoryIds()));
        updated.mail = "REQUESTED";
        updated.mailRequest = requestId;
        entries.put(pending.ref(), updated);
        return true;
    }

    @Override
    public void saveConfirmed(Subscription subscription) {
        calls.add("saveConfirmed");
        entries.put(subscription.ref(), new Entry(subscription.withStatus(Status.ACTIVE)));
    }

    @Override
    public Optional<Status> activate(Ref ref, Instant now) {
        calls.add("activate");
        Entry entry = entries.get(ref);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.subscription.status() == Status.PENDING_CONFIRMATION) {
            entry.subscription = entry.subscription.withStatus(Status.ACTIVE);
        }
        return Optional.of(entry.subscription.status());
    }

    @Override
    public Ended endAll(String subscriberId, Status status) {
        calls.add("endAll");
        int changed = 0;
        Subscription latest = null;
        for (Entry entry : entries.values()) {
            if (entry.subscription.ref().subscriberId().equals(subscriberId)) {
                if (latest == null || entry.subscription.createdAt().isAfter(latest.createdAt())) {
                    latest = entry.subscription;
                }
                if (entry.subscription.status() != status) {
                    entry.subscription = entry.subscription.withStatus(status);
                    changed++;
                }
            }
        }
        return new Ended(changed, java.util.Optional.ofNullable(latest).map(Subscription::language));
    }

    @Override
    public String suppressAddress(String addressKey, String newId) {
        calls.add("suppressAddress");
        suppressedAddresses.add(addressKey);
        return subscriberIds.computeIfAbsent(addressKey, k -> newId);
    }

    @Override
    public boolean isSuppressed(String addressKey) {
        calls.add("isSuppressed");
        return suppressedAddresses.contains(addressKey);
    }

    @Override
    public Optional<ConfirmationMail> claimConfirmationMail(Ref ref, String requestId, int maxAttempts) {
        calls.add("claimConfirmationMail");
        Entry entry = entries.get(ref);
        if (entry == null || entry.subscription.status() != Status.PENDING_CONFIRMATION || !"REQUESTED".equals(entry.mail)
                || !requestId.equals(entry.mailRequest) || entry.mailAttempts >= maxAttempts) {
            return Optional.empty();
        }
        entry.mail = "SENDING";
        entry.mailAttempts++;
        return Optional.of(new ConfirmationMail(entry.subscription, entry.mailAttempts));
    }

    @Override
    public void confirmationMailSent(Ref ref, String requestId, String messageId) {
        calls.add("confirmationMailSent");
        settle(ref, requestId, "SENT").messageId = messageId;
    }

    @Override
    public void confirmationMailFailed(Ref ref, String requestId, boolean retry) {
        calls.add("confirmationMailFailed");
        settle(ref, requestId, retry ? "REQUESTED" : "FAILED");
    }

    private Entry settle(Ref ref, String requestId, String state) {
        Entry entry = entries.get(ref);
        if (entry != null && "SENDING".equals(entry.mail) && requestId.equals(entry.mailRequest)) {
            entry.mail = state;
        }
        return entry;
    }
}
