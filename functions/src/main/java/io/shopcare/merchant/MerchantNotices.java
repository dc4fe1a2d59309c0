package io.shopcare.merchant;

import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.observability.LogContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * E-mails the merchant one notice per low-stock or sold-out crossing. The notice is claimed
 * (PENDING → SENDING) before the send and marked SENT with the message id after, so a redelivered
 * record never sends twice; a refused send gives the claim back for a retry.
 */
public final class MerchantNotices {
    private final NoticeStore store;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final String merchantAddress;

    /** A low-stock or sold-out crossing, as the detector recorded it. */
    public record Notice(String sku, String product, String variant, long available, long threshold, boolean soldOut) {
    }

    public interface NoticeStore {
        /** Claims a PENDING notice; empty when it was claimed before. */
        Optional<Notice> claim(String pk, String sk);

        void markSent(String pk, String sk, String messageId);

        void unclaim(String pk, String sk);
    }

    public MerchantNotices(NoticeStore store, Mailer mailer, EmailRenderer renderer, String merchantAddress) {
        this.store = store;
        this.mailer = mailer;
        this.renderer = renderer;
        this.merchantAddress = merchantAddress;
    }

    public void deliver(String pk, String sk) {
        Optional<Notice> claimed = store.claim(pk, sk);
        if (claimed.isEmpty()) {
            return;
        }
        Notice notice = claimed.get();
        LogContext.touch("sku", notice.sku());
        Map<String, Object> model = new HashMap<>();
        model.put("sku", notice.sku());
        model.put("product", notice.product());
        model.put("variant", notice.variant().isEmpty() ? false : notice.variant());
        model.put("available", notice.available());
        model.put("threshold", notice.threshold());
        model.put("soldOut", notice.soldOut());
        String messageId;
        try {
            // Merchant notices are operational mail: English, no unsubscribe link.
            messageId = mailer.send(new OutgoingEmail(merchantAddress,
                    renderer.render("merchant-stock", Language.EN, model), null));
        } catch (Mailer.NotSent refused) {
            store.unclaim(pk, sk);
            throw refused;
        }
        store.markSent(pk, sk, messageId);
    }
}
