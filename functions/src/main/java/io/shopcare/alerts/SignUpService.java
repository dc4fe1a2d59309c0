package io.shopcare.alerts;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.catalog.CatalogRepository;
import io.shopcare.catalog.Product;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.Language;
import io.shopcare.observability.Metrics;
import io.shopcare.outcome.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sign-up with double opt-in for back-in-stock alerts and the restock digest. Every sign-up does
 * the same work whatever the address's state (new, pending, confirmed, ended, bounced): the
 * subscriber id, the mailbox's limit, one conditional write. The confirmation e-mail goes out from
 * the table's stream, so neither the answer nor its timing tells whether an address was known.
 */
public final class SignUpService {
    /** Sign-ups per mailbox per window: nobody may use us to flood an inbox. */
    public static final int SIGNUPS_PER_WINDOW = 5;
    public static final Duration WINDOW = Duration.ofHours(24);

    private final SubscriptionStore store;
    private final CatalogRepository catalog;
    private final Predicate<String> categoryExists;
    private final Supplier<String> newIds;
    private final Clock clock;

    /** {@code catalog} may be null where only digest sign-ups happen, {@code categoryExists} where only alerts do. */
    public SignUpService(SubscriptionStore store, CatalogRepository catalog, Predicate<String> categoryExists,
                         Supplier<String> newIds, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.categoryExists = categoryExists;
        this.newIds = newIds;
        this.clock = clock;
    }

    /** POST /skus/{sku}/alerts. */
    public void signUpForAlert(String sku, String rawEmail, Language language) {
        EmailAddress email = address(rawEmail);
        Objects.requireNonNull(catalog, "alert sign-ups need the catalog (INVENTORY_TABLE)");
        String productId = catalog.productOfSku(sku).orElseThrow(() -> Refusal.notFound("SKU"));
        Product product = catalog.findProduct(productId).orElseThrow(() -> Refusal.notFound("SKU")).value();
        SkuDetails.of(product, sku).orElseThrow(() -> Refusal.notFound("SKU"));
        signUp(email, language, subscriberId -> Ref.alert(sku, subscriberId), List.of());
    }

    /** POST /restock-digest/subscriptions. */
    public void signUpForDigest(String rawEmail, Language language, List<String> categoryIds) {
        EmailAddress email = address(rawEmail);
        Objects.requireNonNull(categoryExists, "digest sign-ups need the categories (READ_MODEL_TABLE)");
        for (int i = 0; i < categoryIds.size(); i++) {
            if (!categoryExists.test(categoryIds.get(i))) {
                throw Refusal.notFound("Category not found.",
                        List.of(new Refusal.Problem("categoryIds[" + i + "]", "no such category")));
            }
        }
        signUp(email, language, Ref::digest, categoryIds);
    }

    private void signUp(EmailAddress email, Language language, Function<String, Ref> subscription,
                        List<String> categoryIds) {
        Instant now = clock.instant();
        Ref ref = subscription.apply(store.subscriberId(email.key(), newIds.get()));
        if (!store.admitSignUp(email.mailboxKey(), now, SIGNUPS_PER_WINDOW, WINDOW)) {
            Metrics.count("SignUpsRateLimited", 1);
            throw Refusal.limited("RATE_LIMITED",
                    "Too many sign-ups for this address today; please confirm the e-mails already sent.");
        }
        // Refused (nothing written) when already confirmed or bounced: the answer is the same.
        store.requestConfirmation(new Subscription(ref, email.value(), language, Status.PENDING_CONFIRMATION, now,
                categoryIds), newIds.get());
        Metrics.count("SignUps", "Kind", ref.isDigest() ? "digest" : "alert", 1);
    }

    private static EmailAddress address(String raw) {
        return EmailAddress.parse(raw).orElseThrow(() -> Refusal.invalid("email",
                "must be a valid e-mail address of at most " + EmailAddress.MAX_LENGTH + " characters"));
    }
}
