package io.shopcare.dynamo;

/**
 * The read model table's key formats, written only by the availability projector.
 * <ul>
 * <li>{@code PRODUCT#id / DETAIL} the product page; {@code PRODUCT#id / ALTERNATIVES} its substitutes</li>
 * <li>{@code CATEGORY#id / PRODUCT#id} one listing entry per product in the category</li>
 * <li>{@code SKU#sku / STORES} the stores that carry the SKU</li>
 * </ul>
 */
public final class ReadModelTable {
    public static final String DETAIL_SK = "DETAIL";
    public static final String ALTERNATIVES_SK = "ALTERNATIVES";
    public static final String STORES_SK = "STORES";

    private ReadModelTable() {
    }

    public static String productPk(String productId) {
        return "PRODUCT#" + productId;
    }

    public static String categoryPk(String categoryId) {
        return "CATEGORY#" + categoryId;
    }

    public static String skuPk(String sku) {
        return "SKU#" + sku;
    }
}
