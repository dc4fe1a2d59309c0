package io.shopcare.dynamo;

/**
 * The inventory table's key formats (pk, sk), the one place they are spelled; template.yaml's
 * stream filters name the same prefixes. Locations share one partition so the projector reads
 * them all with one Query; so do carriers (a quote reads them all).
 * <ul>
 * <li>{@code LOCATIONS / LOC#id} a location</li>
 * <li>{@code CARRIERS / CARRIER#id} a carrier (no stream consumer's filter lets it through)</li>
 * <li>{@code PRODUCT#id / PRODUCT} a product (its version orders every change of the product)</li>
 * <li>{@code SKU#sku / SKU} which product owns the SKU</li>
 * <li>{@code SKU#sku / STOCK#location} a stock level; index byLocation: {@code LOC#location / SKU#sku}</li>
 * <li>{@code SKU#sku / PREORDERS} units waiting in the SKU's pre-order queue ({@code waiting})</li>
 * <li>{@code SKU#sku / PREORDER#queuedAt#orderId} one order's place in that queue (oldest first)</li>
 * </ul>
 */
public final class InventoryTable {
    public static final String BY_LOCATION = "byLocation";
    public static final String LOCATIONS_PK = "LOCATIONS";
    public static final String CARRIERS_PK = "CARRIERS";
    public static final String PRODUCT_SK = "PRODUCT";
    public static final String SKU_SK = "SKU";
    private static final String LOCATION_PREFIX = "LOC#";
    private static final String CARRIER_PREFIX = "CARRIER#";
    private static final String PRODUCT_PREFIX = "PRODUCT#";
    private static final String SKU_PREFIX = "SKU#";
    public static final String STOCK_PREFIX = "STOCK#";
    public static final String PREORDERS_SK = "PREORDERS";
    public static final String PREORDER_PREFIX = "PREORDER#";

    private InventoryTable() {
    }

    public static String locationSk(String locationId) {
        return LOCATION_PREFIX + locationId;
    }

    public static String carrierSk(String carrierId) {
        return CARRIER_PREFIX + carrierId;
    }

    public static String productPk(String productId) {
        return PRODUCT_PREFIX + productId;
    }

    public static String skuPk(String sku) {
        return SKU_PREFIX + sku;
    }

    public static String stockSk(String locationId) {
        return STOCK_PREFIX + locationId;
    }

    /** {@code queuedAt}: a fixed-width instant, so the queue sorts by time. */
    public static String preorderSk(String queuedAt, String orderId) {
        return PREORDER_PREFIX + queuedAt + "#" + orderId;
    }

    /** The SKU of an item partitioned by SKU, or null. */
    public static String skuOf(String pk) {
        return pk.startsWith(SKU_PREFIX) ? pk.substring(SKU_PREFIX.length()) : null;
    }

    public static String locationIndexPk(String locationId) {
        return LOCATION_PREFIX + locationId;
    }

    /** The product id of a product item's keys, or null when the keys name something else. */
    public static String productIdOf(String pk, String sk) {
        return PRODUCT_SK.equals(sk) && pk.startsWith(PRODUCT_PREFIX) ? pk.substring(PRODUCT_PREFIX.length()) : null;
    }

    /** The location id of a location item's keys, or null when the keys name something else. */
    public static String locationIdOf(String pk, String sk) {
        return LOCATIONS_PK.equals(pk) && sk.startsWith(LOCATION_PREFIX) ? sk.substring(LOCATION_PREFIX.length()) : null;
    }
}
