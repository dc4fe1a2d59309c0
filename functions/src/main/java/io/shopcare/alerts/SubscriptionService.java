package io.shopcare.alerts;

import io.shopcare.alerts.LinkTokens.Purpose;
import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.mail.Language;
import io.shopcare.outcome.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What the links in alert and digest e-mails do: confirm a sign-up, unsubscribe with one click. */
public final class SubscriptionService {
    private final SubscriptionStore store;
    private final LinkTokens tokens;
    private final Clock clock;

    public SubscriptionService(SubscriptionStore store, LinkTokens tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** GET /alerts/confirm: the subscription's status afterwards, and its SKU for alerts. */
    public Map<String, Object> confirm(String token) {
        Instant now = clock.instant();
        Ref ref = Ref.fromTokenSubject(tokens.verify(token, Purpose.CONFIRM, now).subject());
        if (ref == null) {
            throw Refusal.notFound("Subscription");
        }
        Status status = store.activate(ref, now).orElseThrow(() -> Refusal.notFound("Subscription"));
        if (status == Status.UNSUBSCRIBED || status == Status.SUPPRESSED) {
            throw Refusal.conflict("SUBSCRIPTION_ENDED",
                    "This sign-up was ended by unsubscribing; please sign up again.");
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("status", status.name());
        if (!ref.isDigest()) {
            answer.put("sku", ref.sku());
        }
        return answer;
    }

    /** Checks an unsubscribe token without acting on it (the GET page). */
    public void checkUnsubscribeToken(String token) {
        tokens.verify(token, Purpose.UNSUBSCRIBE, clock.instant());
    }

    /**
     * POST /alerts/unsubscribe: ends every alert and the digest of the token's subscriber; answers
     * the language the subscriber signed up in, when known (a page for a browser is written in it).
     */
    public Optional<Language> unsubscribe(String token) {
        String subscriberId = tokens.verify(token, Purpose.UNSUBSCRIBE, clock.instant()).subject();
        return store.endAll(subscriberId, Status.UNSUBSCRIBED).language();
    }
}
