package io.shopcare.alerts;

import io.shopcare.alerts.LinkTokens.Purpose;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The links e-mails carry: API links with signed tokens, and storefront product pages. */
public final class Links {
    private final String apiBaseUrl;
    private final String storefrontUrl;
    private final LinkTokens tokens;

    public Links(String apiBaseUrl, String storefrontUrl, LinkTokens tokens) {
        this.apiBaseUrl = stripSlash(apiBaseUrl);
        this.storefrontUrl = stripSlash(storefrontUrl);
        this.tokens = tokens;
    }

    public LinkTokens tokens() {
        return tokens;
    }

    public String confirm(Subscription.Ref ref, Instant now) {
        return apiBaseUrl + "/alerts/confirm?token=" + tokens.issue(Purpose.CONFIRM, ref.tokenSubject(), now);
    }

    public String unsubscribe(String subscriberId, Instant now) {
        return apiBaseUrl + "/alerts/unsubscribe?token=" + tokens.issue(Purpose.UNSUBSCRIBE, subscriberId, now);
    }

    public String product(String productId) {
        return storefrontUrl + "/products/" + URLEncoder.encode(productId, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
