package io.shopcare.availability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * <p>Alternatives depend on other products, so after the products, each touched category's
 * alternatives are recomputed from its entries (one Query).
 */
public final class AvailabilityProjector {
    private static final Logger LOG = Logger.getLogger(AvailabilityProjector.class.getName());
    private final InventorySource source;
    private final ReadModel readModel;

    public AvailabilityProjector(InventorySource source, ReadModel readModel) {
        this.source = source;
        this.readModel = readModel;
    }

    /** Projects the changes; returns the sequence numbers of the records that could not be processed. */
    public List<String> project(List<InventoryChange> changes) {
        Map<String, List<InventoryChange>> byProduct = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (InventoryChange change : changes) {
            if (change.kind() == InventoryChange.Kind.PRODUCT) {
                byProduct.computeIfAbsent(change.id(), id -> new ArrayList<>()).add(change);
            } else if (!touchProductsAt(change.id())) {
                failed.add(change.sequenceNumber());
            }
        }
        Map<String, List<InventoryChange>> byCategory = new LinkedHashMap<>();
        for (Map.Entry<String, List<InventoryChange>> product : byProduct.entrySet()) {
            Optional<Set<String>> categories = projectProduct(product.getKey(), product.getValue());
            if (categories.isEmpty()) {
                product.getValue().forEach(c -> failed.add(c.sequenceNumber()));
            } else {
                categories.get().forEach(c -> byCategory.computeIfAbsent(c, k -> new ArrayList<>())
                        .addAll(product.getValue()));
            }
        }
        for (Map.Entry<String, List<InventoryChange>> category : byCategory.entrySet()) {
            if (!refreshAlternatives(category.getKey())) {
                category.getValue().forEach(c -> failed.add(c.sequenceNumber()));
            }
        }
        return failed.stream().distinct().toList();
    }

    /** The categories the product is or was in, or empty when projecting failed. */
    private Optional<Set<String>> projectProduct(String productId, List<InventoryChange> changes) {
        try {
            Optional<InventorySnapshot> snapshot = source.load(productId);
            if (snapshot.isEmpty()) {
                return Optional.of(Set.of());
            }
            ProductProjection projection = ProductProjection.of(snapshot.get());
            Set<String> droppedCategories = new HashSet<>();
            Set<String> droppedSkus = new HashSet<>();
            for (InventoryChange change : changes) {
                droppedCategories.addAll(change.previousCategories());
                droppedSkus.addAll(change.previousSkus());
            }
            droppedCategories.removeAll(projection.categoryIds());
            droppedSkus.removeAll(projection.storesBySku().keySet());
            readModel.save(projection, droppedCategories, droppedSkus);
            Set<String> categories = new LinkedHashSet<>(projection.categoryIds());
            categories.addAll(droppedCategories);
            return Optional.of(categories);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "projecting product " + productId + " failed; it will be retried", e);
            return Optional.empty();
        }
    }

    private boolean touchProductsAt(String locationId) {
        try {
            source.productsStockedAt(locationId).forEach(source::touch);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "touching products at location " + locationId + " failed; it will be retried", e);
            return false;
        }
    }

    private boolean refreshAlternatives(String categoryId) {
        try {
            List<ListingEntry> entries = readModel.categoryEntries(categoryId);
            for (ListingEntry entry : entries) {
                // A product in several categories takes its alternatives from its first one.
                if (entry.needsAlternatives() && categoryId.equals(entry.primaryCategory())) {
                    readModel.saveAlternatives(entry.productId(), Alternatives.rank(entry, entries));
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alternatives of category " + categoryId + " failed; they will be retried", e);
            return false;
        }
    }
}
