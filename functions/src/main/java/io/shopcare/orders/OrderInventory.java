package io.shopcare.orders;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.stock.PreorderCount;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What orders read from the merchant's data: SKUs, stock, locations, carriers and the live backlog. */
public interface OrderInventory {

    /** The SKU's product and variant; absent from the map when the SKU is not sold. */
    Map<String, SkuInfo> skus(Collection<String> skus);

    /** sku -> locationId -> its stock. */
    Map<String, Map<String, StockCount>> stock(Collection<String> skus);

    /**
     * Each SKU's pre-order counts (absent: none). Arriving units go to the waiting ones first, so
     * new orders can buy only what is free beyond them.
     */
    Map<String, PreorderCount> preorders(Collection<String> skus);

    /** The SKU's pre-order queue, oldest first, at most {@code limit} entries. */
    List<QueuedPreorder> preorderQueue(String sku, int limit);

    List<Location> locations();

    List<CarrierTerms> carriers();

    /** locationId -> orders sourced there and not yet shipped or handed over (as of a few seconds ago). */
    Map<String, Long> backlog(Collection<String> locationIds);

    /**
     * Everything one decision about these SKUs reads: what {@link #skus}, {@link #stock},
     * {@link #locations}, {@link #carriers} and {@link #backlog} (of every location) answer. Read
     * one after the other here; an implementation may issue the reads that do not depend on each
     * other at the same time (the answers are the same: every read is on its own either way).
     */
    default Reading read(Collection<String> skus) {
        Map<String, SkuInfo> infos = skus(skus);
        List<Location> locations = locations();
        Map<String, Map<String, StockCount>> stock = stock(skus);
        List<CarrierTerms> carriers = carriers();
        return new Reading(infos, stock, locations, carriers, backlog(locationIds(locations)));
    }

    static List<String> locationIds(List<Location> locations) {
        return locations.stream().map(Location::locationId).distinct().toList();
    }

    /** What {@link #read} answers. */
    record Reading(Map<String, SkuInfo> skus, Map<String, Map<String, StockCount>> stock, List<Location> locations,
                   List<CarrierTerms> carriers, Map<String, Long> backlog) {
    }

    record SkuInfo(Product product, Product.Variant variant) {
        public Money price() {
            return variant.price() != null ? variant.price() : product.price();
        }
    }

    record QueuedPreorder(String orderId, int units) {
    }

    record StockCount(long onHand, long reserved) {
        public long available() {
            return Math.max(0, onHand - reserved);
        }
    }

    /** A carrier's terms as quotes and orders need them; {@code slotWindows} like "08:00-12:00". */
    record CarrierTerms(String carrierId, String name, List<Order.DeliveryMethod> methods, int transitMin,
                        int transitMax, Money price, Money freeFrom, String trackingUrl, List<String> slotWindows) {
    }
}
