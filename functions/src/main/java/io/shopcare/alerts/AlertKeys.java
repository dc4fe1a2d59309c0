package io.shopcare.alerts;

/**
 * Keys of the alerts table. Subscriptions carry {@code owner} (index byOwner: everything of one
 * address) and, only while ACTIVE, {@code queue}/{@code queuedAt} (sparse index byQueue: the
 * active alerts of a SKU, or the active digest subscribers, oldest sign-up first).
 */
public final class AlertKeys {
    public static final String BY_QUEUE = "byQueue";
    public static final String BY_OWNER = "byOwner";
    public static final String DIGEST_SK = "DIGEST";
    public static final String DIGEST_QUEUE = "DIGEST";

    private AlertKeys() {
    }

    public static String skuPk(String sku) {
        return "SKU#" + sku;
    }

    public static String alertSk(String emailKey) {
        return "ALERT#" + emailKey;
    }

    public static String digestPk(String emailKey) {
        return "DIGEST#" + emailKey;
    }

    public static String owner(String emailKey) {
        return "EMAIL#" + emailKey;
    }

    public static String alertQueue(String sku) {
        return "ACTIVE#" + sku;
    }

    public static String pk(Subscription.Ref ref) {
        return ref.isDigest() ? digestPk(ref.emailKey()) : skuPk(ref.sku());
    }

    public static String sk(Subscription.Ref ref) {
        return ref.isDigest() ? DIGEST_SK : alertSk(ref.emailKey());
    }

    public static String queue(Subscription.Ref ref) {
        return ref.isDigest() ? DIGEST_QUEUE : alertQueue(ref.sku());
    }
}
