package io.shopcare.dynamo;

/**
 * Keys of the inventory table (pk, sk), shared by every adapter that reads or writes it.
 * Locations share one partition so the projector reads them all with one Query.
 */
public final class InventoryKeys {
    public static final String LOCATIONS_PK = "LOCATIONS";
    public static final String PRODUCT_SK = "PRODUCT";
    public static final String SKU_SK = "SKU";

    private InventoryKeys() {
    }

    public static String locationSk(String locationId) {
        return "LOC#" + locationId;
    }

    public static String productPk(String productId) {
        return "PRODUCT#" + productId;
    }

    public static String skuPk(String sku) {
        return "SKU#" + sku;
    }

    public static String stockSk(String locationId) {
        return "STOCK#" + locationId;
    }

    public static String locationIndexPk(String locationId) {
        return "LOC#" + locationId;
    }
}
