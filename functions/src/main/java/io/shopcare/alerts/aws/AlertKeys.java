package io.shopcare.alerts.aws;

import io.shopcare.alerts.Subscription;

/**
 * Keys of the alerts table's subscription items. A subscriber is an opaque random id per address
 * ({@code ADDRESS#<address key> / SUBSCRIBER} holds it), so links carry nothing derived from the
 * address. Subscriptions carry {@code owner} (index byOwner: everything of one subscriber) and,
 * only while ACTIVE, {@code queue}/{@code queuedAt} (sparse index byQueue: the active alerts of a
 * SKU, or the active digest subscribers, oldest sign-up first).
 */
public final class AlertKeys {
    public static final String BY_QUEUE = "byQueue";
    public static final String BY_OWNER = "byOwner";
    public static final String DIGEST_SK = "DIGEST";
    public static final String DIGEST_QUEUE = "DIGEST";
    public static final String SUBSCRIBER_SK = "SUBSCRIBER";
    public static final String RATE_SK = "CONFIRMATIONS";

    private AlertKeys() {
    }

    public static String addressPk(String addressKey) {
        return "ADDRESS#" + addressKey;
    }

    public static String ratePk(String mailboxKey) {
        return "RATE#" + mailboxKey;
    }

    public static String skuPk(String sku) {
        return "SKU#" + sku;
    }

    public static String alertSk(String subscriberId) {
        return "ALERT#" + subscriberId;
    }

    public static String digestPk(String subscriberId) {
        return "DIGEST#" + subscriberId;
    }

    public static String owner(String subscriberId) {
        return "SUBSCRIBER#" + subscriberId;
    }

    public static String alertQueue(String sku) {
        return "ACTIVE#" + sku;
    }

    public static String pk(Subscription.Ref ref) {
        return ref.isDigest() ? digestPk(ref.subscriberId()) : skuPk(ref.sku());
    }

    public static String sk(Subscription.Ref ref) {
        return ref.isDigest() ? DIGEST_SK : alertSk(ref.subscriberId());
    }

    public static String queue(Subscription.Ref ref) {
        return ref.isDigest() ? DIGEST_QUEUE : alertQueue(ref.sku());
    }

    /** The subscription an item's keys name, or null when they name none. */
    public static Subscription.Ref ref(String pk, String sk) {
        if (pk.startsWith("DIGEST#") && DIGEST_SK.equals(sk)) {
            return Subscription.Ref.digest(pk.substring("DIGEST#".length()));
        }
        if (pk.startsWith("SKU#") && sk.startsWith("ALERT#")) {
            return Subscription.Ref.alert(pk.substring("SKU#".length()), sk.substring("ALERT#".length()));
        }
        return null;
    }
}
