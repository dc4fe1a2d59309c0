package io.shopcare.availability;

import io.shopcare.observability.LogContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the read model in step with the inventory table.
 *
 * <p>Every change to a product aggregate (its definition or any of its stock levels) bumps the
 * product's version in the same transaction, so that version totally orders the aggregate's
 * history. For each product a batch mentions, the projector re-reads the current state and
 * stores the projection only where the stored one is older (conditional write on version). A
 * redelivered batch, or an old record after a newer one, therefore recomputes the same or a
 * newer state and changes nothing; nothing ever moves backwards. A location change touches the
 * products stocked there, whose own records then re-project them.
 *
 * <p>Alternatives depend on other products, so after a product, each category it touches has its
 * alternatives recomputed from its entries (one Query).
 */
public final class AvailabilityProjector {
    private final InventorySource source;
    private final ReadModel readModel;

    public AvailabilityProjector(InventorySource source, ReadModel readModel) {
        this.source = source;
        this.readModel = readModel;
    }

    /**
     * A product changed (its definition or its stock): projects its current state and recomputes
     * the alternatives of every category it is or was in. {@code previousCategories} and
     * {@code previousSkus} are what it had before, so it leaves what it no longer belongs to.
     */
    public void productChanged(String productId, Collection<String> previousCategories,
                               Collection<String> previousSkus) {
        LogContext.touch("productId", productId);
        Optional<InventorySnapshot> snapshot = source.load(productId);
        if (snapshot.isEmpty()) {
            return;
        }
        ProductProjection projection = ProductProjection.of(snapshot.get());
        Set<String> droppedCategories = new HashSet<>(previousCategories);
        droppedCategories.removeAll(projection.categoryIds());
        Set<String> droppedSkus = new HashSet<>(previousSkus);
        droppedSkus.removeAll(projection.storesBySku().keySet());
        readModel.save(projection, droppedCategories, droppedSkus);
        Set<String> categories = new LinkedHashSet<>(projection.categoryIds());
        categories.addAll(droppedCategories);
        categories.forEach(this::refreshAlternatives);
    }

    /** A location changed (opening hours, shipping): the products stocked there are marked changed. */
    public void locationChanged(String locationId) {
        source.productsStockedAt(locationId).forEach(source::touch);
    }

    private void refreshAlternatives(String categoryId) {
        List<ListingEntry> entries = readModel.categoryEntries(categoryId);
        for (ListingEntry entry : entries) {
            // A product in several categories takes its alternatives from its first one.
            if (entry.needsAlternatives() && categoryId.equals(entry.primaryCategory())) {
                readModel.saveAlternatives(entry.productId(), Alternatives.rank(entry, entries));
            }
        }
    }
}
