package io.shopcare.alerts;

import io.shopcare.alerts.LinkTokens.Purpose;
import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.catalog.CatalogRepository;
import io.shopcare.catalog.Product;
import io.shopcare.http.ApiException;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sign-up with double opt-in, confirmation and one-click unsubscribe, for back-in-stock alerts
 * and the restock digest. Answers never tell whether an address was already subscribed.
 */
public final class SubscriptionService {
    /** Confirmation e-mails per address per window: nobody may use us to flood an inbox. */
    public static final int CONFIRMATIONS_PER_WINDOW = 5;
    public static final Duration CONFIRMATION_WINDOW = Duration.ofHours(24);

    private final SubscriptionStore store;
    private final CatalogRepository catalog;
    private final Predicate<String> categoryExists;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final Links links;
    private final Clock clock;

    public SubscriptionService(SubscriptionStore store, CatalogRepository catalog, Predicate<String> categoryExists,
                               Mailer mailer, EmailRenderer renderer, Links links, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.categoryExists = categoryExists;
        this.mailer = mailer;
        this.renderer = renderer;
        this.links = links;
        this.clock = clock;
    }

    /** POST /skus/{sku}/alerts. */
    public void signUpForAlert(String sku, String rawEmail, Language language) {
        EmailAddress email = address(rawEmail);
        String productId = catalog.productOfSku(sku).orElseThrow(() -> ApiException.notFound("SKU"));
        Product product = catalog.findProduct(productId).orElseThrow(() -> ApiException.notFound("SKU")).value();
        SkuDetails details = SkuDetails.of(product, sku).orElseThrow(() -> ApiException.notFound("SKU"));
        Ref ref = Ref.alert(sku, email.key());
        Map<String, Object> model = new HashMap<>(details.model(language));
        signUp(ref, email, language, List.of(), "alert-confirm", model);
    }

    /** POST /restock-digest/subscriptions. */
    public void signUpForDigest(String rawEmail, Language language, List<String> categoryIds) {
        EmailAddress email = address(rawEmail);
        for (int i = 0; i < categoryIds.size(); i++) {
            if (!categoryExists.test(categoryIds.get(i))) {
                throw new ApiException(404, "NOT_FOUND", "Category not found.",
                        List.of(new ApiException.Detail("categoryIds[" + i + "]", "no such category")));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("categories", categoryIds.isEmpty() ? false : String.join(", ", categoryIds));
        signUp(Ref.digest(email.key()), email, language, categoryIds, "digest-confirm", model);
    }

    private void signUp(Ref ref, EmailAddress email, Language language, List<String> categoryIds, String kind,
                        Map<String, Object> model) {
        Instant now = clock.instant();
        Subscription existing = store.find(ref).orElse(null);
        if (existing != null && (existing.status() == Status.ACTIVE || existing.status() == Status.SUPPRESSED)) {
            // Already on the list, or the address bounced/complained: accept, send nothing, reveal nothing.
            return;
        }
        if (!store.admitConfirmationMail(ref.emailKey(), now, CONFIRMATIONS_PER_WINDOW, CONFIRMATION_WINDOW)) {
            throw new ApiException(429, "RATE_LIMITED",
                    "Too many sign-ups for this address today; please confirm the e-mails already sent.");
        }
        // A repeated sign-up keeps its place in the queue; a new one (or one after an alert) queues at the back.
        Instant createdAt = existing != null && existing.status() == Status.PENDING_CONFIRMATION
                ? existing.createdAt() : now;
        if (!store.savePending(new Subscription(ref, email.value(), language, Status.PENDING_CONFIRMATION, createdAt,
                categoryIds))) {
            return;
        }
        String unsubscribeUrl = links.unsubscribe(ref.emailKey(), now);
        model.put("confirmUrl", links.confirm(ref, now));
        model.put("unsubscribeUrl", unsubscribeUrl);
        try {
            mailer.send(new OutgoingEmail(email.value(), renderer.render(kind, language, model), unsubscribeUrl));
        } catch (RuntimeException e) {
            throw new ApiException(503, "EMAIL_UNAVAILABLE",
                    "The confirmation e-mail could not be sent right now; please try again later.");
        }
    }

    /** GET /alerts/confirm: the subscription's status afterwards, and its SKU for alerts. */
    public Map<String, Object> confirm(String token) {
        Instant now = clock.instant();
        Ref ref = Ref.fromTokenSubject(links.tokens().verify(token, Purpose.CONFIRM, now).subject());
        if (ref == null) {
            throw ApiException.notFound("Subscription");
        }
        Status status = store.activate(ref, now).orElseThrow(() -> ApiException.notFound("Subscription"));
        if (status == Status.UNSUBSCRIBED || status == Status.SUPPRESSED) {
            throw new ApiException(409, "SUBSCRIPTION_ENDED",
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
        links.tokens().verify(token, Purpose.UNSUBSCRIBE, clock.instant());
    }

    /** POST /alerts/unsubscribe: ends every alert and the digest of the token's address. */
    public void unsubscribe(String token) {
        String emailKey = links.tokens().verify(token, Purpose.UNSUBSCRIBE, clock.instant()).subject();
        store.endAll(emailKey, Status.UNSUBSCRIBED);
    }

    /** A bounce or complaint reported by SES: the address gets nothing more. */
    public int suppress(String rawEmail) {
        return EmailAddress.parse(rawEmail).map(email -> store.endAll(email.key(), Status.SUPPRESSED)).orElse(0);
    }

    private static EmailAddress address(String raw) {
        return EmailAddress.parse(raw).orElseThrow(() -> ApiException.invalid("email",
                "must be a valid e-mail address of at most " + EmailAddress.MAX_LENGTH + " characters"));
    }
}
