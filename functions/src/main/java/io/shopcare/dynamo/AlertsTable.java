package io.shopcare.dynamo;

/**
 * The alerts table's key formats, the one place they are spelled (template.yaml's stream filters
 * name the same prefixes). Each kind of item has one owner that reads and writes it:
 * <ul>
 * <li>subscriptions and subscribers (alerts): {@code ADDRESS#key / SUBSCRIBER},
 *     {@code RATE#mailbox / CONFIRMATIONS}, {@code SKU#sku / ALERT#subscriber}, {@code DIGEST#subscriber / DIGEST};
 *     index byOwner ({@code owner = SUBSCRIBER#id}), sparse index byQueue ({@code queue = ACTIVE#sku | DIGEST})</li>
 * <li>SKU states, waves and follow-ups (restock): {@code PRODUCT#id / SKU#sku}, {@code SKU#sku / WAVE#waveId},
 *     {@code SKU#sku / SENT#waveId#step}, {@code FOLLOWUP / dueAt#sku}</li>
 * <li>the restock log (restock, read by the digest): {@code RESTOCKS#day / productId#sku}</li>
 * <li>merchant notices (merchant): {@code MERCHANT#sku / version#kind}</li>
 * <li>digest runs (digest): {@code DIGEST_RUN / week}</li>
 * </ul>
 */
public final class AlertsTable {
    public static final String BY_QUEUE = "byQueue";
    public static final String BY_OWNER = "byOwner";
    public static final String SUBSCRIBER_SK = "SUBSCRIBER";
    public static final String RATE_SK = "CONFIRMATIONS";
    public static final String DIGEST_SK = "DIGEST";
    public static final String DIGEST_QUEUE = "DIGEST";
    public static final String FOLLOW_UP_PK = "FOLLOWUP";
    public static final String DIGEST_RUN_PK = "DIGEST_RUN";
    private static final String SKU_PREFIX = "SKU#";
    private static final String ALERT_PREFIX = "ALERT#";
    private static final String DIGEST_PREFIX = "DIGEST#";
    private static final String WAVE_PREFIX = "WAVE#";
    private static final String STATE_PREFIX = "SKU#";
    private static final String PRODUCT_PREFIX = "PRODUCT#";
    private static final String MERCHANT_PREFIX = "MERCHANT#";

    private AlertsTable() {
    }

    // ---------------------------------------------------------------- subscriptions

    public static String addressPk(String addressKey) {
        return "ADDRESS#" + addressKey;
    }

    public static String ratePk(String mailboxKey) {
        return "RATE#" + mailboxKey;
    }

    public static String skuPk(String sku) {
        return SKU_PREFIX + sku;
    }

    public static String alertSk(String subscriberId) {
        return ALERT_PREFIX + subscriberId;
    }

    public static String digestPk(String subscriberId) {
        return DIGEST_PREFIX + subscriberId;
    }

    public static String owner(String subscriberId) {
        return "SUBSCRIBER#" + subscriberId;
    }

    public static String alertQueue(String sku) {
        return "ACTIVE#" + sku;
    }

    /** The subscriber of an alert item's sort key, or null. */
    public static String subscriberOfAlert(String sk) {
        return sk.startsWith(ALERT_PREFIX) ? sk.substring(ALERT_PREFIX.length()) : null;
    }

    /** The subscriber of a digest item's partition key, or null. */
    public static String subscriberOfDigest(String pk, String sk) {
        return DIGEST_SK.equals(sk) && pk.startsWith(DIGEST_PREFIX) ? pk.substring(DIGEST_PREFIX.length()) : null;
    }

    /** The SKU of an item partitioned by SKU (alerts, waves), or null. */
    public static String skuOf(String pk) {
        return pk.startsWith(SKU_PREFIX) ? pk.substring(SKU_PREFIX.length()) : null;
    }

    // ---------------------------------------------------------------- restock

    public static String statesPk(String productId) {
        return PRODUCT_PREFIX + productId;
    }

    public static String stateSk(String sku) {
        return STATE_PREFIX + sku;
    }

    public static String stateSkPrefix() {
        return STATE_PREFIX;
    }

    public static String skuOfState(String sk) {
        return sk.substring(STATE_PREFIX.length());
    }

    public static String waveSk(String waveId) {
        return WAVE_PREFIX + waveId;
    }

    /** The wave id of a wave item's sort key, or null. */
    public static String waveIdOf(String sk) {
        return sk.startsWith(WAVE_PREFIX) ? sk.substring(WAVE_PREFIX.length()) : null;
    }

    public static String sentSk(String waveId, long step) {
        return "SENT#" + waveId + "#" + String.format("%09d", step);
    }

    public static String followUpSk(String dueAt, String sku) {
        return dueAt + "#" + sku;
    }

    public static String restocksPk(String day) {
        return "RESTOCKS#" + day;
    }

    public static String restockSk(String productId, String sku) {
        return productId + "#" + sku;
    }

    // ---------------------------------------------------------------- merchant notices

    public static String noticePk(String sku) {
        return MERCHANT_PREFIX + sku;
    }

    public static String noticeSk(long version, String kind) {
        return String.format("%015d#%s", version, kind);
    }
}
