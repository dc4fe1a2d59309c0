package io.shopcare.alerts;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.alerts.SubscriptionStore.ConfirmationMail;
import io.shopcare.catalog.CatalogRepository;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.observability.LogContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the double opt-in e-mail a sign-up asked for, from the alerts table's stream. The request
 * is claimed before the send, so a redelivered record sends nothing; a failed send is asked for
 * again up to three attempts (a confirmation e-mail twice is a small nuisance, none at all a lost
 * shopper), and a bounced address gets nothing.
 */
public final class ConfirmationMails {
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(ConfirmationMails.class.getName());
    private final SubscriptionStore store;
    private final CatalogRepository catalog;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final Links links;
    private final Clock clock;

    public ConfirmationMails(SubscriptionStore store, CatalogRepository catalog, Mailer mailer, EmailRenderer renderer,
                             Links links, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.mailer = mailer;
        this.renderer = renderer;
        this.links = links;
        this.clock = clock;
    }

    /** Sends the e-mail requested under {@code requestId}, unless it was sent, superseded or ended. */
    public void send(Ref ref, String requestId) {
        Optional<ConfirmationMail> claimed = store.claimConfirmationMail(ref, requestId, ATTEMPTS);
        if (claimed.isEmpty()) {
            return;
        }
        Subscription subscription = claimed.get().subscription();
        LogContext.touch("sku", ref.sku());
        EmailAddress address = EmailAddress.parse(subscription.email()).orElseThrow();
        if (store.isSuppressed(address.key())) {
            store.confirmationMailFailed(ref, requestId, false);
            store.endAll(ref.subscriberId(), Status.SUPPRESSED);
            return;
        }
        Map<String, Object> model = model(subscription);
        if (model == null) {
            store.confirmationMailFailed(ref, requestId, false); // the SKU is gone: nothing to confirm
            return;
        }
        Instant now = clock.instant();
        String unsubscribeUrl = links.unsubscribe(ref.subscriberId(), now);
        model.put("confirmUrl", links.confirm(ref, now));
        model.put("unsubscribeUrl", unsubscribeUrl);
        String kind = ref.isDigest() ? "digest-confirm" : "alert-confirm";
        String messageId;
        try {
            messageId = mailer.send(new OutgoingEmail(subscription.email(),
                    renderer.render(kind, subscription.language(), model), unsubscribeUrl));
        } catch (RuntimeException e) {
            boolean retry = claimed.get().attempt() < ATTEMPTS;
            LOG.log(Level.WARNING, "confirmation e-mail attempt " + claimed.get().attempt() + " failed"
                    + (retry ? "; it will be tried again" : "; giving up"), e);
            store.confirmationMailFailed(ref, requestId, retry);
            return;
        }
        store.confirmationMailSent(ref, requestId, messageId);
    }

    /** The e-mail's model, or null when the alert's SKU no longer exists. */
    private Map<String, Object> model(Subscription subscription) {
        Map<String, Object> model = new HashMap<>();
        if (subscription.ref().isDigest()) {
            model.put("categories", subscription.categoryIds().isEmpty() ? false
                    : String.join(", ", subscription.categoryIds()));
            return model;
        }
        String sku = subscription.ref().sku();
        return catalog.productOfSku(sku).flatMap(catalog::findProduct)
                .flatMap(product -> SkuDetails.of(product.value(), sku))
                .map(details -> {
                    model.putAll(details.model(subscription.language()));
                    return model;
                }).orElse(null);
    }
}
